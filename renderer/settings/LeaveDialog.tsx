// Asked when someone leaves the settings with changes that are not saved.
import { useEffect, useRef } from 'react';

export function LeaveDialog({ onSave, onDiscard, onStay }: { onSave: () => void; onDiscard: () => void; onStay: () => void }) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <div className="dialog-backdrop">
      <div
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="leave-title"
        aria-describedby="leave-text"
        data-testid="leave-dialog"
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          e.stopPropagation();
          onStay();
        }}
      >
        <h2 id="leave-title">Save your changes?</h2>
        <p id="leave-text">Some settings were changed but not saved yet.</p>
        <div className="dialog__actions">
          <button type="button" className="button button--primary" ref={first} onClick={onSave}>
            Save
          </button>
          <button type="button" className="button" onClick={onDiscard}>
            Don’t save
          </button>
          <button type="button" className="button" onClick={onStay}>
            Keep editing
          </button>
        </div>
      </div>
    </div>
  );
}

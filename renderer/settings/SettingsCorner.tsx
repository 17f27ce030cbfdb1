// The kiosk's touch way into settings: an invisible square in the top-left
// corner that opens them after a two-second hold. Taps and swipes pass by.
import { useEffect, useState } from 'react';
import { LongPress } from './long-press';
import './settings-corner.css';

export function SettingsCorner({ onOpen }: { onOpen: () => void }) {
  const [press] = useState(() => new LongPress(onOpen, { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) }));
  useEffect(() => () => press.cancel(), [press]);
  return (
    <div
      className="settings-corner"
      data-testid="settings-corner"
      aria-hidden="true"
      onPointerDown={(e) => {
        // Keep receiving moves and the lift even if the finger slides out of the square.
        e.currentTarget.setPointerCapture?.(e.pointerId);
        press.down(e.clientX, e.clientY, e.pointerId);
      }}
      onPointerMove={(e) => press.move(e.clientX, e.clientY, e.pointerId)}
      onPointerUp={() => press.cancel()}
      onPointerCancel={() => press.cancel()}
      // A long touch would otherwise open the context menu or select text.
      onContextMenu={(e) => e.preventDefault()}
    />
  );
}

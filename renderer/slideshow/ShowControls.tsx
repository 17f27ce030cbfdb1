// The show's controls: keys (← → and Space), taps and swipes (gestures.ts),
// and the small strip a tap in the middle brings up for a few seconds. Every
// command goes through the core, so all screens and Home Assistant agree.
import { useEffect, useRef, useState, type PointerEvent } from 'react';
import type { ShowCommand } from '../../shared/show';
import { GestureTracker } from './gestures';

/** How long the strip and the caption stay after a tap in the middle. */
export const STRIP_MS = 5_000;

export interface ShowControlsState {
  /** The strip and the caption are up. */
  revealed: boolean;
  /** Handlers for the show's root element. */
  pointer: {
    onPointerDown: (event: PointerEvent<HTMLElement>) => void;
    onPointerUp: (event: PointerEvent<HTMLElement>) => void;
    onPointerCancel: () => void;
  };
  /** Keeps the strip up a little longer (a button was used). */
  keepRevealed: () => void;
}

const mark = (event: PointerEvent<HTMLElement>) => ({ x: event.clientX, y: event.clientY, t: event.timeStamp });

export function useShowControls(send: (command: ShowCommand) => void, paused: boolean): ShowControlsState {
  const [revealed, setRevealed] = useState(false);
  const hide = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const tracker = useRef(new GestureTracker());
  const pausedRef = useRef(paused);
  pausedRef.current = paused;

  const keepRevealed = () => {
    clearTimeout(hide.current);
    setRevealed(true);
    hide.current = setTimeout(() => setRevealed(false), STRIP_MS);
  };
  useEffect(() => () => clearTimeout(hide.current), []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.altKey || event.metaKey || event.defaultPrevented) return;
      // A focused button of the strip answers Space itself.
      if (event.target instanceof HTMLElement && event.target.closest('button, input, textarea, select')) return;
      if (event.key === 'ArrowRight') send('next');
      else if (event.key === 'ArrowLeft') send('previous');
      else if (event.key === ' ' || event.code === 'Space') {
        event.preventDefault();
        if (!event.repeat) send(pausedRef.current ? 'resume' : 'pause');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [send]);

  return {
    revealed,
    keepRevealed,
    pointer: {
      onPointerDown: (event) => {
        if (event.button !== 0 || (event.target as HTMLElement).closest('button')) return;
        tracker.current.press(event.pointerId, mark(event));
      },
      onPointerUp: (event) => {
        const gesture = tracker.current.release(event.pointerId, mark(event), window.innerWidth);
        if (gesture === 'reveal') keepRevealed();
        else if (gesture) send(gesture);
      },
      onPointerCancel: () => tracker.current.cancel(),
    },
  };
}

const ICONS = {
  previous: 'M7 6h2v12H7zM10 12l9-6v12z',
  next: 'M15 6h2v12h-2zM5 6l9 6-9 6z',
  pause: 'M7 5h4v14H7zM13 5h4v14h-4z',
  resume: 'M8 5l11 7-11 7z',
} as const;

function Icon({ name }: { name: keyof typeof ICONS }) {
  return (
    <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <path d={ICONS[name]} fill="currentColor" />
    </svg>
  );
}

/** Previous, pause or resume, next: big enough for a finger, up for a few seconds after a tap in the middle. */
export function ControlStrip({ paused, send, touched }: { paused: boolean; send: (command: ShowCommand) => void; touched: () => void }) {
  const buttons: [ShowCommand, string][] = [
    ['previous', 'Previous photo'],
    paused ? ['resume', 'Resume the show'] : ['pause', 'Pause the show'],
    ['next', 'Next photo'],
  ];
  return (
    <div className="control-strip overlay" data-testid="control-strip" role="toolbar" aria-label="Show controls">
      {buttons.map(([command, label]) => (
        <button
          key={label}
          type="button"
          className="control-strip__button"
          aria-label={label}
          onClick={() => {
            touched();
            send(command);
          }}
        >
          <Icon name={command} />
        </button>
      ))}
    </div>
  );
}

/** A quiet sign that the show is paused. */
export function PauseMark() {
  return (
    <div className="pause-mark overlay" data-testid="pause-mark" role="status" aria-label="Paused">
      <Icon name="pause" />
    </div>
  );
}

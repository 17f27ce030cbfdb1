// Stand-in for the settings screen (a later issue builds the real one): says
// where settings live today and shows the current display settings read-only.
import type { FrameSnapshot } from '../../shared/display';
import { useFrame } from '../state/frame-store';
import './settings.css';

const TRANSITIONS = { crossfade: 'Crossfade', none: 'None' } as const;
const FITS = { fit: 'Whole photo (fit)', fill: 'Fill the screen (crop)' } as const;
const ORDERS = { sorted: 'As in the project', shuffle: 'Shuffle' } as const;
const CAPTIONS = { none: 'None', title: 'Title', 'title-description': 'Title and description' } as const;

function rows(snapshot: FrameSnapshot): [string, string][] {
  const { display, gallery, status } = snapshot;
  return [
    ['Seconds per photo', String(display.slideSeconds)],
    ['Transition', TRANSITIONS[display.transition]],
    ['Fit', FITS[display.fit]],
    ['Order', ORDERS[display.order]],
    ['Captions', CAPTIONS[display.captions]],
    ['Project', gallery.projectId ?? (status.demo ? 'Demo gallery' : 'Not connected')],
    ['Photos', String(gallery.items.length)],
    ['Last sync', gallery.syncedAt ? new Date(gallery.syncedAt).toLocaleString() : 'Not yet'],
  ];
}

export function SettingsPlaceholder({ backHref }: { backHref: string }) {
  const snapshot = useFrame((s) => s.snapshot);
  return (
    <main className="settings" data-testid="settings">
      <h1>Settings</h1>
      <p>
        Settings are configured through environment variables for now (for example <code>FRAME_SLIDE_SECONDS</code>, <code>WIX_PROJECT_ID</code>); see
        the README. A settings screen is on its way.
      </p>
      {snapshot ? (
        <>
          {snapshot.gallery.lastError && <p className="settings__error">{snapshot.gallery.lastError}</p>}
          <dl className="settings__list">
            {rows(snapshot).map(([name, value]) => (
              <div key={name} className="settings__row">
                <dt>{name}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : (
        <p>Connecting to the frame…</p>
      )}
      <a className="settings__back" href={backHref}>
        Back to the slideshow
      </a>
    </main>
  );
}

// The phone's way into the settings: a QR code of the frame's LAN address
// (with the admin token in the fragment), shown only on the frame's own
// screen: the shell answers nobody else. A frame that listens on loopback only
// says how to let phones in instead of showing a code that cannot work.
import { createContext, useContext, useEffect, useState } from 'react';
import { SETUP_TOKEN_KEY, type SetupLink } from '../../shared/settings-api';
import './setup-qr.css';

/** The bridge's setupLink, given by App; absent in tests and shells without it. */
export const SetupLinkContext = createContext<(() => Promise<SetupLink | null>) | undefined>(undefined);

function useSetupLink(): SetupLink | null {
  const load = useContext(SetupLinkContext);
  const [link, setLink] = useState<SetupLink | null>(null);
  useEffect(() => {
    let live = true;
    load?.().then(
      (answer) => live && setLink(answer),
      () => undefined, // not the frame itself, or the shell is away: no code
    );
    return () => {
      live = false;
    };
  }, [load]);
  return link;
}

/** Drawn from the core's module rows: one path, a white quiet zone of four modules. */
function QrCode({ rows, label }: { rows: string[]; label: string }) {
  const size = rows.length + 8;
  let path = '';
  rows.forEach((row, y) => {
    for (const run of row.matchAll(/1+/g)) path += `M${run.index + 4} ${y + 4}h${run[0].length}v1h-${run[0].length}z`;
  });
  return (
    <svg className="qr" data-testid="setup-qr" viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} shapeRendering="crispEdges">
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}

/** `wall`: the empty show, read from across a room: no addresses or variable names there. `untitled`: under a heading of its own. */
export function SetupQr({ wall = false, untitled = false }: { wall?: boolean; untitled?: boolean }) {
  const link = useSetupLink();
  if (!link) return null;
  if (!link.reachable) {
    return wall ? (
      <p className="notice__hint" data-testid="setup-loopback">
        Phones can’t reach this frame yet: its settings on this screen say how to allow them.
      </p>
    ) : (
      <p className="setup setup--off" data-testid="setup-loopback">
        Phones can’t reach this frame yet: it answers only to this device. To allow phones on your network, start the frame with <code>FRAME_HTTP_HOST=0.0.0.0</code> in its
        environment (for example <code>FRAME_HTTP_HOST=0.0.0.0 npm start</code>), then turn Start on boot off and on so it starts that way every time. A QR code to scan
        appears here then.
      </p>
    );
  }
  const [address, fragment = ''] = link.url.split('#');
  const token = new URLSearchParams(fragment).get(SETUP_TOKEN_KEY);
  return (
    <div className={wall ? 'setup setup--wall' : 'setup'}>
      <QrCode rows={link.qr} label="QR code that opens this frame’s settings on a phone" />
      <div>
        {!untitled && <p className="setup__title">Set up from your phone</p>}
        <p>Scan this with the camera of a phone on the same Wi-Fi{wall ? '.' : ' to open these settings there.'}</p>
        {!wall && (
          <p className="setup__small">
            Or open <span className="setup__url">{address}</span>
            {token && (
              <>
                {' '}
                and enter the admin token <code data-testid="frame-admin-token">{token}</code>
              </>
            )}
            .
          </p>
        )}
      </div>
    </div>
  );
}

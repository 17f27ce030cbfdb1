// Small, translucent status lines in a corner (bottom right), over the photos: something is
// wrong, but the last good gallery keeps showing.
import type { ConnectionStatus } from '../bridge/frame-bridge';

export function StatusBar({ lastError, connection }: { lastError: string | null; connection: ConnectionStatus }) {
  if (!lastError && connection !== 'reconnecting') return null;
  return (
    <div className="status-bar">
      {lastError && (
        <div className="status-bar__line" data-testid="status-error">
          {lastError}
        </div>
      )}
      {connection === 'reconnecting' && (
        <div className="status-bar__line" data-testid="status-connection">
          Reconnecting to the frame…
        </div>
      )}
    </div>
  );
}

// One calm line in the bottom right corner when something is wrong: what, and
// what to do. The last good gallery keeps showing above it.
import type { FrameStatus } from '../../shared/display';
import type { ConnectionStatus } from '../bridge/frame-bridge';

export function StatusNote({ status, connection }: { status: FrameStatus; connection: ConnectionStatus }) {
  // The core lists what is wrong, most important first; the first one is said here.
  const first = Array.isArray(status.problems) ? status.problems[0] : undefined;
  const line = connection === 'reconnecting' ? 'Reconnecting to the frame…' : first ? [first.message, first.action].filter(Boolean).join(' ') : null;
  if (!line) return null;
  return (
    <div className="status-note overlay" data-testid="status-note" role="status">
      {line}
    </div>
  );
}

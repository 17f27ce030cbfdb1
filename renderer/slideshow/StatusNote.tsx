// One calm line in the bottom right corner when something is wrong: what, and
// what to do. The last good gallery keeps showing above it.
import type { FrameStatus } from '../../shared/display';
import type { ConnectionStatus } from '../bridge/frame-bridge';

/** What the core says is wrong, most important first (status.problems). */
interface Problem {
  message: string;
  action?: string;
}

/** The core's problems; null from a core that does not list them (then the gallery's last error says it). */
function problemsOf(status: FrameStatus): Problem[] | null {
  const list = (status as { problems?: unknown }).problems;
  return Array.isArray(list) ? list.filter((p): p is Problem => typeof p === 'object' && p !== null && typeof (p as Problem).message === 'string') : null;
}

export function StatusNote({ status, lastError, connection }: { status: FrameStatus; lastError: string | null; connection: ConnectionStatus }) {
  const problems = problemsOf(status);
  const first = problems?.[0];
  const line = connection === 'reconnecting' ? 'Reconnecting to the frame…' : first ? [first.message, first.action].filter(Boolean).join(' ') : problems ? null : lastError;
  if (!line) return null;
  return (
    <div className="status-note overlay" data-testid="status-note" role="status">
      {line}
    </div>
  );
}

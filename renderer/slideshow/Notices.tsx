// Calm full-screen messages shown instead of photos.
import { SetupQr } from '../settings/SetupQr';
import { useFrame } from '../state/frame-store';

export function EmptyState({ setupNeeded }: { setupNeeded: boolean }) {
  // No photos because something is wrong (Wix refusing the key, say): say that, not "add photos".
  const problem = useFrame((s) => s.snapshot?.status.problems.find((p) => p.area !== 'setup'));
  return (
    <div className="notice" data-testid="empty">
      <p className="notice__title">No photos yet</p>
      <p className="notice__hint">{setupNeeded ? 'Connect this frame to a Wix Portfolio project to begin.' : (problem?.message ?? 'Add photos to your Wix Portfolio project.')}</p>
      <p className="notice__hint">To open the settings on this screen, press and hold its top-left corner for two seconds.</p>
      <SetupQr wall />
    </div>
  );
}

export function UnavailableState() {
  return (
    <div className="notice" data-testid="unavailable">
      <p className="notice__title">The photos can’t be shown right now</p>
      <p className="notice__hint">The frame will try again shortly.</p>
    </div>
  );
}

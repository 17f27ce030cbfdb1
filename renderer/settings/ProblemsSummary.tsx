// What is wrong with the frame now, at the top of the settings, each with a
// way to the field that fixes it (where that field says it again).
import { LABELS } from '../../shared/settings';
import { useFrame } from '../state/frame-store';
import { focusField } from './fields';

export function ProblemsSummary() {
  const problems = useFrame((s) => s.snapshot?.status.problems);
  // "Not connected yet" is what the first-run screen itself is about.
  const shown = problems?.filter((p) => p.area !== 'setup') ?? [];
  if (shown.length === 0) return null;
  return (
    <section className="problems" aria-labelledby="problems-title" data-testid="settings-problems">
      <h2 id="problems-title">{shown.length === 1 ? 'Something needs attention' : `${shown.length} things need attention`}</h2>
      <ul>
        {shown.map((problem) => (
          <li key={problem.area}>
            {/* Here the way to the field is the action; without one, the words say what to do. */}
            {problem.message} {!problem.field && problem.action}
            {problem.field && (
              <button type="button" className="link-button" onClick={() => focusField(problem.field!)}>
                Go to {LABELS[problem.field].replace(/^The\b/, 'the')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

import { describe, expect, it, vi } from 'vitest';
import { describeChildProcessGone, REPAINT_DELAY_MS, watchChildProcesses, type ChildProcessGone } from './child-process-watch';
import { FakeEmitter } from './test-support/fake-emitter';

function setup() {
  const app = new FakeEmitter();
  const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const repaint = vi.fn();
  const timers: { callback: () => void; ms: number }[] = [];
  watchChildProcesses(app, { logger, repaint, setTimeout: (callback, ms) => timers.push({ callback, ms }) });
  const gone = (details: ChildProcessGone) => app.emit('child-process-gone', {}, details);
  return { logger, repaint, timers, gone };
}

describe('watchChildProcesses', () => {
  it('logs a dead GPU process with its reason and repaints the window once a new one had time to start', () => {
    const { logger, repaint, timers, gone } = setup();
    gone({ type: 'GPU', reason: 'crashed', exitCode: 139 });
    expect(logger.warn).toHaveBeenCalledWith('GPU process gone (crashed, exit code 139): Chromium starts a new one; repainting the window.');
    expect(repaint).not.toHaveBeenCalled();
    expect(timers.map((t) => t.ms)).toEqual([REPAINT_DELAY_MS]);
    timers[0]!.callback();
    expect(repaint).toHaveBeenCalledOnce();
  });

  it('names a utility service and logs its reason', () => {
    const { logger, timers, gone } = setup();
    gone({ type: 'Utility', reason: 'oom', exitCode: -1, serviceName: 'network.mojom.NetworkService', name: 'Network Service' });
    expect(logger.warn).toHaveBeenCalledWith('Utility Network Service process gone (oom, exit code -1): Chromium starts a new one when needed.');
    expect(timers).toEqual([]);
  });

  it('only notes a clean exit', () => {
    const { logger, repaint, timers, gone } = setup();
    gone({ type: 'Utility', reason: 'clean-exit', exitCode: 0, serviceName: 'audio.mojom.AudioService' });
    expect(logger.info).toHaveBeenCalledWith('Utility audio.mojom.AudioService process gone (clean-exit, exit code 0).');
    expect(logger.warn).not.toHaveBeenCalled();
    expect(repaint).not.toHaveBeenCalled();
    expect(timers).toEqual([]);
  });

  it('describes a process without a name by its type', () => {
    expect(describeChildProcessGone({ type: 'Zygote', reason: 'launch-failed', exitCode: 1 })).toBe('Zygote process gone (launch-failed, exit code 1)');
  });
});

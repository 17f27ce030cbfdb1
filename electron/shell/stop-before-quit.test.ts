import { afterEach, describe, expect, it, vi } from 'vitest';
import { stopBeforeQuit, type QuittingApp } from './stop-before-quit';
import { FakeEmitter, FakeEvent } from './test-support/fake-emitter';

class FakeApp extends FakeEmitter implements QuittingApp {
  quits = 0;
  /** What Electron does: before-quit, and quitting unless prevented. */
  quit(): void {
    this.quits += 1;
    const event = new FakeEvent();
    this.emit('before-quit', event);
    if (!event.defaultPrevented) this.emit('quitting');
  }
}

const logger = () => ({ info: vi.fn(), warn: vi.fn(), error: vi.fn() });

afterEach(() => vi.useRealTimers());

describe('stopBeforeQuit', () => {
  it('holds the quit until the frame stopped, then quits for real', async () => {
    const app = new FakeApp();
    let finish!: () => void;
    const stop = vi.fn(() => new Promise<void>((r) => (finish = r)));
    const quitting = vi.fn();
    app.on('quitting', quitting);
    stopBeforeQuit(app, stop, logger());
    app.quit();
    app.quit();
    await vi.waitFor(() => expect(stop).toHaveBeenCalledOnce());
    await new Promise((r) => setTimeout(r, 10));
    expect(quitting).not.toHaveBeenCalled();
    finish();
    await vi.waitFor(() => expect(quitting).toHaveBeenCalledOnce());
  });

  it('quits even when stopping fails or throws at once', async () => {
    for (const stop of [() => Promise.reject(new Error('disk full')), () => { throw new Error('sync'); }]) {
      const app = new FakeApp();
      const log = logger();
      const quitting = vi.fn();
      app.on('quitting', quitting);
      stopBeforeQuit(app, stop, log);
      app.quit();
      await vi.waitFor(() => expect(quitting).toHaveBeenCalledOnce());
      expect(log.error).toHaveBeenCalled();
    }
  });

  it('gives up waiting after the timeout', async () => {
    vi.useFakeTimers();
    const app = new FakeApp();
    const log = logger();
    const quitting = vi.fn();
    app.on('quitting', quitting);
    stopBeforeQuit(app, () => new Promise<void>(() => undefined), log, 5_000);
    app.quit();
    await vi.advanceTimersByTimeAsync(4_999);
    expect(quitting).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(quitting).toHaveBeenCalledOnce();
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('5000 ms'));
  });
});

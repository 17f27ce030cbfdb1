import { describe, expect, it, vi } from 'vitest';
import { HUNG_MS, KioskWindow, type KioskBrowserWindow, type KioskTimers } from './kiosk-window';
import { FakeEmitter } from './test-support/fake-emitter';

class FakeWebContents extends FakeEmitter {
  crashRequests = 0;
  /** What Electron does: the renderer is killed and reported gone. */
  forcefullyCrashRenderer(): void {
    this.crashRequests += 1;
    this.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 });
  }
}

class FakeWindow extends FakeEmitter implements KioskBrowserWindow {
  readonly webContents = new FakeWebContents();
  loaded: string[] = [];
  shown = 0;
  focused = 0;
  restored = 0;
  minimized = false;
  destroyed = false;
  /** Most tests are about other things: the page paints as soon as it loads. */
  paintsOnLoad = true;
  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    if (this.paintsOnLoad) this.emit('ready-to-show');
    return Promise.resolve();
  }
  show(): void {
    this.shown += 1;
  }
  focus(): void {
    this.focused += 1;
  }
  restore(): void {
    this.restored += 1;
    this.minimized = false;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
  }
  crash(reason = 'crashed'): void {
    this.webContents.emit('render-process-gone', {}, { reason, exitCode: 139 });
  }
}

class ManualTimers implements KioskTimers {
  time = 0;
  private queue: { at: number; callback: () => void; id: number }[] = [];
  private nextId = 1;
  now(): number {
    return this.time;
  }
  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.queue.push({ at: this.time + ms, callback, id });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.queue = this.queue.filter((t) => t.id !== handle);
  }
  get pending(): number[] {
    return this.queue.map((t) => t.at - this.time);
  }
  advance(ms: number): void {
    this.time += ms;
    const due = this.queue.filter((t) => t.at <= this.time);
    this.queue = this.queue.filter((t) => t.at > this.time);
    for (const t of due) t.callback();
  }
}

function harness({ paints = true } = {}) {
  const windows: FakeWindow[] = [];
  const timers = new ManualTimers();
  const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const wire = vi.fn();
  const kiosk = new KioskWindow<FakeWindow>({
    create: () => {
      const w = new FakeWindow();
      w.paintsOnLoad = paints;
      windows.push(w);
      return w;
    },
    indexUrl: 'frame-app://app/index.html',
    setup: wire,
    logger,
    timers,
  });
  return { kiosk, windows, timers, logger, wire };
}

describe('KioskWindow', () => {
  it('loads the index, wires the window before loading, and shows it only when painted', () => {
    const { kiosk, windows, wire } = harness({ paints: false });
    const window = kiosk.open();
    expect(windows).toEqual([window]);
    expect(wire).toHaveBeenCalledWith(window);
    expect(window.loaded).toEqual(['frame-app://app/index.html']);
    expect(window.shown).toBe(0);
    window.emit('ready-to-show');
    expect(window.shown).toBe(1);
    expect(kiosk.current).toBe(window);
  });

  it('shows the window after 10 s even when it never reports a first paint', () => {
    const { kiosk, timers } = harness({ paints: false });
    const window = kiosk.open();
    timers.advance(9_999);
    expect(window.shown).toBe(0);
    timers.advance(1);
    expect(window.shown).toBe(1);
    window.emit('ready-to-show');
    expect(window.shown).toBe(1);
  });

  it('does not show twice when painted in time', () => {
    const { kiosk, timers } = harness({ paints: false });
    const window = kiosk.open();
    window.emit('ready-to-show');
    timers.advance(20_000);
    expect(window.shown).toBe(1);
    expect(timers.pending).toEqual([]);
  });

  it('logs a failed load instead of crashing the main process', async () => {
    const { kiosk, logger } = harness();
    const original = FakeWindow.prototype.loadURL;
    FakeWindow.prototype.loadURL = () => Promise.reject(new Error('ERR_FILE_NOT_FOUND'));
    try {
      kiosk.open();
      await new Promise((r) => setTimeout(r, 0));
    } finally {
      FakeWindow.prototype.loadURL = original;
    }
    expect(logger.error).toHaveBeenCalledWith(expect.stringContaining('ERR_FILE_NOT_FOUND'));
  });

  it('brings a minimized window back for a second launch', () => {
    const { kiosk } = harness();
    const window = kiosk.open();
    expect(window.shown).toBe(1);
    window.minimized = true;
    kiosk.focus();
    expect(window.restored).toBe(1);
    expect(window.focused).toBe(1);
    expect(window.shown).toBe(2);
  });

  it('does nothing on focus without a window', () => {
    const { kiosk } = harness();
    expect(() => kiosk.focus()).not.toThrow();
    expect(kiosk.current).toBeNull();
  });

  it('replaces a window whose renderer died: the new one first, then the dead one goes', () => {
    const { kiosk, windows, timers, wire } = harness();
    const first = kiosk.open();
    first.crash('oom');
    expect(timers.pending).toEqual([1_000]);
    timers.advance(1_000);
    expect(windows).toHaveLength(2);
    const second = windows[1]!;
    expect(first.destroyed).toBe(true);
    expect(second.loaded).toEqual(['frame-app://app/index.html']);
    expect(wire).toHaveBeenCalledWith(second);
    expect(kiosk.current).toBe(second);
  });

  it('ignores the replaced window going away and repeated events for one crash', () => {
    const { kiosk, windows, timers } = harness();
    const first = kiosk.open();
    first.crash();
    first.crash();
    timers.advance(1_000);
    first.crash('clean-exit');
    expect(timers.pending).toEqual([]);
    expect(windows).toHaveLength(2);
  });

  it('backs off when the renderer keeps crashing, and forgets old crashes', () => {
    const { kiosk, windows, timers } = harness();
    kiosk.open();
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      windows.at(-1)!.crash();
      delays.push(timers.pending[0]!);
      timers.advance(timers.pending[0]!);
    }
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000]);
    timers.advance(11 * 60_000);
    windows.at(-1)!.crash();
    expect(timers.pending).toEqual([1_000]);
  });

  it('stops recreating once disposed (quitting)', () => {
    const { kiosk, windows, timers } = harness();
    kiosk.open().crash();
    kiosk.dispose();
    timers.advance(60_000);
    expect(windows).toHaveLength(1);
    windows[0]!.crash();
    expect(timers.pending).toEqual([]);
  });

  it('ends a renderer that stays unresponsive, which replaces the window', () => {
    const { kiosk, windows, timers, logger } = harness();
    const first = kiosk.open();
    first.emit('unresponsive');
    first.emit('unresponsive');
    expect(timers.pending).toEqual([HUNG_MS]);
    timers.advance(HUNG_MS);
    expect(first.webContents.crashRequests).toBe(1);
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('Renderer gone (killed, exit code 9)'));
    timers.advance(1_000);
    expect(windows).toHaveLength(2);
    expect(first.destroyed).toBe(true);
  });

  it('leaves a page alone that recovers in time', () => {
    const { kiosk, timers } = harness();
    const window = kiosk.open();
    window.emit('unresponsive');
    timers.advance(HUNG_MS - 1);
    window.emit('responsive');
    timers.advance(HUNG_MS);
    expect(window.webContents.crashRequests).toBe(0);
    expect(timers.pending).toEqual([]);
  });

  it('does not end a hung renderer once quitting', () => {
    const { kiosk, timers } = harness();
    const window = kiosk.open();
    window.emit('unresponsive');
    kiosk.dispose();
    timers.advance(HUNG_MS);
    expect(window.webContents.crashRequests).toBe(0);
  });
});

// Owns the one fullscreen window: creates it, shows it once painted (no white
// flash), brings it forward for a second launch, and replaces it when its
// renderer dies, so a frame on a wall recovers without anyone touching it.
// A renderer that hangs (unresponsive for 30 s) is ended, which is a death
// like any other. Repeated crashes back off (1 s, 2 s, 4 s … 60 s) instead of
// spinning.
import type { Logger } from '../core/frame-types';

export interface RenderProcessGone {
  reason: string;
  exitCode: number;
}

export interface KioskBrowserWindow {
  readonly webContents: {
    on(event: 'render-process-gone', listener: (event: unknown, details: RenderProcessGone) => void): unknown;
    /** Ends a hung renderer; Electron then reports it gone. */
    forcefullyCrashRenderer(): void;
  };
  on(event: 'unresponsive' | 'responsive', listener: () => void): unknown;
  loadURL(url: string): Promise<void>;
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  focus(): void;
  restore(): void;
  isMinimized(): boolean;
  isDestroyed(): boolean;
  destroy(): void;
}

export interface KioskTimers {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface KioskWindowOptions<W extends KioskBrowserWindow> {
  create(): W;
  /** The app's page, frame-app://app/index.html (app-url.ts). */
  indexUrl: string;
  /** Per-window wiring (snapshot push and the like), run for every new window before it loads. */
  setup?(window: W): void;
  logger: Logger;
  timers?: KioskTimers;
}

/** Some GPU stacks never report a first paint; a black kiosk beats a desktop showing through. */
const SHOW_ANYWAY_MS = 10_000;
const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 60_000;
/** Crashes further apart than this do not count as a crash loop. */
const CRASH_MEMORY_MS = 10 * 60_000;
/** A page busy this long is hung, not slow (a photo frame's page does little). */
export const HUNG_MS = 30_000;

const realTimers: KioskTimers = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class KioskWindow<W extends KioskBrowserWindow> {
  private window: W | null = null;
  private crashes: number[] = [];
  private pending: unknown = null;
  private disposed = false;
  private readonly timers: KioskTimers;

  constructor(private readonly options: KioskWindowOptions<W>) {
    this.timers = options.timers ?? realTimers;
  }

  get current(): W | null {
    return this.window && !this.window.isDestroyed() ? this.window : null;
  }

  open(): W {
    const window = this.options.create();
    this.window = window;
    let shown = false;
    const show = () => {
      if (shown || window.isDestroyed()) return;
      shown = true;
      this.timers.clearTimeout(fallback);
      window.show();
    };
    const fallback = this.timers.setTimeout(show, SHOW_ANYWAY_MS);
    window.once('ready-to-show', show);
    window.webContents.on('render-process-gone', (_event, details) => this.onGone(window, details));
    this.watchHangs(window);
    this.options.setup?.(window);
    window.loadURL(this.options.indexUrl).catch((error: unknown) => {
      this.options.logger.error(`Could not load ${this.options.indexUrl}: ${(error as Error).message}`);
    });
    return window;
  }

  /** A second launch brings the running frame forward instead of starting another. */
  focus(): void {
    const window = this.current;
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  }

  /** No more recreation (the app is quitting). */
  dispose(): void {
    this.disposed = true;
    if (this.pending !== null) this.timers.clearTimeout(this.pending);
    this.pending = null;
  }

  /** How long to wait before the next window, given the crashes so far. */
  static delayFor(recentCrashes: number): number {
    return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.max(0, recentCrashes - 1));
  }

  private watchHangs(window: W): void {
    let hung: unknown = null;
    window.on('unresponsive', () => {
      if (hung !== null) return;
      this.options.logger.warn(`The page stopped responding: ending its renderer in ${HUNG_MS / 1000} s unless it recovers.`);
      hung = this.timers.setTimeout(() => {
        hung = null;
        if (this.disposed || window !== this.window || window.isDestroyed()) return;
        this.options.logger.warn('The page is still not responding: ending its renderer.');
        window.webContents.forcefullyCrashRenderer();
      }, HUNG_MS);
    });
    window.on('responsive', () => {
      if (hung === null) return;
      this.timers.clearTimeout(hung);
      hung = null;
      this.options.logger.info('The page is responding again.');
    });
  }

  private onGone(window: W, details: RenderProcessGone): void {
    // Only the live window matters: a replaced one going away is expected.
    if (this.disposed || window !== this.window || this.pending !== null) return;
    const now = this.timers.now();
    this.crashes = [...this.crashes.filter((at) => now - at < CRASH_MEMORY_MS), now];
    const delay = KioskWindow.delayFor(this.crashes.length);
    this.options.logger.warn(`Renderer gone (${details.reason}, exit code ${details.exitCode}): new window in ${delay / 1000} s.`);
    this.pending = this.timers.setTimeout(() => {
      this.pending = null;
      if (this.disposed) return;
      // Open the new window before closing the dead one, so there is never
      // a moment without windows (which would quit the app).
      this.open();
      if (!window.isDestroyed()) window.destroy();
    }, delay);
  }
}

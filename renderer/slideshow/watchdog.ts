// The last line of defence: when the show has not moved on for three slide
// periods (while it should: two or more slides, screen on), something is stuck
// that no code path expected, and a fresh page is the cure. The show reports
// progress; the watchdog only ever needs its one pending timer.

export const WATCHDOG_PERIODS = 3;
/** Never sooner than this: a photo may legitimately take up to 30 s to load over bad Wi-Fi. */
export const WATCHDOG_MIN_MS = 45_000;

export interface WatchdogDeps {
  /** Starts a timer; returns its cancel function. */
  setTimer(fn: () => void, ms: number): () => void;
  /** Reloads the page (see reloadWhenReachable). */
  reload(): void;
}

export class Watchdog {
  private active = false;
  private periodMs = 0;
  private cancel: (() => void) | null = null;

  constructor(private readonly deps: WatchdogDeps) {}

  /** Watch while `active` (≥ 2 slides and the screen on); `periodMs` is how long the slide on screen stays. */
  configure(active: boolean, periodMs: number): void {
    if (active === this.active && periodMs === this.periodMs) return;
    this.active = active;
    this.periodMs = periodMs;
    this.arm();
  }

  /** The show made progress. */
  kick(): void {
    if (this.active) this.arm();
  }

  dispose(): void {
    this.active = false;
    this.stop();
  }

  /** How long the show may stand still. */
  limitMs(): number {
    return Math.max(WATCHDOG_PERIODS * this.periodMs, WATCHDOG_MIN_MS);
  }

  private arm(): void {
    this.stop();
    if (!this.active) return;
    this.cancel = this.deps.setTimer(() => {
      this.cancel = null;
      this.deps.reload();
      // Still here (the shell was unreachable, or a test's reload): try again later.
      this.arm();
    }, this.limitMs());
  }

  private stop(): void {
    this.cancel?.();
    this.cancel = null;
  }
}

/** At most this many watchdog reloads per hour: a show that cannot advance (offline, nothing cached) must not flash black every minute. */
export const MAX_RELOADS_PER_HOUR = 3;
const HOUR_MS = 3_600_000;

/** Whether another reload is allowed, given the times of earlier ones; returns the history to keep. */
export function allowReload(history: readonly number[], now: number): { allowed: boolean; history: number[] } {
  const recent = history.filter((t) => now - t < HOUR_MS && t <= now);
  if (recent.length >= MAX_RELOADS_PER_HOUR) return { allowed: false, history: recent };
  return { allowed: true, history: [...recent, now] };
}

const HISTORY_KEY = 'frame.watchdogReloads';

function readHistory(): number[] {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(HISTORY_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((t): t is number => typeof t === 'number') : [];
  } catch {
    return [];
  }
}

/**
 * Reloads the page, but only when its server answers (a web-shell kiosk that
 * reloads while the frame process restarts would be left on Chromium's error
 * page for good; a page from disk, Electron's, reloads at once), and at most
 * a few times an hour (the history survives the reload in sessionStorage).
 */
export function reloadWhenReachable(): void {
  const reload = () => {
    const verdict = allowReload(readHistory(), Date.now());
    try {
      sessionStorage.setItem(HISTORY_KEY, JSON.stringify(verdict.history));
    } catch {
      // No storage: reload anyway, the watchdog's own minimum still spaces reloads.
    }
    if (verdict.allowed) location.reload();
  };
  if (!/^https?:$/.test(location.protocol)) return reload();
  fetch(location.href, { cache: 'no-store' }).then(
    (response) => {
      if (response.ok) reload();
    },
    () => {},
  );
}

// A deliberate hold opens settings; a tap or a swipe (a passer-by, a child,
// someone brushing the screen) does not. Pure: times and timers injected.

export const HOLD_MS = 2_000;
/** Movement beyond this (CSS px) makes it a swipe. */
export const SLOP_PX = 12;

export interface LongPressTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export class LongPress {
  private start: { x: number; y: number; id: number } | null = null;
  private timer: unknown = null;

  constructor(
    private readonly onHold: () => void,
    private readonly timers: LongPressTimers,
    private readonly holdMs = HOLD_MS,
  ) {}

  down(x: number, y: number, pointerId = 0): void {
    // A second finger is not a hold.
    if (this.start) return this.cancel();
    this.start = { x, y, id: pointerId };
    this.timer = this.timers.setTimeout(() => {
      this.start = null;
      this.timer = null;
      this.onHold();
    }, this.holdMs);
  }

  move(x: number, y: number, pointerId = 0): void {
    if (!this.start || pointerId !== this.start.id) return;
    if (Math.hypot(x - this.start.x, y - this.start.y) > SLOP_PX) this.cancel();
  }

  /** Pointer up or cancelled before the hold time: a tap, nothing happens. */
  cancel(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    this.start = null;
  }
}

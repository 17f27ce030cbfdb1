// Notices a video that stopped making progress (a stalled download, a decoder
// that gave up without an error): one timer, checking the playback position
// every few seconds. The layer stops it when the video ends or pauses.

/** Time for a video to start playing (its poster shows meanwhile). */
export const VIDEO_START_MS = 15_000;
/** No progress for this long while playing: skip it. */
export const VIDEO_STALL_MS = 8_000;

export interface StallWatchDeps {
  setTimer(fn: () => void, ms: number): () => void;
  /** The playback position in seconds (HTMLVideoElement.currentTime). */
  position(): number;
  stalled(): void;
}

export class StallWatch {
  private last = 0;
  private cancel: (() => void) | null = null;

  constructor(
    private readonly deps: StallWatchDeps,
    private readonly startMs = VIDEO_START_MS,
    private readonly stallMs = VIDEO_STALL_MS,
  ) {}

  start(): void {
    this.stop();
    this.last = this.deps.position();
    this.arm(this.last > 0 ? this.stallMs : this.startMs);
  }

  stop(): void {
    this.cancel?.();
    this.cancel = null;
  }

  private arm(ms: number): void {
    this.cancel = this.deps.setTimer(() => this.check(), ms);
  }

  private check(): void {
    this.cancel = null;
    const position = this.deps.position();
    if (position > this.last) {
      this.last = position;
      this.arm(this.stallMs);
    } else {
      this.deps.stalled();
    }
  }
}

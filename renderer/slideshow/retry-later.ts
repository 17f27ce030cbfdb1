// Media that failed to load is passed over for a while, not forever: it is
// tried again after a number of slides or a few minutes, whichever comes
// first (a photo broken on Wix may be fixed; a flaky network comes back).
export const RETRY_AFTER_SLIDES = 10;
export const RETRY_AFTER_MS = 3 * 60_000;

interface Entry {
  until: number;
  slidesLeft: number;
}

export class RetryLater {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly now: () => number,
    private readonly afterSlides = RETRY_AFTER_SLIDES,
    private readonly afterMs = RETRY_AFTER_MS,
  ) {}

  failed(url: string): void {
    this.entries.set(url, { until: this.now() + this.afterMs, slidesLeft: this.afterSlides });
  }

  loaded(url: string): void {
    this.entries.delete(url);
  }

  /** Another slide came on screen: one step closer to retrying the rest. */
  slideShown(): void {
    for (const [url, entry] of this.entries) {
      if (--entry.slidesLeft <= 0) this.entries.delete(url);
    }
  }

  /** URLs to pass over now. */
  blocked(): ReadonlySet<string> {
    const now = this.now();
    for (const [url, entry] of this.entries) if (entry.until <= now) this.entries.delete(url);
    return new Set(this.entries.keys());
  }

  /** Forgets media no longer in the gallery (keeps the book small). */
  keepOnly(urls: ReadonlySet<string>): void {
    for (const url of this.entries.keys()) if (!urls.has(url)) this.entries.delete(url);
  }
}

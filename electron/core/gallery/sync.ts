// Keeps the store equal to Wix: a full sync at start, then every poll interval
// with jitter. Never two syncs at once; while Wix fails it backs off, but never
// past the poll interval, so a recovered Wix is noticed within one interval.
import type { GalleryItem } from '../../../shared/gallery';
import type { Logger } from '../frame-types';
import { type Clock, backoffDelay, systemClock } from '../util/timers';
import { WixError } from '../wix/errors';
import type { GalleryStore } from './store';

export interface ItemSource {
  listProjectItems(projectId: string, signal?: AbortSignal): Promise<{ items: GalleryItem[]; skipped: number }>;
}

export interface GallerySyncOptions {
  source: ItemSource;
  store: GalleryStore;
  projectId: string;
  pollMs: number;
  logger: Logger;
  clock?: Clock;
  /** First retry delay after a failure; doubles up to pollMs. */
  failureBaseMs?: number;
}

export class GallerySync {
  private readonly clock: Clock;
  private timer: unknown = null;
  private timerDueAt = 0;
  private running: Promise<void> | null = null;
  private again = false;
  private failures = 0;
  private localChanges = 0;
  private discarded = 0;
  private stopped = true;
  private abort = new AbortController();
  /** Counts completed syncs (for health and tests). */
  completed = 0;

  constructor(private readonly options: GallerySyncOptions) {
    this.clock = options.clock ?? systemClock;
  }

  /** Starts polling; the promise settles when the first sync has. */
  start(): Promise<void> {
    this.stopped = false;
    return this.syncNow();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.clearTimer();
    this.abort.abort(new Error('stopped'));
    await this.running?.catch(() => undefined);
  }

  /** Settles when no sync is running (the current one, if any, has finished). */
  async whenIdle(): Promise<void> {
    while (this.running) await this.running.catch(() => undefined);
  }

  /** Syncs now; if one is running, exactly one more follows it. */
  syncNow(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.clearTimer();
    this.running = this.runOnce().finally(() => {
      this.running = null;
      if (this.again && !this.stopped) {
        this.again = false;
        void this.syncNow();
      }
    });
    return this.running;
  }

  /**
   * A webhook changed the store. A sync that was already under way may have
   * read Wix before that change: its result is dropped and it runs again.
   */
  noteLocalChange(): void {
    this.localChanges++;
  }

  /** A sync soon, however many ask for one meanwhile (webhook confirmations). */
  syncSoon(delayMs: number): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    // Keep an earlier timer: a burst of events must not postpone the sync forever.
    if (this.timer !== null && this.timerDueAt <= this.clock.now() + delayMs) return;
    this.schedule(delayMs);
  }

  private async runOnce(): Promise<void> {
    const { source, store, projectId, logger } = this.options;
    const started = this.clock.now();
    const changesBefore = this.localChanges;
    try {
      const { items, skipped } = await source.listProjectItems(projectId, this.abort.signal);
      if (this.stopped) return;
      if (this.localChanges !== changesBefore && this.discarded < 3) {
        this.discarded++;
        this.again = true;
        return;
      }
      this.discarded = 0;
      store.replaceAll(projectId, items, new Date(this.clock.now()).toISOString());
      this.completed++;
      if (this.failures > 0) logger.info(`Wix is reachable again; gallery synced (${items.length} items).`);
      this.failures = 0;
      if (skipped > 0) logger.warn(`Skipped ${skipped} item(s) without usable media in project ${projectId}.`);
      logger.info(`Synced ${items.length} item(s) in ${this.clock.now() - started} ms.`);
      this.schedule(this.jittered(this.options.pollMs));
    } catch (error) {
      if (this.stopped) return;
      const message = error instanceof WixError ? error.message : `Sync failed: ${(error as Error).message}`;
      store.setError(message);
      const delay = Math.min(this.options.pollMs, backoffDelay(this.failures, this.options.failureBaseMs ?? 5000, this.options.pollMs, this.clock.random));
      this.failures++;
      logger.warn(`${message} Next try in ${Math.round(delay / 1000)} s.`);
      this.schedule(delay);
    }
  }

  /** ±10 %, so many frames on one site do not poll in lockstep. */
  private jittered(ms: number): number {
    return Math.round(ms * (0.9 + this.clock.random() * 0.2));
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.clearTimer();
    this.timerDueAt = this.clock.now() + ms;
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      void this.syncNow();
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }
}

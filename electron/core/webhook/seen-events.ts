// The ids of events already taken, kept across restarts so that a captured
// event sent again after a reboot is still a duplicate. One JSON string per
// line, appended as events arrive (cheap on an SD card); when the file holds
// twice the capacity it is rewritten with the most recent ids only. Events
// older than 48 hours are refused anyway (event-admission.ts), so the most
// recent 10,000 ids are plenty.
import { appendFile, readFile } from 'node:fs/promises';
import type { Logger } from '../frame-types';
import { writeFileAtomic } from '../util/atomic-file';
import { BoundedMap } from '../util/bounded-set';

export interface SeenEvents {
  has(eventId: string): boolean;
  add(eventId: string): void;
}

/** In memory only (tests, or a frame whose data dir cannot be written). */
export function seenEventsInMemory(capacity = 10_000): SeenEvents {
  const ids = new BoundedMap<string, true>(capacity);
  return { has: (id) => ids.has(id), add: (id) => ids.set(id, true) };
}

export class SeenEventLog implements SeenEvents {
  private readonly ids: BoundedMap<string, true>;
  private lines = 0;
  private writes: Promise<void> = Promise.resolve();
  private failed = false;

  private constructor(
    private readonly path: string,
    private readonly capacity: number,
    private readonly logger: Logger,
  ) {
    this.ids = new BoundedMap(capacity);
  }

  static async open(path: string, logger: Logger, capacity = 10_000): Promise<SeenEventLog> {
    const log = new SeenEventLog(path, capacity, logger);
    const text = await readFile(path, 'utf8').catch(() => '');
    for (const line of text.split('\n')) {
      try {
        const id: unknown = JSON.parse(line);
        if (typeof id === 'string') log.ids.set(id, true);
      } catch {
        // An empty line, or the half line a power cut left.
      }
      log.lines++;
    }
    return log;
  }

  has(eventId: string): boolean {
    return this.ids.has(eventId);
  }

  add(eventId: string): void {
    this.ids.set(eventId, true);
    this.lines++;
    const compact = this.lines > this.capacity * 2;
    if (compact) this.lines = this.ids.size;
    this.writes = this.writes
      .then(() => (compact ? writeFileAtomic(this.path, [...this.ids.keys()].map((id) => `${JSON.stringify(id)}\n`).join(''), 0o600) : appendFile(this.path, `${JSON.stringify(eventId)}\n`, { mode: 0o600 })))
      .catch((error: unknown) => {
        if (this.failed) return;
        this.failed = true;
        this.logger.warn(`Seen webhook events could not be saved (${(error as Error).message}): after a restart a repeated event may be applied again.`);
      });
  }

  /** Resolves when everything added so far is on disk. */
  flush(): Promise<void> {
    return this.writes;
  }
}

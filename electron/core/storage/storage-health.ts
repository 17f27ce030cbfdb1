// Whether the data dir can be written: probed at start, told of every failed
// write, and probed again every minute while something is wrong, so a card
// that was freed or remounted is noticed without a restart. The frame keeps
// showing photos whatever this says; it only stops trying to save them.
import { open, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../frame-types';
import { readDiskSpace, floorBytes, type DiskSpaceReader } from './disk-space';
import { StorageFailure, storageFaultOf, type StorageFault } from './storage-failure';

export interface StorageProblem {
  fault: StorageFault;
  /** The folder or file that could not be written. */
  path: string;
  /** One sentence: what is wrong and what still works. */
  message: string;
  /** One sentence: what to do. */
  action: string;
  /** ISO time the problem was first seen. */
  since: string;
}

/** What /healthz carries as `storage`. */
export interface StorageStatus {
  ok: boolean;
  problem: StorageProblem | null;
}

export interface StorageHealthOptions {
  dataDir: string;
  logger: Logger;
  diskSpace?: DiskSpaceReader;
  now?: () => number;
  /** How often to look again while there is a problem. */
  recheckMs?: number;
}

const PROBE = '.frame-write-test';

export function describeStorageProblem(fault: StorageFault, path: string): Pick<StorageProblem, 'message' | 'action'> {
  switch (fault) {
    case 'full':
      return {
        message: "The SD card is full: new photos can't be saved, the show goes on with the ones it has.",
        action: 'Free some space on the card (or lower FRAME_CACHE_MB); the frame notices within a minute.',
      };
    case 'read-only':
      return {
        message: "The SD card has turned read-only: settings and new photos can't be saved, the show goes on with the ones it has.",
        action: `Restart the frame; if the card stays read-only it is wearing out: copy ${path} to a new card.`,
      };
    case 'missing':
      return {
        message: `The data folder ${path} is missing: nothing can be saved, photos are shown straight from Wix.`,
        action: 'Check FRAME_DATA_DIR, or that the drive holding it is mounted.',
      };
    case 'not-permitted':
      return {
        message: `The frame may not write to its data folder ${path}: nothing can be saved, photos are shown straight from Wix.`,
        action: `Give the user running the frame write access to ${path}, or set FRAME_DATA_DIR to a folder it owns.`,
      };
  }
}

export class StorageHealth {
  private problem: StorageProblem | null = null;
  private readonly listeners = new Set<(status: StorageStatus) => void>();
  private timer: NodeJS.Timeout | null = null;
  private readonly diskSpace: DiskSpaceReader;
  private readonly now: () => number;

  constructor(private readonly options: StorageHealthOptions) {
    this.diskSpace = options.diskSpace ?? readDiskSpace;
    this.now = options.now ?? Date.now;
  }

  get status(): StorageStatus {
    return { ok: this.problem === null, problem: this.problem };
  }

  /** Whether writes are worth trying now. */
  get writable(): boolean {
    return this.problem === null;
  }

  onChange(listener: (status: StorageStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Probes the data dir: it exists, a file can be written and synced, and free space is above the floor. */
  async check(): Promise<StorageStatus> {
    const dir = this.options.dataDir;
    const fault = await this.probe(dir);
    if (fault) this.set(fault, dir);
    else this.clear();
    return this.status;
  }

  /**
   * Tells of a failed write. True when it was a storage failure (now the
   * frame's problem); other errors are the caller's to handle.
   */
  report(error: unknown, path: string): boolean {
    const fault = error instanceof StorageFailure ? error.fault : storageFaultOf(error);
    if (!fault) return false;
    this.set(fault, error instanceof StorageFailure ? error.path : path);
    return true;
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.listeners.clear();
  }

  private async probe(dir: string): Promise<StorageFault | null> {
    try {
      if (!(await stat(dir)).isDirectory()) return 'missing';
    } catch (error) {
      return storageFaultOf(error) ?? 'missing';
    }
    const path = join(dir, PROBE);
    try {
      const handle = await open(path, 'w', 0o600);
      try {
        await handle.writeFile('ok');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rm(path, { force: true });
    } catch (error) {
      await rm(path, { force: true }).catch(() => undefined);
      const fault = storageFaultOf(error);
      if (fault) return fault;
      this.options.logger.warn(`Storage check of ${dir} failed oddly (${(error as Error).message}); carrying on.`);
    }
    try {
      const space = await this.diskSpace(dir);
      if (space.freeBytes < floorBytes(space.totalBytes)) return 'full';
    } catch {
      // statfs is not offered everywhere; the write probe above is what counts.
    }
    return null;
  }

  private set(fault: StorageFault, path: string): void {
    if (this.problem?.fault === fault) return;
    const since = this.problem?.since ?? new Date(this.now()).toISOString();
    this.problem = { fault, path, since, ...describeStorageProblem(fault, path) };
    this.options.logger.error(`Storage: ${this.problem.message} (${path}) ${this.problem.action}`);
    this.scheduleRecheck();
    this.emit();
  }

  private clear(): void {
    if (!this.problem) return;
    this.options.logger.info(`Storage: ${this.options.dataDir} can be written again; photos and settings are saved as before.`);
    this.problem = null;
    this.emit();
  }

  private scheduleRecheck(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.check().then((status) => {
        if (!status.ok) this.scheduleRecheck();
      });
    }, this.options.recheckMs ?? 60_000);
    this.timer.unref();
  }

  private emit(): void {
    for (const listener of this.listeners) listener(this.status);
  }
}

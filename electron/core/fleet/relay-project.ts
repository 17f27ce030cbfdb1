// One project the relay serves: its poller and webhook events keep a gallery
// store, and every change goes out twice: as a change event (items added or
// changed, ids removed) with the next sequence number, and as the project's
// retained snapshot under the same number, for frames that start late or
// noticed a gap.
import type { GalleryItem } from '../../../shared/gallery';
import { EMPTY_GALLERY } from '../../../shared/gallery';
import type { Logger } from '../frame-types';
import { GalleryStore } from '../gallery/store';
import { GallerySync, type ItemSource } from '../gallery/sync';
import { projectEventHandler } from '../source/project-events';
import type { ItemEvent } from '../webhook/item-event';
import type { RelaySigner } from './relay-signer';
import type { FleetTopics } from './topics';

export interface SnapshotBody {
  projectId: string;
  items: GalleryItem[];
  syncedAt: string | null;
  lastError: string | null;
}

export interface ChangeBody {
  projectId: string;
  upserts: GalleryItem[];
  removed: string[];
  lastError: string | null;
}

export interface RelayProjectOptions {
  projectId: string;
  source: ItemSource;
  pollMs: number;
  signer: RelaySigner;
  topics: FleetTopics;
  logger: Logger;
  /** Where the numbering resumes: a project served again must never count backwards. */
  firstSeq: number;
}

export class RelayProject {
  readonly store = new GalleryStore(EMPTY_GALLERY);
  readonly sync: GallerySync;
  readonly onEvent: (event: ItemEvent) => 'accepted' | 'ignored';
  seq: number;
  private snapshotQueued = false;
  private readonly unsubscribe: () => void;

  constructor(private readonly options: RelayProjectOptions) {
    this.seq = options.firstSeq;
    this.store.switchProject(options.projectId);
    this.sync = new GallerySync({ source: options.source, store: this.store, projectId: options.projectId, pollMs: options.pollMs, logger: options.logger });
    this.onEvent = projectEventHandler(this.store, () => this.sync);
    this.unsubscribe = this.store.subscribe((state, change) => {
      const changed = change.added.length + change.updated.length + change.removed.length > 0 || change.errorChanged;
      if (changed) {
        this.seq++;
        const wanted = new Set([...change.added, ...change.updated]);
        const body: ChangeBody = { projectId: options.projectId, upserts: state.items.filter((i) => wanted.has(i.id)), removed: change.removed, lastError: state.lastError };
        void options.signer.publish(options.topics.changes(options.projectId), this.seq, body);
      }
      // Every completed sync re-announces the snapshot too: that heals a broker that forgot it.
      this.queueSnapshot();
    });
  }

  get projectId(): string {
    return this.options.projectId;
  }

  start(): void {
    void this.sync.start();
  }

  async stop(): Promise<void> {
    this.unsubscribe();
    await this.sync.stop();
  }

  /** Bursts of changes publish one snapshot, after the change events. */
  queueSnapshot(): void {
    if (this.snapshotQueued || this.store.state.syncedAt === null) return;
    this.snapshotQueued = true;
    setImmediate(() => {
      this.snapshotQueued = false;
      const { items, syncedAt, lastError } = this.store.state;
      const body: SnapshotBody = { projectId: this.options.projectId, items, syncedAt, lastError };
      void this.options.signer.publish(this.options.topics.snapshot(this.options.projectId), this.seq, body, { retain: true });
    });
  }
}

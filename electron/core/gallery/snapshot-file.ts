// The last good gallery on disk, so a frame restarted without network shows
// it at once. A missing or corrupt file is reported and ignored, never fatal.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GalleryState } from '../../../shared/gallery';
import type { Logger } from '../frame-types';
import { writeFileAtomic } from '../util/atomic-file';
import { isStoredItem } from './stored-item';

const FORMAT_VERSION = 1;

interface SnapshotFileContent {
  version: number;
  projectId: string;
  syncedAt: string | null;
  items: unknown[];
}

export class GallerySnapshotFile {
  readonly path: string;
  private writing: Promise<void> = Promise.resolve();
  private latest: GalleryState | null = null;

  constructor(
    dataDir: string,
    private readonly logger: Logger,
    /** Told of a failed save; true when it was a storage problem (reported there, not here). */
    private readonly writeFailed: (error: unknown, path: string) => boolean = () => false,
  ) {
    this.path = join(dataDir, 'gallery.json');
  }

  /** The saved gallery of this project, or null (missing, corrupt, other project). */
  async load(projectId: string): Promise<GalleryState | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.logger.warn(`Saved gallery could not be read (${(error as Error).message}); starting without it.`);
      return null;
    }
    const content = parse(text);
    if (!content) {
      this.logger.warn(`Saved gallery ${this.path} is corrupt; ignoring it until the next sync rewrites it.`);
      return null;
    }
    if (content.projectId !== projectId) return null;
    const items = content.items.filter(isStoredItem);
    return { projectId, items, syncedAt: content.syncedAt, lastError: null };
  }

  /** Saves in the background, one write at a time, always the newest state. */
  save(state: GalleryState): Promise<void> {
    if (!state.projectId) return this.writing;
    this.latest = state;
    this.writing = this.writing.then(async () => {
      const next = this.latest;
      if (!next?.projectId) return;
      this.latest = null;
      const content: SnapshotFileContent = { version: FORMAT_VERSION, projectId: next.projectId, syncedAt: next.syncedAt, items: next.items };
      try {
        await writeFileAtomic(this.path, JSON.stringify(content));
      } catch (error) {
        // The gallery stays on screen; it is saved again with the next change.
        if (!this.writeFailed(error, this.path)) this.logger.error(`Could not save the gallery: ${(error as Error).message}`);
      }
    });
    return this.writing;
  }

  flush(): Promise<void> {
    return this.writing;
  }
}

function parse(text: string): SnapshotFileContent | null {
  try {
    const value = JSON.parse(text) as Partial<SnapshotFileContent> | null;
    if (!value || value.version !== FORMAT_VERSION || typeof value.projectId !== 'string' || !Array.isArray(value.items)) return null;
    const syncedAt = typeof value.syncedAt === 'string' ? value.syncedAt : null;
    return { version: value.version, projectId: value.projectId, syncedAt, items: value.items };
  } catch {
    return null;
  }
}

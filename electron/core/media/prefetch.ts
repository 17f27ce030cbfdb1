// While one photo is shown, the next few are fetched at the same size, a
// bounded number at once, so a slow network never stalls the show.
import type { GalleryItem } from '../../../shared/gallery';
import type { MediaRequest } from '../../../shared/media';
import type { MediaCache } from './media-cache';

export function displayFileId(item: GalleryItem): string | undefined {
  return item.image?.id ?? item.video?.posterId;
}

/** Every cached file an item may use: its image, or its video and poster. */
export function cachedFileIds(item: GalleryItem): string[] {
  return [item.image?.id, item.video?.id, item.video?.posterId].filter((id): id is string => !!id);
}

export class Prefetcher {
  private queue: MediaRequest[] = [];
  private active = 0;

  constructor(
    private readonly cache: MediaCache,
    private readonly items: () => GalleryItem[],
    /** Off while the show shuffles: the next photos are then unknown here (the renderer preloads its own next one). */
    private readonly enabled: () => boolean = () => true,
    private readonly ahead = 3,
    private readonly concurrency = 2,
  ) {}

  /** Called for every photo the screen asks for. */
  after(request: MediaRequest): void {
    if (!this.enabled()) return;
    const items = this.items();
    const index = items.findIndex((item) => displayFileId(item) === request.fileId);
    if (index < 0 || items.length < 2) return;
    const next: MediaRequest[] = [];
    for (let step = 1; step <= Math.min(this.ahead, items.length - 1); step++) {
      const fileId = displayFileId(items[(index + step) % items.length]!);
      if (fileId) next.push({ ...request, fileId });
    }
    // The newest wish replaces older ones: the show moved on.
    this.queue = next.filter((r) => !this.cache.has(r));
    this.pump();
  }

  private pump(): void {
    while (this.active < this.concurrency && this.queue.length > 0) {
      const request = this.queue.shift()!;
      this.active++;
      void this.cache.warm(request).finally(() => {
        this.active--;
        this.pump();
      });
    }
  }
}

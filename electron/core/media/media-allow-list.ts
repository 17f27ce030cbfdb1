// Which media the frame serves: the files of the gallery on screen, and the
// covers the project picker just offered. Nothing else, so /media is no open
// proxy (a made-up id never becomes a download or a cache file).
import type { GalleryItem } from '../../../shared/gallery';
import { BoundedMap } from '../util/bounded-set';
import { cachedFileIds } from './prefetch';

export class MediaAllowList {
  private gallery = new Set<string>();
  /** The most recent covers offered; the picker lists at most 500 projects at once. */
  private readonly covers = new BoundedMap<string, true>(1_000);

  setGallery(items: readonly GalleryItem[]): void {
    this.gallery = new Set(items.flatMap(cachedFileIds));
  }

  offerCovers(fileIds: readonly string[]): void {
    for (const id of fileIds) this.covers.set(id, true);
  }

  allows(fileId: string): boolean {
    return this.gallery.has(fileId) || this.covers.has(fileId);
  }
}

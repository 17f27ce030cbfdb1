// Which gallery items the slideshow can show, and with which media file.
import type { GalleryItem } from '../../shared/gallery';
import type { FitMode } from '../../shared/display';
import type { Slide } from './sequence';

/**
 * The Wix file id to show for an item, or null to skip it. Video playback
 * comes later: until then a video shows its poster frame, or is skipped.
 */
export function slideFileId(item: GalleryItem): string | null {
  if (item.type === 'IMAGE') return item.image?.id || null;
  return item.video?.posterId || null;
}

/** The showable items, in gallery order, with screen-sized URLs from `urlFor`. */
export function toSlides(items: readonly GalleryItem[], fit: FitMode, urlFor: (fileId: string) => string): Slide[] {
  const slides: Slide[] = [];
  for (const item of items) {
    const fileId = slideFileId(item);
    if (fileId) slides.push({ itemId: item.id, url: urlFor(fileId), fit });
  }
  return slides;
}

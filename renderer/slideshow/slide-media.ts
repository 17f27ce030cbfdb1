// Which gallery items the slideshow can show, and with which media: a photo
// at screen size, or a video (its stream, chosen by the shell for the screen
// height) over its poster frame.
import type { FitMode } from '../../shared/display';
import type { GalleryItem } from '../../shared/gallery';
import { mediaPath, videoPath } from '../../shared/media';
import { pictureRequest, type Size } from './framing';
import type { Slide } from './sequence';

export interface SlideSetup {
  fit: FitMode;
  /** The screen in device pixels. */
  screen: Size;
  /** Turns a shared/media.ts path into a URL this page can load (FrameBridge.mediaUrl). */
  urlOf: (path: string) => string;
}

/** The slide for one item, or null when it has nothing to show. */
export function toSlide(item: GalleryItem, { fit, screen, urlOf }: SlideSetup): Slide | null {
  if (item.type === 'IMAGE') {
    const fileId = item.image?.id;
    if (!fileId) return null;
    const { position, ...request } = pictureRequest(screen, fit, item.image);
    return { itemId: item.id, url: urlOf(mediaPath({ fileId, ...request })), fit, ...(position ? { position } : {}) };
  }
  if (item.type === 'VIDEO' && item.video) {
    const video = urlOf(videoPath({ itemId: item.id, height: screen.height }));
    const posterId = item.video.posterId;
    const poster = posterId ? urlOf(mediaPath({ fileId: posterId, width: screen.width, height: screen.height, fit })) : video;
    return { itemId: item.id, url: poster, video, fit };
  }
  return null;
}

/** The showable items, in gallery order. */
export function toSlides(items: readonly GalleryItem[], setup: SlideSetup): Slide[] {
  const slides: Slide[] = [];
  for (const item of items) {
    const slide = toSlide(item, setup);
    if (slide) slides.push(slide);
  }
  return slides;
}

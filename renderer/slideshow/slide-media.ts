// Which gallery items the slideshow can show, and with which media: a photo
// at screen size (or at half of it, when two photos share the screen), or a
// video (its stream, chosen by the shell for the screen height) over its
// poster frame.
import type { FitMode } from '../../shared/display';
import type { GalleryItem } from '../../shared/gallery';
import { mediaPath, videoPath } from '../../shared/media';
import { halfBox, pictureRequest, shownFocus, type Size } from './framing';
import { isAcross, pairLayoutFor, type PairBook } from './pairing';
import { pairId, type Slide, type SlidePart } from './sequence';

export interface SlideSetup {
  fit: FitMode;
  /** The screen in device pixels. */
  screen: Size;
  /** Turns a shared/media.ts path into a URL this page can load (FrameBridge.mediaUrl). */
  urlOf: (path: string) => string;
  /** Two photos of the other orientation than the screen share it; the book remembers the pairs. */
  pairs?: PairBook | null;
}

function part(item: GalleryItem, box: Size, fit: FitMode, urlOf: SlideSetup['urlOf']): SlidePart | null {
  const fileId = item.image?.id;
  if (!fileId) return null;
  const { position, ...request } = pictureRequest(box, fit, item.image);
  return { itemId: item.id, url: urlOf(mediaPath({ fileId, ...request })), ...(position ? { position } : {}) };
}

/** The slide for one item, or null when it has nothing to show. */
export function toSlide(item: GalleryItem, { fit, screen, urlOf }: SlideSetup): Slide | null {
  if (item.type === 'IMAGE') {
    const shown = part(item, screen, fit, urlOf);
    if (!shown) return null;
    return { ...shown, fit, focus: shownFocus(screen, item.image, fit) };
  }
  if (item.type === 'VIDEO' && item.video) {
    const video = urlOf(videoPath({ itemId: item.id, height: screen.height }));
    const posterId = item.video.posterId;
    const poster = posterId ? urlOf(mediaPath({ fileId: posterId, width: screen.width, height: screen.height, fit })) : video;
    return { itemId: item.id, url: poster, video, fit };
  }
  return null;
}

/** Two photos sharing the screen, each fetched for its half. */
function toPair(first: GalleryItem, second: GalleryItem, layout: 'row' | 'column', { fit, screen, urlOf }: SlideSetup): Slide | null {
  const box = halfBox(screen, layout);
  const a = part(first, box, fit, urlOf);
  const b = part(second, box, fit, urlOf);
  if (!a || !b) return null;
  return { itemId: pairId(a.itemId, b.itemId), url: `${a.url} ${b.url}`, fit, pair: { layout, parts: [a, b] }, focus: { x: 0.5, y: 0.5 } };
}

/** The showable items in gallery order; with pairing, a pair takes the place of its first photo. */
export function toSlides(items: readonly GalleryItem[], setup: SlideSetup): Slide[] {
  const layout = setup.pairs ? pairLayoutFor(setup.screen) : null;
  const across = layout ? items.filter((item) => item.image?.id && isAcross(item, layout)) : [];
  const partners = layout && setup.pairs ? setup.pairs.update(across.map((item) => item.id)) : new Map<string, string>();
  const acrossIds = new Set(across.map((item) => item.id));
  const byId = new Map(items.map((item) => [item.id, item]));
  const placed = new Set<string>();
  const slides: Slide[] = [];
  for (const item of items) {
    if (placed.has(item.id)) continue;
    const partner = partners.get(item.id);
    const other = partner ? byId.get(partner) : undefined;
    if (layout && other) {
      const pair = toPair(item, other, layout, setup);
      if (pair) {
        placed.add(other.id);
        slides.push(pair);
        continue;
      }
    }
    // A photo across the screen without a partner shows whole on the blurred backdrop, never cropped to a strip.
    const slide = toSlide(item, acrossIds.has(item.id) ? { ...setup, fit: 'fit' } : setup);
    if (slide) slides.push(slide);
  }
  return slides;
}

// Pure show-order logic: what comes next in gallery order, and how the show
// reacts when the gallery changes under it. Slides are identified by item id;
// the URL stands for the media (a new URL for the same item means new media or
// a new size). Shuffle lives in order.ts and plugs in through ShowOrder.
import type { FitMode } from '../../shared/display';

/** One photo of a pair: its half of the screen, fetched at the half's size. */
export interface SlidePart {
  itemId: string;
  url: string;
  /** CSS object-position that keeps a 'fill' photo's focal point on screen. */
  position?: string;
}

/** What a show step puts on screen: one item, or two photos side by side (stacked on a portrait screen). */
export interface Slide {
  /** The item's id; for a pair, both ids joined by '+' (see pairId). */
  itemId: string;
  /**
   * The media's identity, and the picture decoded before the swap: the photo,
   * or a video's poster frame. A video without a poster has its stream here
   * (then `url === video` and nothing is decoded first).
   */
  url: string;
  /** A video item's stream (played muted over its poster). */
  video?: string;
  fit: FitMode;
  /** CSS object-position that keeps a 'fill' photo's focal point on screen. */
  position?: string;
  /** Two photos sharing the screen: side by side ('row') or stacked ('column'). */
  pair?: { layout: 'row' | 'column'; parts: [SlidePart, SlidePart] };
  /** Where Ken Burns drifts toward, as fractions of the screen (the focal point as shown). */
  focus?: { x: number; y: number };
}

export const pairId = (a: string, b: string) => `${a}+${b}`;

/** The items a slide shows: one, or both of a pair. */
export function itemsOf(slide: Slide): string[] {
  return slide.pair ? slide.pair.parts.map((p) => p.itemId) : [slide.itemId];
}

/** The pictures decoded before the slide is shown: the photo, a video's poster, or both photos of a pair. */
export function picturesOf(slide: Slide): string[] {
  if (slide.pair) return slide.pair.parts.map((p) => p.url);
  return hasPicture(slide) ? [slide.url] : [];
}

const NOTHING: ReadonlySet<string> = new Set();

export function sameSlide(a: Slide | null | undefined, b: Slide | null | undefined): boolean {
  return !!a && !!b && a.itemId === b.itemId && a.url === b.url && a.video === b.video && a.position === b.position;
}

/** True when the slide has a picture to decode before it is shown (a photo, or a video's poster). */
export function hasPicture(slide: Slide): boolean {
  return slide.url !== slide.video;
}

/** True when `slide` is still in `slides` with the same media. */
export function isListed(slides: readonly Slide[], slide: Slide): boolean {
  return slides.some((s) => sameSlide(s, slide));
}

/** The slide before `fromId` in gallery order, wrapping around; null when nothing qualifies. */
export function slideBefore(slides: readonly Slide[], fromId: string, skip: ReadonlySet<string> = NOTHING): Slide | null {
  const start = slides.findIndex((s) => s.itemId === fromId);
  if (start < 0) return null;
  for (let step = 1; step < slides.length; step++) {
    const slide = slides[(start - step + slides.length) % slides.length];
    if (slide && !skip.has(slide.url)) return slide;
  }
  return null;
}

/**
 * The slide after `fromId` in show order, wrapping around; `fromId` itself
 * comes last (so a one-photo gallery returns it). Slides whose URL is in
 * `skip` are passed over. From the start when `fromId` is null or unknown;
 * null when nothing qualifies.
 */
export function slideAfter(slides: readonly Slide[], fromId: string | null, skip: ReadonlySet<string> = NOTHING): Slide | null {
  const start = fromId === null ? -1 : slides.findIndex((s) => s.itemId === fromId);
  for (let step = 1; step <= slides.length; step++) {
    const slide = slides[(start + step) % slides.length];
    if (slide && !skip.has(slide.url)) return slide;
  }
  return null;
}

/**
 * Where the show goes when item `removedId` left: the first item that
 * followed it in the old order and is still there (in its new version).
 * From the start of the new order when none of them remain.
 */
export function successorOf(before: readonly Slide[], after: readonly Slide[], removedId: string, skip: ReadonlySet<string> = NOTHING): Slide | null {
  const byId = new Map(after.map((s) => [s.itemId, s]));
  const index = before.findIndex((s) => s.itemId === removedId);
  if (index >= 0) {
    for (let step = 1; step < before.length; step++) {
      const old = before[(index + step) % before.length];
      const slide = old && byId.get(old.itemId);
      if (slide && !skip.has(slide.url)) return slide;
    }
  }
  return slideAfter(after, null, skip);
}

/** How the show picks its next slide: gallery order (below) or shuffle (order.ts). */
export interface ShowOrder {
  /** The slide after `fromId` (null: the first), passing over URLs in `skip`; `fromId` itself only as a last resort. */
  next(slides: readonly Slide[], fromId: string | null, skip: ReadonlySet<string>): Slide | null;
  /** Where to go now that `removedId`, the item on screen, left the gallery. */
  replacing(before: readonly Slide[], after: readonly Slide[], removedId: string, skip: ReadonlySet<string>): Slide | null;
  /** `itemId` is on screen now. */
  shown(itemId: string): void;
}

/** Gallery order (sortOrder): the place follows the item on screen, so additions and removals elsewhere never make it jump. */
export const SORTED_ORDER: ShowOrder = {
  next: slideAfter,
  replacing: successorOf,
  shown() {},
};

export type Reaction =
  /** The slide on screen is still listed with the same media: carry on. */
  | { kind: 'keep' }
  /** Load this slide and show it as soon as it is decoded. */
  | { kind: 'show'; slide: Slide }
  /** Take everything off the screen and show a notice instead. */
  | { kind: 'clear'; notice: 'empty' | 'unavailable' };

const KEEP: Reaction = { kind: 'keep' };

/**
 * How the show reacts to a new gallery. `current` is the slide on screen
 * (null when nothing is), `skip` the URLs not to try now.
 */
export function reactToChange(
  before: readonly Slide[],
  after: readonly Slide[],
  current: Slide | null,
  skip: ReadonlySet<string> = NOTHING,
  order: ShowOrder = SORTED_ORDER,
): Reaction {
  if (after.length === 0) return { kind: 'clear', notice: 'empty' };
  let next: Slide | null;
  if (current) {
    const now = after.find((s) => s.itemId === current.itemId);
    // Same item with other media (or another size): show the new version now.
    if (now) return sameSlide(now, current) ? KEEP : { kind: 'show', slide: now };
    // A pair formed or parted: what holds the item on screen now takes its place.
    const shown = new Set(itemsOf(current));
    const heir = after.find((s) => itemsOf(s).some((id) => shown.has(id)) && !skip.has(s.url));
    if (heir) return { kind: 'show', slide: heir };
    next = order.replacing(before, after, current.itemId, skip);
  } else {
    next = order.next(after, null, skip);
  }
  return next ? { kind: 'show', slide: next } : { kind: 'clear', notice: 'unavailable' };
}

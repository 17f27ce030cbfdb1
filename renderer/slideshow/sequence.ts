// Pure show-order logic: what comes next, and how the show reacts when the
// gallery changes under it. Slides are identified by item id; the URL stands
// for the media (a new URL for the same item means new media or a new size).
import type { FitMode } from '../../shared/display';

export interface Slide {
  itemId: string;
  url: string;
  fit: FitMode;
}

const NOTHING: ReadonlySet<string> = new Set();

export function sameSlide(a: Slide | null | undefined, b: Slide | null | undefined): boolean {
  return !!a && !!b && a.itemId === b.itemId && a.url === b.url;
}

/** True when `slide` is still in `slides` with the same media. */
export function isListed(slides: readonly Slide[], slide: Slide): boolean {
  return slides.some((s) => sameSlide(s, slide));
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
 * (null when nothing is), `skip` the URLs that just failed to load.
 */
export function reactToChange(before: readonly Slide[], after: readonly Slide[], current: Slide | null, skip: ReadonlySet<string> = NOTHING): Reaction {
  if (after.length === 0) return { kind: 'clear', notice: 'empty' };
  let next: Slide | null;
  if (current) {
    const now = after.find((s) => s.itemId === current.itemId);
    // Same item with other media (or another size): show the new version now.
    if (now) return sameSlide(now, current) ? KEEP : { kind: 'show', slide: now };
    next = successorOf(before, after, current.itemId, skip);
  } else {
    next = slideAfter(after, null, skip);
  }
  return next ? { kind: 'show', slide: next } : { kind: 'clear', notice: 'unavailable' };
}

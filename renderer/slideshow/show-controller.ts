// The slideshow's state machine, free of React and the DOM: it decides what is
// on screen and when, loads the next picture fully before swapping, and keeps
// one timer (the slide timer) while a photo is still. Slideshow.tsx renders
// its view; a video's layer reports back when the video ended or failed.
import type { SlideOrder } from '../../shared/display';
import { createOrder } from './order';
import { RetryLater } from './retry-later';
import { isListed, itemsOf, picturesOf, reactToChange, sameSlide, slideBefore, SORTED_ORDER, type Reaction, type ShowOrder, type Slide } from './sequence';

/** How far back "previous" can go. */
const HISTORY = 100;

/** A video plays to its end, but never longer than this (or the slide time, when that is longer). */
export const VIDEO_CAP_MS = 60_000;

export interface ShownSlide extends Slide {
  /** Unique per appearance: a React key, and how the layer reports back. */
  key: number;
  /** Came by "previous": a slide transition enters from the other side. */
  back: boolean;
}

export type Notice = 'empty' | 'unavailable' | null;

export interface ShowView {
  /** The slide being shown (it may still be fading in over `previous`). */
  current: ShownSlide | null;
  /** The slide under it, kept until `current` is fully visible. */
  previous: ShownSlide | null;
  notice: Notice;
}

export interface ShowOptions {
  slideMs: number;
  /** Screen off (night): no advancing. */
  paused: boolean;
  /** Default 'sorted'. */
  order?: SlideOrder;
}

export interface ShowDeps {
  /** Resolves once the slide's picture is downloaded and decoded; rejects on failure. */
  load(slide: Slide, signal: AbortSignal): Promise<void>;
  /** Starts a timer; returns its cancel function. */
  setTimer(fn: () => void, ms: number): () => void;
  render(view: ShowView): void;
  /** Wall clock in ms, for retrying failed media later. Default Date.now. */
  now?(): number;
  /** For shuffle. Default Math.random. */
  random?(): number;
  /** The slides expected next (decode them ahead; release anything else). */
  preload?(upcoming: Slide[]): void;
  /** A new slide is on screen: the show advanced. Feeds the watchdog. */
  progressed?(): void;
}

/** How long a slide stays: a photo the slide time, a video until it ends or the cap. */
export function slidePeriodMs(slide: Slide | null, slideMs: number): number {
  return slide?.video ? Math.max(slideMs, VIDEO_CAP_MS) : slideMs;
}

/** How a slide comes on screen: onward (timer, next), back (previous), or in place of the one shown. */
type Move = 'onward' | 'back' | 'replace';

interface PendingLoad {
  slide: Slide;
  move: Move;
  abort: AbortController;
}

const NO_VIEW: ShowView = { current: null, previous: null, notice: null };

export class ShowController {
  private slides: Slide[] = [];
  private options: ShowOptions = { slideMs: 15_000, paused: false };
  private orderKind: SlideOrder = 'sorted';
  private order: ShowOrder = SORTED_ORDER;
  private current: ShownSlide | null = null;
  private below: ShownSlide | null = null;
  private currentVisible = false;
  private notice: Notice = null;
  private pending: PendingLoad | null = null;
  /** URLs that failed since the last tick: passed over, so a broken gallery cannot spin. */
  private readonly failedNow = new Set<string>();
  /** URLs that failed lately: passed over for a while, then tried again. */
  private readonly later: RetryLater;
  private cancelTimer: (() => void) | null = null;
  private nextKey = 1;
  private lastView: ShowView = NO_VIEW;
  /** Slides shown before the current one (most recent last), for "previous". */
  private back: string[] = [];
  /** Slides left by "previous", to come back to going onward. */
  private forward: string[] = [];
  /** New arrivals, shown next in gallery order. */
  private arrivals: string[] = [];
  /** Where the order resumes once the arrivals were shown. */
  private resumeFrom: string | null = null;
  /** Arrivals shown since resumeFrom was set. */
  private readonly arrived = new Set<string>();

  constructor(private readonly deps: ShowDeps) {
    this.later = new RetryLater(deps.now ?? Date.now);
  }

  /** A new gallery or new settings. Cheap when nothing relevant changed. */
  update(slides: Slide[], options: ShowOptions): void {
    const before = this.slides;
    const period = (o: ShowOptions) => slidePeriodMs(this.current, o.slideMs);
    const retime = period(options) !== period(this.options) || options.paused !== this.options.paused;
    const orderKind = options.order ?? 'sorted';
    if (orderKind !== this.orderKind) {
      this.orderKind = orderKind;
      this.order = createOrder(orderKind, this.deps.random);
    }
    this.noteArrivals(before, slides);
    this.slides = slides;
    this.options = options;
    this.later.keepOnly(new Set(slides.map((s) => s.url)));

    let reaction: Reaction = reactToChange(before, slides, this.current, this.skip(), this.order);
    // Only media that failed lately is left: try it again rather than give up.
    if (reaction.kind === 'clear' && reaction.notice === 'unavailable') reaction = reactToChange(before, slides, this.current, this.failedNow, this.order);
    if (reaction.kind === 'clear') {
      this.clear(reaction.notice);
    } else if (reaction.kind === 'show') {
      this.load(reaction.slide, 'replace');
    } else if (this.pending && !isListed(slides, this.pending.slide)) {
      // What we were loading is gone or changed: pick the next one afresh.
      this.cancelPending();
      this.advance();
    }

    if (retime || !this.cancelTimer) this.scheduleTimer();
    this.emit();
  }

  /** Onward now (a key, a tap, a swipe, the API): the slide timer starts afresh. */
  next(): void {
    if (this.slides.length === 0) return;
    // Pressed again while the next one loads: go one further.
    const from = this.pending?.move === 'onward' ? this.pending.slide : this.current;
    const next = this.pickOnward(from?.itemId ?? null);
    if (next && !sameSlide(next, this.current)) this.load(next, 'onward');
    this.emit();
  }

  /** Back to the slide shown before (in gallery order when there is no history). */
  previous(): void {
    const from = this.pending?.move === 'back' ? this.pending.slide : this.current;
    if (!from) return;
    const listed = new Map(this.slides.map((s) => [s.itemId, s]));
    let target: Slide | null = null;
    while (!target && this.back.length > 0) target = listed.get(this.back.pop()!) ?? null;
    if (!target && this.orderKind === 'sorted') target = slideBefore(this.slides, from.itemId, this.failedNow);
    if (!target || sameSlide(target, this.current)) return;
    if (this.pending?.move !== 'back') this.forward.push(from.itemId);
    this.load(target, 'back');
    this.emit();
  }

  /** The layer of `key` is fully visible: the one under it can go, and the next one can be decoded ahead. */
  revealed(key: number): void {
    if (this.current?.key !== key || this.currentVisible) return;
    this.currentVisible = true;
    this.below = null;
    this.emit();
    this.preloadNext();
  }

  /** The video of `key` played to its end: on to the next slide. */
  ended(key: number): void {
    if (this.current?.key !== key || this.pending) return;
    this.stopTimer();
    this.tick();
  }

  /** The video of `key` cannot play (error, or no progress): skip it, and try it again later. */
  failed(key: number): void {
    const current = this.current;
    if (!current || current.key !== key) return;
    this.failedNow.add(current.url);
    this.later.failed(current.url);
    if (this.pending) return;
    const next = this.pickOnward(current.itemId);
    if (next && !sameSlide(next, current)) this.load(next, 'onward');
    this.emit();
  }

  dispose(): void {
    this.cancelPending();
    this.stopTimer();
    this.deps.preload?.([]);
  }

  private tick(): void {
    this.cancelTimer = null;
    this.failedNow.clear();
    this.advance();
    this.emit();
  }

  private advance(): void {
    if (this.pending) return;
    const next = this.pickOnward(this.current?.itemId ?? null);
    // A one-photo gallery stays as it is; a one-video gallery plays again.
    if (next && (!sameSlide(next, this.current) || next.video)) return this.load(next, 'onward');
    this.scheduleTimer();
  }

  /** Onward from `fromId`: new arrivals first, then back toward where "previous" left, then the order. */
  private pickOnward(fromId: string | null): Slide | null {
    const skip = this.skip();
    const listed = new Map(this.slides.map((s) => [s.itemId, s]));
    const usable = (id: string) => {
      const slide = listed.get(id);
      return slide && !skip.has(slide.url) && id !== fromId ? slide : null;
    };
    this.arrivals = this.arrivals.filter((id) => listed.has(id));
    for (const id of this.arrivals) {
      const slide = usable(id);
      if (slide) return slide;
    }
    this.forward = this.forward.filter((id) => listed.has(id));
    for (let i = this.forward.length - 1; i >= 0; i--) {
      const slide = usable(this.forward[i]!);
      if (slide) return slide;
    }
    // The order resumes where it was before the arrivals came in, passing over the arrivals already shown.
    const resume = this.resumeFrom !== null && listed.has(this.resumeFrom) ? this.resumeFrom : fromId;
    let next = this.pick(resume);
    for (let step = 0; next && this.arrived.has(next.itemId) && step < this.slides.length; step++) next = this.pick(next.itemId);
    return next && this.arrived.has(next.itemId) ? this.pick(fromId) : next;
  }

  /** Items that were not in the gallery before come next, in gallery order (not on the first gallery, nor a new project's). */
  private noteArrivals(before: readonly Slide[], after: readonly Slide[]): void {
    if (before.length === 0 || !this.current) return;
    const known = new Set(before.flatMap(itemsOf));
    const fresh = after.filter((s) => itemsOf(s).some((id) => !known.has(id))).map((s) => s.itemId);
    if (fresh.length === 0) return;
    if (this.arrivals.length === 0 && this.resumeFrom === null) this.resumeFrom = this.current.itemId;
    this.arrivals.push(...fresh.filter((id) => !this.arrivals.includes(id)));
  }

  /** URLs not to try now. */
  private skip(): ReadonlySet<string> {
    const blocked = this.later.blocked();
    if (blocked.size === 0) return this.failedNow;
    return new Set([...blocked, ...this.failedNow]);
  }

  /** The next slide to try after `fromId`; media that failed a while ago only when nothing else is left. */
  private pick(fromId: string | null): Slide | null {
    const next = this.order.next(this.slides, fromId, this.skip());
    if (next && !sameSlide(next, this.current)) return next;
    return this.order.next(this.slides, fromId, this.failedNow);
  }

  private preloadNext(): void {
    if (!this.deps.preload || !this.current) return;
    const next = this.pickOnward(this.current.itemId);
    this.deps.preload(next && !sameSlide(next, this.current) && picturesOf(next).length > 0 ? [next] : []);
  }

  private load(slide: Slide, move: Move): void {
    if (this.pending && sameSlide(this.pending.slide, slide)) return;
    this.cancelPending();
    this.stopTimer();
    const pending: PendingLoad = { slide, move, abort: new AbortController() };
    this.pending = pending;
    this.deps.load(slide, pending.abort.signal).then(
      () => {
        if (this.pending === pending) this.show(slide, move);
      },
      () => {
        if (this.pending === pending) this.loadFailed(slide);
      },
    );
  }

  private show(slide: Slide, move: Move): void {
    this.pending = null;
    this.later.loaded(slide.url);
    this.later.slideShown();
    this.order.shown(slide.itemId);
    this.remember(slide, move);
    // Keep the last fully visible slide underneath; one still fading in is simply replaced.
    if (this.current && this.currentVisible) this.below = this.current;
    this.current = { ...slide, key: this.nextKey++, back: move === 'back' };
    this.currentVisible = false;
    this.notice = null;
    this.scheduleTimer();
    this.deps.progressed?.();
    this.emit();
  }

  /** History for "previous" and "next", and the arrivals queue, as `slide` comes on screen. */
  private remember(slide: Slide, move: Move): void {
    const items = new Set(itemsOf(slide));
    const wasArrival = this.arrivals.some((id) => id === slide.itemId || id.split('+').some((part) => items.has(part)));
    this.arrivals = this.arrivals.filter((id) => id !== slide.itemId && !id.split('+').some((part) => items.has(part)));
    if (wasArrival) this.arrived.add(slide.itemId);
    // Once a slide other than an arrival came onward, the order is back on its way.
    if (!wasArrival && move === 'onward' && this.arrivals.length === 0) {
      this.resumeFrom = null;
      this.arrived.clear();
    }
    if (move === 'onward') {
      if (this.current) this.back.push(this.current.itemId);
      if (this.back.length > HISTORY) this.back.splice(0, this.back.length - HISTORY);
      if (this.forward.at(-1) === slide.itemId) this.forward.pop();
    }
  }

  private loadFailed(slide: Slide): void {
    this.pending = null;
    this.failedNow.add(slide.url);
    this.later.failed(slide.url);
    const currentListed = !!this.current && isListed(this.slides, this.current);
    const next = this.pickOnward(slide.itemId);
    if (next && !(currentListed && sameSlide(next, this.current))) return this.load(next, 'onward');
    // Nothing else loads. A photo still in the gallery stays; a removed one must go.
    if (!currentListed && this.current) this.clear('unavailable');
    if (!this.current) this.notice = this.slides.length ? 'unavailable' : 'empty';
    this.scheduleTimer();
    this.emit();
  }

  private clear(notice: 'empty' | 'unavailable'): void {
    this.cancelPending();
    this.stopTimer();
    this.current = null;
    this.below = null;
    this.currentVisible = false;
    this.notice = notice;
    this.deps.preload?.([]);
  }

  private cancelPending(): void {
    this.pending?.abort.abort();
    this.pending = null;
  }

  /** (Re)starts the slide timer: only while something is to be shown and nothing is loading. */
  private scheduleTimer(): void {
    this.stopTimer();
    if (this.options.paused || this.pending || this.slides.length === 0) return;
    this.cancelTimer = this.deps.setTimer(() => this.tick(), slidePeriodMs(this.current, this.options.slideMs));
  }

  private stopTimer(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
  }

  private emit(): void {
    const view: ShowView = { current: this.current, previous: this.below, notice: this.notice };
    const last = this.lastView;
    if (view.current === last.current && view.previous === last.previous && view.notice === last.notice) return;
    this.lastView = view;
    this.deps.render(view);
  }
}

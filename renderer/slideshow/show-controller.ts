// The slideshow's state machine, free of React and the DOM: it decides what is
// on screen and when, loads the next picture fully before swapping, and keeps
// one timer (the slide timer) while a photo is still. Slideshow.tsx renders
// its view; a video's layer reports back when the video ended or failed.
import type { SlideOrder } from '../../shared/display';
import { createOrder } from './order';
import { RetryLater } from './retry-later';
import { hasPicture, isListed, reactToChange, sameSlide, SORTED_ORDER, type Reaction, type ShowOrder, type Slide } from './sequence';

/** A video plays to its end, but never longer than this (or the slide time, when that is longer). */
export const VIDEO_CAP_MS = 60_000;

export interface ShownSlide extends Slide {
  /** Unique per appearance: a React key, and how the layer reports back. */
  key: number;
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

interface PendingLoad {
  slide: Slide;
  abort: AbortController;
}

const NO_VIEW: ShowView = { current: null, previous: null, notice: null };

export class ShowController {
  private slides: Slide[] = [];
  private options: ShowOptions = { slideMs: 15_000, paused: false };
  private orderKind: SlideOrder = 'sorted';
  private order: ShowOrder = SORTED_ORDER;
  private current: ShownSlide | null = null;
  private previous: ShownSlide | null = null;
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
    this.slides = slides;
    this.options = options;
    this.later.keepOnly(new Set(slides.map((s) => s.url)));

    let reaction: Reaction = reactToChange(before, slides, this.current, this.skip(), this.order);
    // Only media that failed lately is left: try it again rather than give up.
    if (reaction.kind === 'clear' && reaction.notice === 'unavailable') reaction = reactToChange(before, slides, this.current, this.failedNow, this.order);
    if (reaction.kind === 'clear') {
      this.clear(reaction.notice);
    } else if (reaction.kind === 'show') {
      this.load(reaction.slide);
    } else if (this.pending && !isListed(slides, this.pending.slide)) {
      // What we were loading is gone or changed: pick the next one afresh.
      this.cancelPending();
      this.advance();
    }

    if (retime || !this.cancelTimer) this.scheduleTimer();
    this.emit();
  }

  /** The layer of `key` is fully visible: the one under it can go, and the next one can be decoded ahead. */
  revealed(key: number): void {
    if (this.current?.key !== key || this.currentVisible) return;
    this.currentVisible = true;
    this.previous = null;
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
    const next = this.pick(current.itemId);
    if (next && !sameSlide(next, current)) this.load(next);
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
    const next = this.pick(this.current?.itemId ?? null);
    // A one-photo gallery stays as it is; a one-video gallery plays again.
    if (next && (!sameSlide(next, this.current) || next.video)) return this.load(next);
    this.scheduleTimer();
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
    const next = this.pick(this.current.itemId);
    this.deps.preload(next && !sameSlide(next, this.current) && hasPicture(next) ? [next] : []);
  }

  private load(slide: Slide): void {
    if (this.pending && sameSlide(this.pending.slide, slide)) return;
    this.cancelPending();
    this.stopTimer();
    const pending: PendingLoad = { slide, abort: new AbortController() };
    this.pending = pending;
    this.deps.load(slide, pending.abort.signal).then(
      () => {
        if (this.pending === pending) this.show(slide);
      },
      () => {
        if (this.pending === pending) this.loadFailed(slide);
      },
    );
  }

  private show(slide: Slide): void {
    this.pending = null;
    this.later.loaded(slide.url);
    this.later.slideShown();
    this.order.shown(slide.itemId);
    // Keep the last fully visible slide underneath; one still fading in is simply replaced.
    if (this.current && this.currentVisible) this.previous = this.current;
    this.current = { ...slide, key: this.nextKey++ };
    this.currentVisible = false;
    this.notice = null;
    this.scheduleTimer();
    this.deps.progressed?.();
    this.emit();
  }

  private loadFailed(slide: Slide): void {
    this.pending = null;
    this.failedNow.add(slide.url);
    this.later.failed(slide.url);
    const currentListed = !!this.current && isListed(this.slides, this.current);
    const next = this.pick(slide.itemId);
    if (next && !(currentListed && sameSlide(next, this.current))) return this.load(next);
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
    this.previous = null;
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
    const view: ShowView = { current: this.current, previous: this.previous, notice: this.notice };
    const last = this.lastView;
    if (view.current === last.current && view.previous === last.previous && view.notice === last.notice) return;
    this.lastView = view;
    this.deps.render(view);
  }
}

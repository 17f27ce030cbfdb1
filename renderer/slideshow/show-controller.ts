// The slideshow's state machine, free of React and the DOM: it decides what is
// on screen and when, loads the next photo fully before swapping, and keeps one
// timer (the slide timer) while a photo is still. Slideshow.tsx renders its view.
import { isListed, reactToChange, sameSlide, slideAfter, type Slide } from './sequence';

export interface ShownSlide extends Slide {
  /** Unique per appearance: a React key, and how the layer reports it is visible. */
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
}

export interface ShowDeps {
  /** Resolves once the image at `url` is downloaded and decoded; rejects on failure. */
  load(url: string, signal: AbortSignal): Promise<void>;
  /** Starts a timer; returns its cancel function. */
  setTimer(fn: () => void, ms: number): () => void;
  render(view: ShowView): void;
}

interface PendingLoad {
  slide: Slide;
  abort: AbortController;
}

export class ShowController {
  private slides: Slide[] = [];
  private options: ShowOptions = { slideMs: 15_000, paused: false };
  private current: ShownSlide | null = null;
  private previous: ShownSlide | null = null;
  private currentVisible = false;
  private notice: Notice = null;
  private pending: PendingLoad | null = null;
  /** URLs that failed since the last tick: passed over, so a broken gallery cannot spin. */
  private readonly failed = new Set<string>();
  private cancelTimer: (() => void) | null = null;
  private nextKey = 1;
  private lastView: ShowView = { current: null, previous: null, notice: null };

  constructor(private readonly deps: ShowDeps) {}

  /** A new gallery or new settings. Cheap when nothing relevant changed. */
  update(slides: Slide[], options: ShowOptions): void {
    const before = this.slides;
    const retime = options.slideMs !== this.options.slideMs || options.paused !== this.options.paused;
    this.slides = slides;
    this.options = options;

    const reaction = reactToChange(before, slides, this.current, this.failed);
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

  /** The layer of `key` is fully visible: the one under it can go. */
  revealed(key: number): void {
    if (this.current?.key !== key || this.currentVisible) return;
    this.currentVisible = true;
    this.previous = null;
    this.emit();
  }

  dispose(): void {
    this.cancelPending();
    this.stopTimer();
  }

  private tick(): void {
    this.cancelTimer = null;
    this.failed.clear();
    this.advance();
    this.emit();
  }

  private advance(): void {
    if (this.pending) return;
    const next = slideAfter(this.slides, this.current?.itemId ?? null, this.failed);
    if (!next) return;
    if (sameSlide(next, this.current)) this.scheduleTimer();
    else this.load(next);
  }

  private load(slide: Slide): void {
    if (this.pending && sameSlide(this.pending.slide, slide)) return;
    this.cancelPending();
    this.stopTimer();
    const pending: PendingLoad = { slide, abort: new AbortController() };
    this.pending = pending;
    this.deps.load(slide.url, pending.abort.signal).then(
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
    // Keep the last fully visible slide underneath; one still fading in is simply replaced.
    if (this.current && this.currentVisible) this.previous = this.current;
    this.current = { ...slide, key: this.nextKey++ };
    this.currentVisible = false;
    this.notice = null;
    this.scheduleTimer();
    this.emit();
  }

  private loadFailed(slide: Slide): void {
    this.pending = null;
    this.failed.add(slide.url);
    const currentListed = !!this.current && isListed(this.slides, this.current);
    const next = slideAfter(this.slides, slide.itemId, this.failed);
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
  }

  private cancelPending(): void {
    this.pending?.abort.abort();
    this.pending = null;
  }

  /** (Re)starts the slide timer: only while something is to be shown and nothing is loading. */
  private scheduleTimer(): void {
    this.stopTimer();
    if (this.options.paused || this.pending || this.slides.length === 0) return;
    this.cancelTimer = this.deps.setTimer(() => this.tick(), this.options.slideMs);
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

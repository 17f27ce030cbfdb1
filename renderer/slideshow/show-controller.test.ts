import { beforeEach, describe, expect, it } from 'vitest';
import type { Slide } from './sequence';
import { ShowController, type ShowView } from './show-controller';

const slide = (itemId: string, version = 1): Slide => ({ itemId, url: `/media/${itemId}-v${version}.jpg`, fit: 'fit' });
const slides = (...ids: string[]) => ids.map((id) => slide(id));
const OPTIONS = { slideMs: 10_000, paused: false };

/** Loads finish when the test says so; timers fire when the test advances time. */
class Harness {
  loads: { url: string; signal: AbortSignal; resolve: () => void; reject: () => void }[] = [];
  timers: { fn: () => void; at: number; cancelled: boolean }[] = [];
  views: ShowView[] = [];
  now = 0;
  show = new ShowController({
    load: (url, signal) => new Promise<void>((resolve, reject) => this.loads.push({ url, signal, resolve, reject: () => reject(new Error('broken')) })),
    setTimer: (fn, ms) => {
      const timer = { fn, at: this.now + ms, cancelled: false };
      this.timers.push(timer);
      return () => (timer.cancelled = true);
    },
    render: (view) => this.views.push(view),
  });

  get view(): ShowView {
    return this.views.at(-1) ?? { current: null, previous: null, notice: null };
  }
  get shownId(): string | null {
    return this.view.current?.itemId ?? null;
  }
  get liveTimers() {
    return this.timers.filter((t) => !t.cancelled);
  }
  /** Open loads, oldest first, that were not aborted. */
  get openLoads() {
    return this.loads.filter((l) => !l.signal.aborted);
  }

  async finishLoad(url: string, ok = true): Promise<void> {
    const load = this.loads.find((l) => l.url === url);
    if (!load) throw new Error(`no load of ${url}; loads: ${this.loads.map((l) => l.url).join(', ')}`);
    this.loads.splice(this.loads.indexOf(load), 1);
    if (ok) load.resolve();
    else load.reject();
    await flush();
  }

  async advance(ms: number): Promise<void> {
    this.now += ms;
    for (const timer of this.liveTimers.filter((t) => t.at <= this.now)) {
      timer.cancelled = true;
      timer.fn();
    }
    await flush();
  }

  /** The layer reports the current slide fully visible. */
  reveal(): void {
    const key = this.view.current?.key;
    if (key !== undefined) this.show.revealed(key);
  }
}

const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

let h: Harness;
beforeEach(() => {
  h = new Harness();
});

async function startedWith(gallery: Slide[]): Promise<void> {
  h.show.update(gallery, OPTIONS);
  await h.finishLoad(gallery[0]!.url);
  h.reveal();
}

describe('ShowController', () => {
  it('shows the first slide only once it is decoded, then starts the slide timer', async () => {
    h.show.update(slides('a', 'b'), OPTIONS);
    expect(h.shownId).toBeNull();
    expect(h.openLoads.map((l) => l.url)).toEqual([slide('a').url]);
    expect(h.liveTimers).toHaveLength(0);
    await h.finishLoad(slide('a').url);
    expect(h.shownId).toBe('a');
    expect(h.liveTimers).toHaveLength(1);
  });

  it('advances every slideMs, loading the next slide before swapping', async () => {
    await startedWith(slides('a', 'b'));
    await h.advance(9_999);
    expect(h.openLoads).toHaveLength(0);
    await h.advance(1);
    expect(h.shownId).toBe('a');
    expect(h.liveTimers).toHaveLength(0); // no timer while loading
    await h.finishLoad(slide('b').url);
    expect(h.view.current?.itemId).toBe('b');
    expect(h.view.previous?.itemId).toBe('a');
    h.reveal();
    expect(h.view.previous).toBeNull();
    await h.advance(10_000);
    await h.finishLoad(slide('a').url);
    expect(h.shownId).toBe('a');
  });

  it('keeps the visible slide underneath when the one fading in is replaced', async () => {
    await startedWith(slides('a', 'b', 'c'));
    await h.advance(10_000);
    await h.finishLoad(slide('b').url);
    // b is still fading in when its media changes
    h.show.update([slide('a'), slide('b', 2), slide('c')], OPTIONS);
    await h.finishLoad(slide('b', 2).url);
    expect(h.view.current?.url).toBe(slide('b', 2).url);
    expect(h.view.previous?.itemId).toBe('a');
  });

  it('does not restart the countdown when unrelated snapshots arrive', async () => {
    await startedWith(slides('a', 'b'));
    await h.advance(6_000);
    h.show.update(slides('a', 'b'), OPTIONS);
    h.show.update(slides('a', 'b'), OPTIONS);
    await h.advance(4_000);
    expect(h.openLoads.map((l) => l.url)).toEqual([slide('b').url]);
  });

  it('restarts the countdown when the slide duration changes', async () => {
    await startedWith(slides('a', 'b'));
    await h.advance(6_000);
    h.show.update(slides('a', 'b'), { ...OPTIONS, slideMs: 5_000 });
    await h.advance(4_000);
    expect(h.openLoads).toHaveLength(0);
    await h.advance(1_000);
    expect(h.openLoads.map((l) => l.url)).toEqual([slide('b').url]);
  });

  it('keeps showing a one-photo gallery without reloading it', async () => {
    await startedWith(slides('a'));
    await h.advance(10_000);
    await h.advance(10_000);
    expect(h.openLoads).toHaveLength(0);
    expect(h.shownId).toBe('a');
    expect(h.liveTimers).toHaveLength(1);
  });

  it('follows the current item by id when items are added and reordered', async () => {
    await startedWith(slides('a', 'b'));
    h.show.update(slides('new', 'a', 'x', 'b'), OPTIONS);
    expect(h.openLoads).toHaveLength(0);
    expect(h.shownId).toBe('a');
    await h.advance(10_000);
    expect(h.openLoads.map((l) => l.url)).toEqual([slide('x').url]);
  });

  it('moves to the next remaining item at once when the current one is removed', async () => {
    await startedWith(slides('a', 'b', 'c'));
    await h.advance(3_000);
    h.show.update(slides('b', 'c'), OPTIONS);
    expect(h.openLoads.map((l) => l.url)).toEqual([slide('b').url]);
    expect(h.shownId).toBe('a'); // until b is decoded: never a black screen
    await h.finishLoad(slide('b').url);
    expect(h.shownId).toBe('b');
    expect(h.liveTimers[0]?.at).toBe(h.now + 10_000); // b gets its full time
  });

  it('drops a pending load whose item was removed and loads what follows instead', async () => {
    await startedWith(slides('a', 'b', 'c'));
    await h.advance(10_000);
    expect(h.openLoads.map((l) => l.url)).toEqual([slide('b').url]);
    h.show.update(slides('a', 'c'), OPTIONS);
    expect(h.openLoads.map((l) => l.url)).toEqual([slide('c').url]);
    await h.finishLoad(slide('c').url);
    expect(h.shownId).toBe('c');
  });

  it('shows new media for the item on screen promptly', async () => {
    await startedWith(slides('a', 'b'));
    h.show.update([slide('a', 2), slide('b')], OPTIONS);
    await h.finishLoad(slide('a', 2).url);
    expect(h.view.current).toMatchObject({ itemId: 'a', url: slide('a', 2).url });
    expect(h.view.previous?.url).toBe(slide('a').url);
  });

  it('shows the empty state at once when the gallery empties, and photos when they return', async () => {
    await startedWith(slides('a'));
    h.show.update([], OPTIONS);
    expect(h.view).toEqual({ current: null, previous: null, notice: 'empty' });
    expect(h.liveTimers).toHaveLength(0);
    h.show.update(slides('b'), OPTIONS);
    expect(h.view.notice).toBe('empty'); // until b is ready
    await h.finishLoad(slide('b').url);
    expect(h.view.notice).toBeNull();
    expect(h.shownId).toBe('b');
  });

  it('skips an image that fails and shows the next one', async () => {
    h.show.update(slides('a', 'b'), OPTIONS);
    await h.finishLoad(slide('a').url, false);
    await h.finishLoad(slide('b').url);
    expect(h.shownId).toBe('b');
  });

  it('keeps the last good photo when every other one fails, without looping', async () => {
    await startedWith(slides('a', 'b', 'c'));
    await h.advance(10_000);
    await h.finishLoad(slide('b').url, false);
    await h.finishLoad(slide('c').url, false);
    expect(h.openLoads).toHaveLength(0);
    expect(h.shownId).toBe('a');
    // tries again at the next tick, not before
    expect(h.liveTimers).toHaveLength(1);
    await h.advance(10_000);
    expect(h.openLoads.map((l) => l.url)).toEqual([slide('b').url]);
  });

  it('says the photos are unavailable when none loads, and retries on the slide timer', async () => {
    h.show.update(slides('a', 'b'), OPTIONS);
    await h.finishLoad(slide('a').url, false);
    await h.finishLoad(slide('b').url, false);
    expect(h.openLoads).toHaveLength(0);
    expect(h.view.notice).toBe('unavailable');
    h.show.update(slides('a', 'b'), OPTIONS); // a new snapshot does not start another round
    expect(h.openLoads).toHaveLength(0);
    await h.advance(10_000);
    await h.finishLoad(slide('a').url);
    expect(h.shownId).toBe('a');
    expect(h.view.notice).toBeNull();
  });

  it('takes a removed photo off the screen when nothing else can be shown', async () => {
    await startedWith(slides('a', 'b'));
    h.show.update(slides('b'), OPTIONS);
    await h.finishLoad(slide('b').url, false);
    expect(h.view).toEqual({ current: null, previous: null, notice: 'unavailable' });
  });

  it('ignores a load that finishes after the show moved on', async () => {
    await startedWith(slides('a', 'b', 'c'));
    await h.advance(10_000);
    const stale = h.openLoads[0]!;
    h.show.update(slides('a', 'c'), OPTIONS);
    expect(stale.signal.aborted).toBe(true);
    stale.resolve();
    await flush();
    expect(h.shownId).toBe('a');
  });

  it('does not advance while the screen is off, and resumes when it comes on', async () => {
    await startedWith(slides('a', 'b'));
    h.show.update(slides('a', 'b'), { ...OPTIONS, paused: true });
    expect(h.liveTimers).toHaveLength(0);
    h.show.update(slides('a', 'b'), OPTIONS);
    await h.advance(10_000);
    expect(h.openLoads.map((l) => l.url)).toEqual([slide('b').url]);
  });

  it('stops its timer and loads when disposed', async () => {
    await startedWith(slides('a', 'b'));
    await h.advance(10_000);
    h.show.dispose();
    expect(h.liveTimers).toHaveLength(0);
    expect(h.loads.every((l) => l.signal.aborted)).toBe(true);
  });
});

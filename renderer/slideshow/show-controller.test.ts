import { beforeEach, describe, expect, it } from 'vitest';
import type { Slide } from './sequence';
import { ShowController, VIDEO_CAP_MS, type ShowView } from './show-controller';

const slide = (itemId: string, version = 1): Slide => ({ itemId, url: `/media/${itemId}-v${version}.jpg`, fit: 'fit' });
const slides = (...ids: string[]) => ids.map((id) => slide(id));
const OPTIONS = { slideMs: 10_000, paused: false };

/** Loads finish when the test says so; timers fire when the test advances time. */
class Harness {
  loads: { url: string; signal: AbortSignal; resolve: () => void; reject: () => void }[] = [];
  timers: { fn: () => void; at: number; cancelled: boolean }[] = [];
  views: ShowView[] = [];
  preloads: string[][] = [];
  progress = 0;
  now = 0;
  show = new ShowController({
    now: () => this.now,
    random: seeded(11),
    preload: (upcoming) => this.preloads.push(upcoming.map((s) => s.url)),
    progressed: () => this.progress++,
    load: (slide, signal) => new Promise<void>((resolve, reject) => this.loads.push({ url: slide.url, signal, resolve, reject: () => reject(new Error('broken')) })),
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

function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 2 ** 32;
    return state / 2 ** 32;
  };
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

  it('follows the current item by id when items are reordered', async () => {
    await startedWith(slides('a', 'x', 'b'));
    h.show.update(slides('b', 'a', 'x'), OPTIONS);
    expect(h.openLoads).toHaveLength(0);
    expect(h.shownId).toBe('a');
    await h.advance(10_000);
    expect(h.openLoads.map((l) => l.url)).toEqual([slide('x').url]);
  });

  it('shows new arrivals next, in gallery order, then resumes where it was', async () => {
    await startedWith(slides('a', 'b', 'c'));
    h.show.update(slides('new', 'a', 'x', 'b', 'c'), OPTIONS);
    expect(h.shownId).toBe('a'); // not at once: next
    const order: string[] = [];
    for (let i = 0; i < 4; i++) {
      await h.advance(10_000);
      const url = h.openLoads[0]!.url;
      await h.finishLoad(url);
      h.reveal();
      order.push(h.shownId!);
    }
    expect(order).toEqual(['new', 'x', 'b', 'c']);
  });

  it('does not take the first gallery for arrivals', async () => {
    h.show.update([], OPTIONS);
    await startedWith(slides('a', 'b', 'c'));
    await h.advance(10_000);
    expect(h.openLoads.map((l) => l.url)).toEqual([slide('b').url]);
  });

  it('goes next and previous on command, and back onward to where it was', async () => {
    await startedWith(slides('a', 'b', 'c', 'd'));
    h.show.next();
    await h.finishLoad(slide('b').url);
    h.reveal();
    expect(h.liveTimers[0]?.at).toBe(h.now + 10_000); // a fresh slide time
    expect(h.view.current?.back).toBe(false);
    h.show.next();
    await h.finishLoad(slide('c').url);
    h.reveal();
    h.show.previous();
    await h.finishLoad(slide('b').url);
    // Came back: a slide transition enters from the other side.
    expect(h.view.current).toMatchObject({ itemId: 'b', back: true });
    h.reveal();
    h.show.previous();
    await h.finishLoad(slide('a').url);
    h.reveal();
    expect(h.shownId).toBe('a');
    // Previous from the first goes round to the last in gallery order.
    h.show.previous();
    await h.finishLoad(slide('d').url);
    h.reveal();
    expect(h.shownId).toBe('d');
  });

  it('retraces its steps onward after going back in a shuffle', async () => {
    h.show.update(slides('a', 'b', 'c', 'd', 'e'), { ...OPTIONS, order: 'shuffle' });
    const seen: string[] = [];
    const step = async (go: () => void) => {
      go();
      const url = h.openLoads[0]!.url;
      await h.finishLoad(url);
      h.reveal();
      seen.push(h.shownId!);
    };
    await h.finishLoad(h.openLoads[0]!.url);
    h.reveal();
    seen.push(h.shownId!);
    await step(() => h.show.next());
    await step(() => h.show.next());
    await step(() => h.show.previous());
    await step(() => h.show.next());
    expect(seen[3]).toBe(seen[1]);
    expect(seen[4]).toBe(seen[2]);
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

  it('decodes the next slide ahead once the current one is fully visible', async () => {
    await startedWith(slides('a', 'b', 'c'));
    expect(h.preloads.at(-1)).toEqual([slide('b').url]);
    await h.advance(10_000);
    await h.finishLoad(slide('b').url);
    h.reveal();
    expect(h.preloads.at(-1)).toEqual([slide('c').url]);
    h.show.dispose();
    expect(h.preloads.at(-1)).toEqual([]);
  });

  it('reports progress to the watchdog on every new slide, and only then', async () => {
    await startedWith(slides('a', 'b'));
    expect(h.progress).toBe(1);
    await h.advance(10_000);
    await h.finishLoad(slide('b').url, false);
    expect(h.progress).toBe(1); // still on a: the show did not advance
    await h.advance(10_000);
    await h.finishLoad(slide('b').url);
    expect(h.progress).toBe(2);
  });
});

describe('ShowController: broken media', () => {
  const gallery = slides('a', 'b', 'c', 'd');

  it('passes over a broken photo for a while, then tries it again', async () => {
    await startedWith(gallery);
    await h.advance(10_000);
    await h.finishLoad(slide('b').url, false);
    await h.finishLoad(slide('c').url);
    h.reveal();
    const tried: string[] = [];
    for (let i = 0; i < 6; i++) {
      await h.advance(10_000);
      const load = h.openLoads[0]!;
      tried.push(load.url);
      await h.finishLoad(load.url, load.url !== slide('b').url);
      if (load.url === slide('b').url) await h.finishLoad(h.openLoads[0]!.url);
      h.reveal();
    }
    // d a c d a c: b is left out, not retried at once every round...
    expect(tried.map((u) => u.slice(7, 8))).toEqual(['d', 'a', 'c', 'd', 'a', 'c']);
    // ...but some minutes later it gets another chance, in its turn.
    h.now += 3 * 60_000;
    for (const next of ['d', 'a']) {
      await h.advance(10_000);
      await h.finishLoad(slide(next).url);
      h.reveal();
    }
    await h.advance(10_000);
    expect(h.openLoads.map((l) => l.url)).toEqual([slide('b').url]);
  });

  it('tries broken photos again when nothing else is left', async () => {
    await startedWith(slides('a', 'b'));
    await h.advance(10_000);
    await h.finishLoad(slide('b').url, false);
    expect(h.shownId).toBe('a');
    await h.advance(10_000);
    expect(h.openLoads.map((l) => l.url)).toEqual([slide('b').url]);
  });
});

describe('ShowController: shuffle', () => {
  const SHUFFLE = { ...OPTIONS, order: 'shuffle' as const };

  /** Shows `count` slides; the first one is already loading unless `running`. */
  async function run(count: number, running = false): Promise<string[]> {
    const shown: string[] = [];
    for (let i = 0; i < count; i++) {
      if (i > 0 || running) await h.advance(10_000);
      await h.finishLoad(h.openLoads[0]!.url);
      h.reveal();
      shown.push(h.shownId!);
    }
    return shown;
  }

  it('shows each photo once per round, in a shuffled order', async () => {
    const gallery = slides('a', 'b', 'c', 'd', 'e', 'f');
    h.show.update(gallery, SHUFFLE);
    const shown = await run(12);
    expect(new Set(shown.slice(0, 6)).size).toBe(6);
    expect(new Set(shown.slice(6)).size).toBe(6);
    expect(shown.slice(0, 6)).not.toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('lets a photo added mid-round come before the round ends', async () => {
    const gallery = slides('a', 'b', 'c', 'd');
    h.show.update(gallery, SHUFFLE);
    const first = await run(2);
    const grown = [...gallery, slide('new')];
    h.show.update(grown, SHUFFLE);
    const rest = await run(3, true);
    expect(new Set([...first, ...rest])).toEqual(new Set(['a', 'b', 'c', 'd', 'new']));
  });

  it('switches between sorted and shuffle without a jump on screen', async () => {
    await startedWith(slides('a', 'b', 'c'));
    h.show.update(slides('a', 'b', 'c'), SHUFFLE);
    expect(h.shownId).toBe('a');
    expect(h.openLoads).toHaveLength(0);
  });
});

describe('ShowController: videos', () => {
  const clip = (id: string, poster = true): Slide => ({ itemId: id, url: poster ? `/media/${id}-poster.jpg` : `/video/${id}`, video: `/video/${id}`, fit: 'fit' });

  it('gives a video until its end, capped', async () => {
    await startedWith([clip('v'), slide('b')]);
    expect(h.liveTimers[0]!.at).toBe(VIDEO_CAP_MS);
    await h.advance(VIDEO_CAP_MS);
    expect(h.openLoads.map((l) => l.url)).toEqual([slide('b').url]);
  });

  it('moves on when the video ends', async () => {
    await startedWith([clip('v'), slide('b')]);
    await h.advance(3_000);
    h.show.ended(h.view.current!.key);
    expect(h.openLoads.map((l) => l.url)).toEqual([slide('b').url]);
    await h.finishLoad(slide('b').url);
    expect(h.liveTimers[0]!.at).toBe(h.now + 10_000);
  });

  it('ignores the end of a video no longer current', async () => {
    await startedWith([clip('v'), slide('b')]);
    const key = h.view.current!.key;
    h.show.ended(key + 1);
    expect(h.openLoads).toHaveLength(0);
  });

  it('skips a video that fails, and tries it again later', async () => {
    await startedWith([clip('v'), slide('b'), slide('c')]);
    h.show.failed(h.view.current!.key);
    await h.finishLoad(slide('b').url);
    h.reveal();
    await h.advance(10_000);
    await h.finishLoad(slide('c').url);
    h.reveal();
    await h.advance(10_000);
    expect(h.openLoads.map((l) => l.url)).toEqual([slide('b').url]); // v passed over for now
  });

  it('plays a one-video gallery again after its end', async () => {
    await startedWith([clip('v')]);
    const first = h.view.current!.key;
    h.show.ended(first);
    await h.finishLoad(clip('v').url);
    expect(h.view.current?.itemId).toBe('v');
    expect(h.view.current?.key).not.toBe(first);
  });

  it('shows a video without a poster at once (it reveals itself when it plays)', async () => {
    h.show.update([clip('v', false), slide('b')], OPTIONS);
    await h.finishLoad(clip('v', false).url);
    expect(h.view.current?.video).toBe('/video/v');
  });

  it('does not decode a video without a poster ahead', async () => {
    await startedWith([slide('a'), clip('v', false)]);
    expect(h.preloads.at(-1)).toEqual([]);
  });
});

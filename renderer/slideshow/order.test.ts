import { describe, expect, it } from 'vitest';
import { ShuffleOrder, createOrder } from './order';
import { SORTED_ORDER, type Slide } from './sequence';

const slide = (itemId: string): Slide => ({ itemId, url: `/media/${itemId}.jpg`, fit: 'fit' });
const slides = (...ids: string[]) => ids.map(slide);
const NONE: ReadonlySet<string> = new Set();

/** A seeded generator, so the shuffles are the same on every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 2 ** 32;
    return state / 2 ** 32;
  };
}

/** Shows `count` slides in a row, as the controller would. */
function play(order: ShuffleOrder, gallery: Slide[], count: number, from: string | null = null): string[] {
  const shown: string[] = [];
  let current = from;
  for (let i = 0; i < count; i++) {
    const next = order.next(gallery, current, NONE);
    if (!next) break;
    order.shown(next.itemId);
    shown.push(next.itemId);
    current = next.itemId;
  }
  return shown;
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => `p${i}`);

describe('ShuffleOrder', () => {
  it('shows every photo once before any repeats, round after round', () => {
    const gallery = slides(...ids(20));
    const order = new ShuffleOrder(seeded(1));
    const shown = play(order, gallery, 60);
    for (const round of [shown.slice(0, 20), shown.slice(20, 40), shown.slice(40, 60)]) {
      expect(new Set(round).size).toBe(20);
    }
    expect(shown.slice(0, 20)).not.toEqual(ids(20)); // it is shuffled
    expect(shown.slice(0, 20)).not.toEqual(shown.slice(20, 40)); // and differently each round
  });

  it('never shows the same photo twice in a row across rounds', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const shown = play(new ShuffleOrder(seeded(seed)), slides('a', 'b', 'c'), 30);
      for (let i = 1; i < shown.length; i++) expect(shown[i]).not.toBe(shown[i - 1]);
    }
  });

  it('lets added photos join the photos not yet shown, without reshuffling those', () => {
    const order = new ShuffleOrder(seeded(7));
    const gallery = slides(...ids(10));
    const first = play(order, gallery, 4);
    const before = [...order.upcoming()];
    const grown = [...gallery, slide('new1'), slide('new2')];
    const rest = play(order, grown, 8, first.at(-1)!);
    expect(new Set([...first, ...rest]).size).toBe(12); // all 12 once, the new ones included
    expect(rest.filter((id) => !id.startsWith('new'))).toEqual(before); // the old remainder kept its order
  });

  it('drops removed photos from the pool and keeps the order of the rest', () => {
    const order = new ShuffleOrder(seeded(3));
    const gallery = slides(...ids(10));
    const first = play(order, gallery, 3);
    const before = [...order.upcoming()];
    const gone = new Set([before[0], before[3]]);
    const rest = play(order, gallery.filter((s) => !gone.has(s.itemId)), 5, first.at(-1)!);
    expect(rest).toEqual(before.filter((id) => !gone.has(id)));
  });

  it('takes a photo that was removed and added back as new', () => {
    const order = new ShuffleOrder(seeded(5));
    const gallery = slides('a', 'b', 'c', 'd');
    const first = play(order, gallery, 1);
    const without = gallery.filter((s) => s.itemId !== first[0]);
    play(order, without, 1, first[0]!);
    expect(order.upcoming()).not.toContain(first[0]);
    order.next(gallery, null, NONE); // it is back
    expect(order.upcoming()).toContain(first[0]);
  });

  it('passes over skipped photos but keeps them for later in the round', () => {
    const order = new ShuffleOrder(seeded(9));
    const gallery = slides('a', 'b', 'c', 'd');
    const head = order.next(gallery, null, NONE)!;
    const other = order.next(gallery, null, new Set([head.url]))!;
    expect(other.itemId).not.toBe(head.itemId);
    order.shown(other.itemId);
    expect(order.upcoming()).toContain(head.itemId);
  });

  it('falls back to the photo on screen, then to nothing', () => {
    const order = new ShuffleOrder(seeded(2));
    expect(order.next(slides('a'), 'a', NONE)?.itemId).toBe('a');
    expect(order.next(slides('a'), 'a', new Set(['/media/a.jpg']))).toBeNull();
    expect(order.next([], null, NONE)).toBeNull();
  });

  it('peeking does not consume: the same next until it is shown', () => {
    const order = new ShuffleOrder(seeded(4));
    const gallery = slides(...ids(6));
    const a = order.next(gallery, null, NONE);
    expect(order.next(gallery, null, NONE)).toEqual(a);
  });
});

describe('createOrder', () => {
  it('is gallery order for sorted', () => {
    expect(createOrder('sorted')).toBe(SORTED_ORDER);
    expect(SORTED_ORDER.next(slides('a', 'b', 'c'), 'b', NONE)?.itemId).toBe('c');
    expect(createOrder('shuffle')).toBeInstanceOf(ShuffleOrder);
  });
});

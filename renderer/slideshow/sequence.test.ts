import { describe, expect, it } from 'vitest';
import { reactToChange, slideAfter, successorOf, type Slide } from './sequence';

const slide = (itemId: string, version = 1): Slide => ({ itemId, url: `/media/${itemId}-v${version}.jpg?w=1280&h=720&fit=fit`, fit: 'fit' });
const slides = (...ids: string[]) => ids.map((id) => slide(id));
const ids = (s: Slide | null) => s?.itemId ?? null;

describe('slideAfter', () => {
  const abc = slides('a', 'b', 'c');

  it('goes to the next slide and wraps around', () => {
    expect(ids(slideAfter(abc, 'a'))).toBe('b');
    expect(ids(slideAfter(abc, 'c'))).toBe('a');
  });

  it('starts from the beginning without a current slide or with an unknown one', () => {
    expect(ids(slideAfter(abc, null))).toBe('a');
    expect(ids(slideAfter(abc, 'gone'))).toBe('a');
  });

  it('returns the only slide of a one-photo gallery, and null for an empty one', () => {
    expect(ids(slideAfter(slides('a'), 'a'))).toBe('a');
    expect(slideAfter([], 'a')).toBeNull();
    expect(slideAfter([], null)).toBeNull();
  });

  it('passes over skipped URLs, the current slide last', () => {
    expect(ids(slideAfter(abc, 'a', new Set([slide('b').url])))).toBe('c');
    expect(ids(slideAfter(abc, 'a', new Set([slide('b').url, slide('c').url])))).toBe('a');
    expect(slideAfter(abc, 'a', new Set(abc.map((s) => s.url)))).toBeNull();
  });
});

describe('successorOf', () => {
  it('is the item that followed the removed one', () => {
    expect(ids(successorOf(slides('a', 'b', 'c'), slides('a', 'c'), 'b'))).toBe('c');
  });

  it('wraps to the start when the last item was removed', () => {
    expect(ids(successorOf(slides('a', 'b', 'c'), slides('a', 'b'), 'c'))).toBe('a');
  });

  it('skips followers that were removed too', () => {
    expect(ids(successorOf(slides('a', 'b', 'c', 'd'), slides('a', 'd'), 'b'))).toBe('d');
  });

  it('returns the new version of the follower', () => {
    const next = successorOf(slides('a', 'b'), [slide('b', 2)], 'a');
    expect(next).toEqual(slide('b', 2));
  });

  it('starts the new order from the top when nothing of the old one remains', () => {
    expect(ids(successorOf(slides('a', 'b'), slides('x', 'y'), 'a'))).toBe('x');
  });
});

describe('reactToChange', () => {
  it('keeps the current slide when it is still there, wherever it moved', () => {
    expect(reactToChange(slides('a', 'b', 'c'), slides('c', 'x', 'b', 'a'), slide('b'))).toEqual({ kind: 'keep' });
  });

  it('shows new media of the current item at once', () => {
    expect(reactToChange(slides('a', 'b'), [slide('a'), slide('b', 2)], slide('b'))).toEqual({ kind: 'show', slide: slide('b', 2) });
  });

  it('moves on to the next remaining item when the current one is removed', () => {
    expect(reactToChange(slides('a', 'b', 'c'), slides('a', 'c'), slide('b'))).toEqual({ kind: 'show', slide: slide('c') });
  });

  it('lets added items take their place in order', () => {
    const after = slides('a', 'new', 'b');
    expect(reactToChange(slides('a', 'b'), after, slide('a'))).toEqual({ kind: 'keep' });
    expect(ids(slideAfter(after, 'a'))).toBe('new');
  });

  it('clears to the empty state when the gallery empties', () => {
    expect(reactToChange(slides('a'), [], slide('a'))).toEqual({ kind: 'clear', notice: 'empty' });
    expect(reactToChange([], [], null)).toEqual({ kind: 'clear', notice: 'empty' });
  });

  it('starts with the first item when nothing is shown', () => {
    expect(reactToChange([], slides('a', 'b'), null)).toEqual({ kind: 'show', slide: slide('a') });
  });

  it('starts with the first item that did not just fail', () => {
    expect(reactToChange([], slides('a', 'b'), null, new Set([slide('a').url]))).toEqual({ kind: 'show', slide: slide('b') });
  });

  it('reports unavailable when the current item left and nothing else loads', () => {
    const after = slides('b');
    expect(reactToChange(slides('a', 'b'), after, slide('a'), new Set([slide('b').url]))).toEqual({ kind: 'clear', notice: 'unavailable' });
  });
});

import { describe, expect, it } from 'vitest';
import type { GalleryItem } from '../../shared/gallery';
import { isAcross, PairBook, pairLayoutFor } from './pairing';

const photo = (width: number, height: number): GalleryItem => ({ id: 'x', title: '', description: '', type: 'IMAGE', sortOrder: 1, image: { id: 'x.jpg', width, height } });

describe('pairLayoutFor', () => {
  it('pairs side by side on a landscape screen, stacked on a portrait one, not on a square one', () => {
    expect(pairLayoutFor({ width: 1920, height: 1080 })).toBe('row');
    expect(pairLayoutFor({ width: 800, height: 480 })).toBe('row');
    expect(pairLayoutFor({ width: 1080, height: 1920 })).toBe('column');
    expect(pairLayoutFor({ width: 1000, height: 1000 })).toBeNull();
  });
});

describe('isAcross', () => {
  it('is a portrait on a landscape screen, a landscape on a portrait screen; never a near-square or unknown photo', () => {
    expect(isAcross(photo(4000, 6000), 'row')).toBe(true);
    expect(isAcross(photo(6000, 4000), 'row')).toBe(false);
    expect(isAcross(photo(6000, 4000), 'column')).toBe(true);
    expect(isAcross(photo(1000, 1050), 'row')).toBe(false);
    expect(isAcross({ ...photo(1, 1), image: { id: 'y.jpg' } }, 'row')).toBe(false);
  });
});

describe('PairBook', () => {
  const pairsOf = (map: ReadonlyMap<string, string>) => [...map].filter(([a, b]) => a < b).map(([a, b]) => `${a}+${b}`).sort();

  it('pairs neighbours in gallery order; an odd one stays alone', () => {
    expect(pairsOf(new PairBook().update(['a', 'b', 'c', 'd', 'e']))).toEqual(['a+b', 'c+d']);
  });

  it('keeps pairs when photos are added or removed elsewhere', () => {
    const book = new PairBook();
    book.update(['b', 'c', 'd', 'e']);
    // A new first photo would shift every pair if pairs were made afresh.
    expect(pairsOf(book.update(['a', 'b', 'c', 'd', 'e']))).toEqual(['b+c', 'd+e']);
    // One of a pair leaves: its partner pairs with the photo left alone.
    expect(pairsOf(book.update(['a', 'b', 'd', 'e']))).toEqual(['a+b', 'd+e']);
  });

  it('does not depend on the order candidates come in once paired (shuffle never changes a pair)', () => {
    const book = new PairBook();
    book.update(['a', 'b', 'c', 'd']);
    expect(pairsOf(book.update(['d', 'c', 'b', 'a'])).sort()).toEqual(['a+b', 'c+d']);
  });
});

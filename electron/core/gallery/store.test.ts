import { describe, expect, it } from 'vitest';
import { EMPTY_GALLERY, type GalleryItem } from '../../../shared/gallery';
import { GalleryStore, type GalleryChange } from './store';

const P = 'aaaaaaaa-0000-4000-8000-000000000001';
const item = (id: string, sortOrder: number, fileId = `${id}~mv2.jpg`): GalleryItem => ({ id, title: id, description: '', type: 'IMAGE', sortOrder, image: { id: fileId } });

describe('GalleryStore', () => {
  it('replaces the gallery from a complete sync, sorted, and reports the difference', () => {
    const store = new GalleryStore(EMPTY_GALLERY);
    const changes: GalleryChange[] = [];
    store.subscribe((_, change) => changes.push(change));
    store.replaceAll(P, [item('b', 2), item('a', 1), item('c', 2)], '2026-01-01T00:00:00Z');
    expect(store.state.items.map((i) => i.id)).toEqual(['a', 'b', 'c']);
    store.replaceAll(P, [item('a', 1, 'new~mv2.jpg'), item('c', 2), item('d', 0)], '2026-01-01T00:01:00Z');
    expect(changes[1]).toEqual({ added: ['d'], updated: ['a'], removed: ['b'], errorChanged: false });
    expect(store.state.items.map((i) => i.id)).toEqual(['d', 'a', 'c']);
  });

  it('an error keeps the items and a later sync clears it', () => {
    const store = new GalleryStore(EMPTY_GALLERY);
    store.replaceAll(P, [item('a', 1)], 'T1');
    const items = store.state.items;
    store.setError('Wix is unavailable');
    expect(store.state.items).toBe(items);
    expect(store.state.lastError).toBe('Wix is unavailable');
    store.replaceAll(P, [item('a', 1)], 'T2');
    expect(store.state.lastError).toBeNull();
  });

  it('upserts and removes single items in order', () => {
    const store = new GalleryStore(EMPTY_GALLERY);
    store.replaceAll(P, [item('a', 1), item('c', 3)], 'T1');
    store.upsert(item('b', 2));
    store.upsert(item('a', 4));
    expect(store.state.items.map((i) => i.id)).toEqual(['b', 'c', 'a']);
    expect(store.remove('c')).toBe(true);
    expect(store.remove('zzz')).toBe(false);
    expect(store.state.items.map((i) => i.id)).toEqual(['b', 'a']);
  });

  it('switching project drops the old items at once', () => {
    const store = new GalleryStore(EMPTY_GALLERY);
    store.replaceAll(P, [item('a', 1)], 'T1');
    store.switchProject('bbbbbbbb-0000-4000-8000-000000000002');
    expect(store.state.items).toEqual([]);
    expect(store.state.syncedAt).toBeNull();
  });
});

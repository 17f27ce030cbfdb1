import { describe, expect, it } from 'vitest';
import { isShowCommand, showingFrom } from './show';

describe('show contract', () => {
  it('knows the four commands and nothing else', () => {
    expect(['next', 'previous', 'pause', 'resume'].every(isShowCommand)).toBe(true);
    expect(isShowCommand('stop')).toBe(false);
    expect(isShowCommand({ toString: () => 'next' })).toBe(false);
  });

  it('takes a well-formed report of what is showing, afresh', () => {
    const sent = { itemIds: ['a-1', 'b-2'], title: 'Two', at: '2026-01-01T12:00:00Z', extra: 1 };
    expect(showingFrom(sent)).toEqual({ itemIds: ['a-1', 'b-2'], title: 'Two', at: '2026-01-01T12:00:00.000Z' });
  });

  it('refuses anything else', () => {
    const ok = { itemIds: ['a'], title: null, at: '2026-01-01T12:00:00Z' };
    expect(showingFrom(ok)).not.toBeNull();
    for (const bad of [null, [], 'x', { ...ok, itemIds: [] }, { ...ok, itemIds: ['a', 'b', 'c'] }, { ...ok, itemIds: ['../x'] }, { ...ok, title: 5 }, { ...ok, at: 'soon' }, { ...ok, title: 'x'.repeat(2000) }]) {
      expect(showingFrom(bad)).toBeNull();
    }
  });
});

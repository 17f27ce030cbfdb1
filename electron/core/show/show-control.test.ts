import { describe, expect, it } from 'vitest';
import { ShowControl } from './show-control';

describe('ShowControl', () => {
  it('keeps pause as state and says when it changed', () => {
    let changes = 0;
    const show = new ShowControl(() => changes++);
    show.control('pause');
    show.control('pause');
    expect(show.paused).toBe(true);
    show.control('resume');
    expect(show.paused).toBe(false);
    expect(changes).toBe(2);
  });

  it('passes next and previous to every listener, and not pause', () => {
    const show = new ShowControl(() => {});
    const heard: string[] = [];
    const stop = show.onShowCommand((c) => heard.push(`1:${c}`));
    show.onShowCommand((c) => heard.push(`2:${c}`));
    show.control('next');
    show.control('pause');
    stop();
    show.control('previous');
    expect(heard).toEqual(['1:next', '2:next', '2:previous']);
  });

  it('remembers what is showing and tells listeners of each change once', () => {
    const show = new ShowControl(() => {});
    const heard: string[][] = [];
    show.onShowing((now) => heard.push(now.itemIds));
    expect(show.showing()).toBeNull();
    const now = { itemIds: ['a', 'b'], title: 'A · B', at: '2026-01-01T00:00:00.000Z' };
    show.reportShowing(now);
    show.reportShowing({ ...now });
    expect(show.showing()).toEqual(now);
    expect(heard).toEqual([['a', 'b']]);
  });
});

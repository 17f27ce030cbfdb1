import { describe, expect, it } from 'vitest';
import { RetryLater } from './retry-later';

describe('RetryLater', () => {
  const book = () => {
    const clock = { now: 0 };
    return { clock, later: new RetryLater(() => clock.now, 3, 60_000) };
  };

  it('passes over failed media until some slides were shown', () => {
    const { later } = book();
    later.failed('x');
    expect([...later.blocked()]).toEqual(['x']);
    later.slideShown();
    later.slideShown();
    expect(later.blocked().has('x')).toBe(true);
    later.slideShown();
    expect(later.blocked().has('x')).toBe(false);
  });

  it('or until some minutes passed', () => {
    const { clock, later } = book();
    later.failed('x');
    clock.now = 59_999;
    expect(later.blocked().has('x')).toBe(true);
    clock.now = 60_000;
    expect(later.blocked().has('x')).toBe(false);
  });

  it('forgets media that loaded, or left the gallery', () => {
    const { later } = book();
    later.failed('x');
    later.failed('y');
    later.loaded('x');
    later.keepOnly(new Set(['x']));
    expect(later.blocked().size).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { HOLD_MS, LongPress, type LongPressTimers } from './long-press';

function setup() {
  let now = 0;
  const timers: { at: number; fn: () => void; cleared: boolean }[] = [];
  const fake: LongPressTimers = {
    setTimeout: (fn, ms) => {
      const timer = { at: now + ms, fn, cleared: false };
      timers.push(timer);
      return timer;
    },
    clearTimeout: (timer) => void ((timer as { cleared: boolean }).cleared = true),
  };
  let opened = 0;
  const press = new LongPress(() => opened++, fake);
  const advance = (ms: number) => {
    now += ms;
    for (const t of timers) {
      if (t.cleared || t.at > now) continue;
      t.cleared = true;
      t.fn();
    }
  };
  return { press, advance, opened: () => opened };
}

describe('long press', () => {
  it('opens after a two-second hold, without waiting for the finger to lift', () => {
    const { press, advance, opened } = setup();
    press.down(20, 20);
    advance(HOLD_MS - 1);
    expect(opened()).toBe(0);
    advance(1);
    expect(opened()).toBe(1);
    press.cancel(); // the finger lifts afterwards
    advance(HOLD_MS);
    expect(opened()).toBe(1);
  });

  it('ignores a tap', () => {
    const { press, advance, opened } = setup();
    press.down(20, 20);
    advance(300);
    press.cancel();
    advance(HOLD_MS * 2);
    expect(opened()).toBe(0);
  });

  it('ignores a swipe, but not a trembling finger', () => {
    const { press, advance, opened } = setup();
    press.down(20, 20);
    press.move(25, 24);
    advance(HOLD_MS);
    expect(opened()).toBe(1);
    press.down(20, 20);
    press.move(60, 20);
    advance(HOLD_MS);
    expect(opened()).toBe(1);
  });

  it('ignores two fingers', () => {
    const { press, advance, opened } = setup();
    press.down(20, 20, 1);
    press.down(40, 40, 2);
    advance(HOLD_MS);
    expect(opened()).toBe(0);
  });

  it('ignores the movement of another pointer', () => {
    const { press, advance, opened } = setup();
    press.down(20, 20, 1);
    press.move(400, 400, 7);
    advance(HOLD_MS);
    expect(opened()).toBe(1);
  });
});

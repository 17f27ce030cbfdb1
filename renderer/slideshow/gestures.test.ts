import { describe, expect, it } from 'vitest';
import { gestureOf, GestureTracker } from './gestures';

const at = (x: number, y = 240, t = 0) => ({ x, y, t });

describe('gestureOf', () => {
  it('reads a tap by the third it lands in', () => {
    expect(gestureOf(at(100), at(102, 241, 120), 800)).toBe('previous');
    expect(gestureOf(at(400), at(400, 240, 120), 800)).toBe('reveal');
    expect(gestureOf(at(700), at(700, 240, 120), 800)).toBe('next');
  });

  it('reads a sideways swipe: left is next, right is previous', () => {
    expect(gestureOf(at(600), at(300, 260, 300), 800)).toBe('next');
    expect(gestureOf(at(200), at(500, 230, 300), 800)).toBe('previous');
  });

  it('ignores a long press, a slow drag, a vertical swipe and a wobble', () => {
    expect(gestureOf(at(700), at(700, 240, 2_000), 800)).toBeNull();
    expect(gestureOf(at(600), at(300, 240, 3_000), 800)).toBeNull(); // a slow drag
    expect(gestureOf(at(400, 100), at(420, 400, 200), 800)).toBeNull();
    expect(gestureOf(at(400), at(430, 240, 200), 800)).toBeNull();
  });
});

describe('GestureTracker', () => {
  it('follows one pointer; a second finger cancels', () => {
    const tracker = new GestureTracker();
    tracker.press(1, at(700));
    expect(tracker.release(1, at(700, 240, 100), 800)).toBe('next');
    tracker.press(1, at(700));
    tracker.press(2, at(100));
    expect(tracker.release(1, at(700, 240, 100), 800)).toBeNull();
  });
});

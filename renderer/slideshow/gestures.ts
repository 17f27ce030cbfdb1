// Touch on the show: a tap on the right or left third goes next or previous,
// a tap in the middle shows the caption and the control strip, a swipe left
// or right goes next or previous. Anything longer or wobblier is nothing
// (the long press in the corner opens settings). Pure: positions and times in.

export type Gesture = 'next' | 'previous' | 'reveal';

/** Movement up to this (CSS px) is still a tap. */
export const TAP_SLOP_PX = 12;
/** A press longer than this is not a tap. */
export const TAP_MS = 600;
/** A swipe covers at least this share of the width (or 60 px), mostly sideways, within SWIPE_MS. */
const SWIPE_SHARE = 0.08;
const SWIPE_MS = 1_500;

export interface PointerMark {
  x: number;
  y: number;
  t: number;
}

/** What a press from `down` to `up` on a screen `width` px wide means, if anything. */
export function gestureOf(down: PointerMark, up: PointerMark, width: number): Gesture | null {
  const dx = up.x - down.x;
  const dy = up.y - down.y;
  const ms = up.t - down.t;
  if (Math.hypot(dx, dy) <= TAP_SLOP_PX) {
    if (ms > TAP_MS) return null;
    if (down.x < width / 3) return 'previous';
    if (down.x > (width * 2) / 3) return 'next';
    return 'reveal';
  }
  if (ms <= SWIPE_MS && Math.abs(dx) >= Math.max(60, width * SWIPE_SHARE) && Math.abs(dx) > Math.abs(dy) * 1.5) return dx < 0 ? 'next' : 'previous';
  return null;
}

/** Follows one pointer at a time from down to up; a second finger cancels. */
export class GestureTracker {
  private down: (PointerMark & { id: number }) | null = null;

  press(id: number, mark: PointerMark): void {
    this.down = this.down ? null : { ...mark, id };
  }

  release(id: number, mark: PointerMark, width: number): Gesture | null {
    const down = this.down;
    this.down = null;
    return down && down.id === id ? gestureOf(down, mark, width) : null;
  }

  cancel(): void {
    this.down = null;
  }
}

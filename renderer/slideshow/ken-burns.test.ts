import { describe, expect, it } from 'vitest';
import { driftToward } from './ken-burns';

const end = (to: string) => {
  const m = /translate3d\((-?[\d.]+)px, (-?[\d.]+)px, 0px\) scale\(([\d.]+)\)/.exec(to)!;
  return { tx: Number(m[1]), ty: Number(m[2]), s: Number(m[3]) };
};

describe('driftToward', () => {
  it('zooms about the focal point and pans it toward the middle', () => {
    const drift = driftToward(1920, 1080, { x: 0.25, y: 0.3 });
    expect(drift.origin).toBe('480px 324px');
    const { tx, ty, s } = end(drift.to);
    expect(s).toBeGreaterThan(1);
    expect(tx).toBeGreaterThan(0); // toward the middle: rightward
    expect(ty).toBeGreaterThan(0); // and downward
  });

  it('never uncovers an edge, however far out the focal point is', () => {
    for (const focus of [{ x: 0, y: 0 }, { x: 1, y: 1 }, { x: 0.05, y: 0.95 }]) {
      const drift = driftToward(1000, 500, focus);
      const { tx, ty, s } = end(drift.to);
      const [ox, oy] = drift.origin.split(' ').map((p) => parseFloat(p));
      // Where the box's corners end up: still covering the box.
      expect(ox! + tx + s * (0 - ox!)).toBeLessThanOrEqual(0.05);
      expect(ox! + tx + s * (1000 - ox!)).toBeGreaterThanOrEqual(999.95);
      expect(oy! + ty + s * (0 - oy!)).toBeLessThanOrEqual(0.05);
      expect(oy! + ty + s * (500 - oy!)).toBeGreaterThanOrEqual(499.95);
    }
  });

  it('only zooms when the focal point is the middle', () => {
    expect(end(driftToward(800, 480, { x: 0.5, y: 0.5 }).to)).toMatchObject({ tx: 0, ty: 0 });
  });
});

// Ken Burns: a slow zoom toward the focal point with a little pan that brings
// it toward the middle, as one Web Animations transform the compositor plays
// by itself (no script per frame). Pure arithmetic here; SlideLayer starts it.

/** How far it zooms over one slide. Small: a drift, not a zoom. */
export const KEN_BURNS_SCALE = 1.1;
/** Share of the way from the focal point to the middle that the pan covers (as far as the edges allow). */
const PAN_SHARE = 0.5;

export interface Drift {
  /** CSS transform-origin, in px of the box. */
  origin: string;
  from: string;
  to: string;
}

/**
 * The drift for a box of `width` × `height` CSS px toward `focus` (fractions
 * of the box). Scaling about the focal point keeps it in place while the rest
 * grows; the pan moves it toward the middle but never uncovers an edge.
 */
export function driftToward(width: number, height: number, focus: { x: number; y: number }, scale = KEN_BURNS_SCALE): Drift {
  const fx = clamp01(focus.x) * width;
  const fy = clamp01(focus.y) * height;
  const grow = scale - 1;
  const axis = (box: number, at: number) => {
    const wanted = (box / 2 - at) * PAN_SHARE;
    // An edge at 0 lands at at·(1 - scale) + t and must stay ≤ 0; the edge at box likewise ≥ box.
    return Math.round(Math.min(at * grow, Math.max(-(box - at) * grow, wanted)) * 10) / 10;
  };
  return {
    origin: `${Math.round(fx)}px ${Math.round(fy)}px`,
    from: 'translate3d(0px, 0px, 0px) scale(1)',
    to: `translate3d(${axis(width, fx)}px, ${axis(height, fy)}px, 0px) scale(${scale})`,
  };
}

function clamp01(n: number): number {
  return Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0.5;
}

// Against burn-in on OLED and plasma screens: the overlays (clock, caption,
// status line, pause mark) move a few pixels every few minutes, round a small
// circle, so no pixel shows the same bright edge for hours. One style change
// every few minutes; nothing per frame.
import { useEffect, useState } from 'react';

export const NUDGE_MS = 3 * 60_000;
/** Radius in CSS px: too small to notice, enough to move every edge off its pixels. */
const RADIUS = 4;
const STEPS = 8;

/** The overlays' offset at step `n` (cycling). */
export function nudgeAt(n: number): { x: number; y: number } {
  const angle = ((((n % STEPS) + STEPS) % STEPS) / STEPS) * 2 * Math.PI;
  return { x: Math.round(Math.cos(angle) * RADIUS), y: Math.round(Math.sin(angle) * RADIUS) };
}

/** The current offset, moving on every NUDGE_MS. */
export function useNudge(): { x: number; y: number } {
  const [step, setStep] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setStep((n) => n + 1), NUDGE_MS);
    return () => clearInterval(timer);
  }, []);
  return nudgeAt(step);
}

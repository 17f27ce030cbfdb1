// How the show looks, from the display settings (defaults in shared/display.ts
// look good untouched: portraits paired, no drift, no clock, a crossfade).
import type { ClockMode, DisplaySettings, Transition } from '../../shared/display';

export type ShowTransition = Transition;
export type { ClockMode };

export interface ShowLook {
  transition: ShowTransition;
  pairPortraits: boolean;
  kenBurns: boolean;
  clock: ClockMode;
}

export function lookOf(display: DisplaySettings): ShowLook {
  return { transition: display.transition, pairPortraits: display.pairPortraits, kenBurns: display.kenBurns, clock: display.clock };
}

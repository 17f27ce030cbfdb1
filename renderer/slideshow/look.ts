// How the show looks, read from the display settings with the defaults that
// look good untouched: portraits paired, no drift, no clock, a crossfade.
import type { DisplaySettings } from '../../shared/display';

export type ShowTransition = 'crossfade' | 'slide' | 'zoom-fade' | 'none';
export type ClockMode = 'off' | 'time' | 'time-date';

export interface ShowLook {
  transition: ShowTransition;
  pairPortraits: boolean;
  kenBurns: boolean;
  clock: ClockMode;
}

const TRANSITIONS: readonly string[] = ['crossfade', 'slide', 'zoom-fade', 'none'];
const CLOCKS: readonly string[] = ['off', 'time', 'time-date'];

/** Reads each field defensively: an older core may not send the newer ones. */
export function lookOf(display: DisplaySettings): ShowLook {
  const d = display as Partial<Record<keyof ShowLook, unknown>>;
  return {
    transition: TRANSITIONS.includes(d.transition as string) ? (d.transition as ShowTransition) : 'crossfade',
    pairPortraits: typeof d.pairPortraits === 'boolean' ? d.pairPortraits : true,
    kenBurns: d.kenBurns === true,
    clock: CLOCKS.includes(d.clock as string) ? (d.clock as ClockMode) : 'off',
  };
}

// Controlling the show from outside it: keys and taps in either shell, the
// web shell's /api/show routes, Electron IPC, Home Assistant. The renderer
// reports what is on screen.

export type ShowCommand = 'next' | 'previous' | 'pause' | 'resume';

export const SHOW_COMMANDS: readonly ShowCommand[] = ['next', 'previous', 'pause', 'resume'];

/** What is on screen now: one item, or two when photos are paired. */
export interface ShowingNow {
  itemIds: string[];
  title: string | null;
  /** ISO time it came on screen. */
  at: string;
}

export function isShowCommand(value: unknown): value is ShowCommand {
  return typeof value === 'string' && (SHOW_COMMANDS as readonly string[]).includes(value);
}

const ITEM_ID = /^[\w-]{1,100}$/;
const MAX_TITLE = 1000;

/** A ShowingNow built afresh from what a renderer sent, or null when its shape is off. */
export function showingFrom(value: unknown): ShowingNow | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { itemIds, title, at } = value as Record<string, unknown>;
  if (!Array.isArray(itemIds) || itemIds.length < 1 || itemIds.length > 2) return null;
  if (!itemIds.every((id): id is string => typeof id === 'string' && ITEM_ID.test(id))) return null;
  if (title !== null && !(typeof title === 'string' && title.length <= MAX_TITLE)) return null;
  if (typeof at !== 'string' || at.length > 40 || Number.isNaN(Date.parse(at))) return null;
  return { itemIds: [...itemIds], title, at: new Date(at).toISOString() };
}

/** Web shell paths: POST /api/show/<command>, POST /api/show/showing (the renderer's report; GET reads it). */
export const SHOW_PATH_PREFIX = '/api/show/';
export const SHOWING_PATH = '/api/show/showing';
/** Server-Sent Events name carrying a ShowCommand (next or previous) as JSON. */
export const SHOW_COMMAND_EVENT = 'show-command';

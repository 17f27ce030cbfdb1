// Shape checks for what the renderer sends over IPC, done in main before
// anything reaches the core. The page is trusted code, but a compromised page
// must not be able to pass the core something it was never typed to take.
// Field values are the settings schema's business (shared/settings.ts); here
// only the outer shape: a plain object with known keys, a short string, a
// boolean and a known method.
import { SETTING_FIELDS, type Settings, type SettingsPatch } from '../../shared/settings';
import type { AutostartMethod } from '../../shared/settings-api';

export const MAX_PROJECT_QUERY = 200;

/** A structured-clone result that is a plain object (not an array, Date, Map, …). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * A fresh patch holding only the known settings fields of the value, or null
 * when the value is not a plain object. Unknown keys (including "__proto__"
 * as an own property) are dropped; values are left for the schema to judge.
 */
export function settingsPatchFrom(value: unknown): SettingsPatch | null {
  if (!isPlainObject(value)) return null;
  const patch: Record<string, unknown> = {};
  for (const field of SETTING_FIELDS) {
    if (Object.prototype.hasOwnProperty.call(value, field)) patch[field] = value[field];
  }
  return patch as Partial<Settings>;
}

export function projectQueryFrom(value: unknown): string | null {
  return typeof value === 'string' && value.length <= MAX_PROJECT_QUERY ? value : null;
}

export function autostartMethodFrom(value: unknown): AutostartMethod | null {
  return value === 'xdg' || value === 'systemd' ? value : null;
}

export const PayloadMessages = {
  settingsObject: 'Settings must be sent as an object of setting fields.',
  projectQuery: `The project search must be text of at most ${MAX_PROJECT_QUERY} characters.`,
  autostart: 'Start on boot was not changed: expected enabled true or false and method "xdg" or "systemd".',
} as const;

// The settings form as the person edits it, and the patch it turns into.
// Only what changed is sent, so a save never overwrites what someone else
// changed meanwhile; secrets are sent only when typed (empty = keep saved).
// Numbers stay text while typed; the shell's schema judges them.
import type { PublicSettings, Settings, SettingsPatch } from '../../shared/settings';

/** The settings as edited: every field but the project (picked apart), numbers still as typed. */
export type SettingsForm = Omit<Settings, 'projectId' | 'slideSeconds' | 'pollSeconds'> & {
  slideSeconds: string;
  pollSeconds: string;
};

export type FormField = keyof SettingsForm;

export const CONNECTION_FIELDS = ['authMode', 'apiKey', 'siteId', 'clientId', 'clientSecret', 'instanceId'] as const satisfies readonly FormField[];
const SECRETS = new Set<FormField>(['apiKey', 'clientSecret']);
const NUMBERS = new Set<FormField>(['slideSeconds', 'pollSeconds']);

export function formFromSettings(s: PublicSettings): SettingsForm {
  return {
    authMode: s.authMode,
    apiKey: '',
    siteId: s.siteId,
    clientId: s.clientId,
    clientSecret: '',
    instanceId: s.instanceId,
    slideSeconds: String(s.slideSeconds),
    transition: s.transition,
    order: s.order,
    fit: s.fit,
    captions: s.captions,
    pairPortraits: s.pairPortraits,
    kenBurns: s.kenBurns,
    clock: s.clock,
    pollSeconds: String(s.pollSeconds),
    webhookPublicKey: s.webhookPublicKey,
    scheduleEnabled: s.scheduleEnabled,
    weekSchedule: s.weekSchedule.map((day) => ({ ...day })),
    screenMode: s.screenMode,
    screenPower: s.screenPower,
  };
}

/** "12" → 12; anything else is sent as typed, so the shell names the problem. */
export function parseNumber(text: string): number | string {
  const trimmed = text.trim();
  return /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** The changed, editable fields of the form (environment-locked ones never). */
export function patchFromForm(form: SettingsForm, saved: PublicSettings): SettingsPatch {
  const locked = new Set<string>(saved.lockedByEnv);
  const baseline = formFromSettings(saved);
  const patch: Record<string, unknown> = {};
  for (const field of Object.keys(form) as FormField[]) {
    if (locked.has(field)) continue;
    const value = form[field];
    if (SECRETS.has(field)) {
      if (value !== '') patch[field] = value;
    } else if (!sameValue(value, baseline[field])) {
      patch[field] = NUMBERS.has(field) ? parseNumber(value as string) : value;
    }
  }
  return patch as SettingsPatch;
}

export function isConnectionChanged(patch: SettingsPatch): boolean {
  return CONNECTION_FIELDS.some((field) => field in patch);
}

/** Whether the saved settings name a way to reach Wix (the project list uses the saved ones). */
export function hasSavedConnection(saved: PublicSettings): boolean {
  if (saved.authMode === 'apiKey') return saved.apiKeySet && saved.siteId !== '';
  if (saved.authMode === 'oauth') return saved.clientId !== '' && saved.clientSecretSet && saved.instanceId !== '';
  return false;
}

export function isLocked(saved: PublicSettings | null, field: keyof Settings): boolean {
  return !!saved && saved.lockedByEnv.includes(field);
}

function sameValue(a: unknown, b: unknown): boolean {
  return typeof a === 'object' ? JSON.stringify(a) === JSON.stringify(b) : a === b;
}

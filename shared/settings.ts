// One schema for every setting: defaults, field-by-field validation with
// messages a person can act on, and the masked view that leaves the frame.
// Secrets (API key, OAuth client secret) are write-only: never sent back.

export type AuthMode = 'none' | 'apiKey' | 'oauth';
export type Transition = 'crossfade' | 'none';
export type FitMode = 'fit' | 'fill';
export type SlideOrder = 'sorted' | 'shuffle';
export type Captions = 'none' | 'title' | 'title-description';

export type ScreenMode = 'auto' | 'on' | 'off';

/** One weekday: the screen is on from `on` to `off` (24 h "HH:MM"; off before on runs past midnight). */
export interface DaySchedule {
  enabled: boolean;
  on: string;
  off: string;
}

export interface Settings {
  authMode: AuthMode;
  apiKey: string;
  siteId: string;
  clientId: string;
  clientSecret: string;
  instanceId: string;
  projectId: string;
  slideSeconds: number;
  transition: Transition;
  order: SlideOrder;
  fit: FitMode;
  captions: Captions;
  pollSeconds: number;
  webhookPublicKey: string;
  /** Night schedule: when off, the screen sleeps and the show, downloads and polling pause. */
  scheduleEnabled: boolean;
  /** Sunday first, as Date.getDay() counts. */
  weekSchedule: DaySchedule[];
  /** Manual override from the settings screen. */
  screenMode: ScreenMode;
  screenOffCommand: string;
  screenOnCommand: string;
}

export const SECRET_FIELDS = ['apiKey', 'clientSecret'] as const;
export type SecretField = (typeof SECRET_FIELDS)[number];

export const DEFAULT_SETTINGS: Settings = {
  authMode: 'none',
  apiKey: '',
  siteId: '',
  clientId: '',
  clientSecret: '',
  instanceId: '',
  projectId: '',
  slideSeconds: 15,
  transition: 'crossfade',
  order: 'sorted',
  fit: 'fit',
  captions: 'none',
  pollSeconds: 300,
  webhookPublicKey: '',
  scheduleEnabled: false,
  weekSchedule: Array.from({ length: 7 }, () => ({ enabled: true, on: '07:00', off: '22:30' })),
  screenMode: 'auto',
  screenOffCommand: "wlopm --off '*'",
  screenOnCommand: "wlopm --on '*'",
};

/** What the settings screen receives: secrets replaced by whether they are set. */
export type PublicSettings = Omit<Settings, SecretField> & {
  apiKeySet: boolean;
  clientSecretSet: boolean;
  /** Fields fixed by environment variables: shown, not editable. */
  lockedByEnv: (keyof Settings)[];
};

export type SettingsPatch = Partial<Settings>;
export type FieldErrors = Partial<Record<keyof Settings, string>>;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuid(value: string): boolean {
  return GUID.test(value.trim());
}

function oneOf<T extends string>(values: readonly T[]) {
  return (v: unknown): string | null => (typeof v === 'string' && (values as readonly string[]).includes(v) ? null : `must be one of: ${values.join(', ')}`);
}

function numberIn(min: number, max: number, unit: string) {
  return (v: unknown): string | null => (typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max ? null : `must be a number of ${unit} from ${min} to ${max}`);
}

function text(maxLength: number) {
  return (v: unknown): string | null => (typeof v === 'string' && v.length <= maxLength ? null : `must be text of at most ${maxLength} characters`);
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function weekSchedule(v: unknown): string | null {
  const ok =
    Array.isArray(v) &&
    v.length === 7 &&
    v.every((d: unknown) => {
      const day = d as Partial<DaySchedule> | null;
      return !!day && typeof day.enabled === 'boolean' && typeof day.on === 'string' && TIME.test(day.on) && typeof day.off === 'string' && TIME.test(day.off);
    });
  return ok ? null : 'must list seven days (Sunday first), each with on and off times as HH:MM (24 h)';
}

const CHECKS: Record<keyof Settings, (v: unknown) => string | null> = {
  authMode: oneOf(['none', 'apiKey', 'oauth'] as const),
  apiKey: text(4096),
  siteId: (v) => text(100)(v) ?? (v === '' || isGuid(v as string) ? null : 'must be the site ID, a GUID like 123e4567-e89b-12d3-a456-426614174000'),
  clientId: text(200),
  clientSecret: text(4096),
  instanceId: (v) => text(100)(v) ?? (v === '' || isGuid(v as string) ? null : 'must be the app instance ID, a GUID'),
  projectId: (v) => text(100)(v) ?? (v === '' || isGuid(v as string) ? null : 'must be a project ID, a GUID like 123e4567-e89b-12d3-a456-426614174000'),
  slideSeconds: numberIn(2, 3600, 'seconds'),
  transition: oneOf(['crossfade', 'none'] as const),
  order: oneOf(['sorted', 'shuffle'] as const),
  fit: oneOf(['fit', 'fill'] as const),
  captions: oneOf(['none', 'title', 'title-description'] as const),
  pollSeconds: numberIn(30, 86_400, 'seconds'),
  webhookPublicKey: (v) =>
    text(16_384)(v) ?? (v === '' || /^-----BEGIN PUBLIC KEY-----[\s\S]+-----END PUBLIC KEY-----\s*$/.test((v as string).trim()) ? null : 'must be a PEM public key starting with -----BEGIN PUBLIC KEY-----'),
  scheduleEnabled: (v) => (typeof v === 'boolean' ? null : 'must be on or off (true or false)'),
  weekSchedule,
  screenMode: oneOf(['auto', 'on', 'off'] as const),
  screenOffCommand: (v) => text(500)(v) ?? ((v as string).trim() ? null : 'must be a command, for example wlopm --off \'*\''),
  screenOnCommand: (v) => text(500)(v) ?? ((v as string).trim() ? null : 'must be a command, for example wlopm --on \'*\''),
};

export const SETTING_FIELDS = Object.keys(CHECKS) as (keyof Settings)[];

/** Applies a patch to settings; nothing changes unless every field is valid. */
export function applySettingsPatch(current: Settings, patch: unknown): { ok: true; value: Settings } | { ok: false; errors: FieldErrors } {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return { ok: false, errors: { authMode: 'settings must be an object' } };
  const errors: FieldErrors = {};
  const next: Settings = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (!(key in CHECKS)) continue;
    const field = key as keyof Settings;
    const trimmed = typeof value === 'string' && field !== 'webhookPublicKey' ? value.trim() : value;
    const problem = CHECKS[field](trimmed);
    if (problem) errors[field] = `${LABELS[field]} ${problem}.`;
    else (next as unknown as Record<string, unknown>)[field] = trimmed;
  }
  if (Object.keys(errors).length === 0) Object.assign(errors, crossFieldErrors(next));
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value: next };
}

function crossFieldErrors(s: Settings): FieldErrors {
  const errors: FieldErrors = {};
  if (s.authMode === 'apiKey') {
    if (!s.apiKey) errors.apiKey = 'API key is needed for API key sign-in.';
    if (!s.siteId) errors.siteId = 'Site ID is needed for API key sign-in.';
  }
  if (s.authMode === 'oauth') {
    if (!s.clientId) errors.clientId = 'Client ID is needed for OAuth sign-in.';
    if (!s.clientSecret) errors.clientSecret = 'Client secret is needed for OAuth sign-in.';
    if (!s.instanceId) errors.instanceId = 'Instance ID is needed for OAuth sign-in.';
  }
  return errors;
}

/** Reads a stored settings object: unknown fields dropped, bad ones back to defaults (and named). */
export function readStoredSettings(value: unknown): { settings: Settings; invalid: (keyof Settings)[] } {
  const settings: Settings = { ...DEFAULT_SETTINGS };
  const invalid: (keyof Settings)[] = [];
  const source = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  for (const field of SETTING_FIELDS) {
    if (!(field in source)) continue;
    if (CHECKS[field](source[field]) === null) (settings as unknown as Record<string, unknown>)[field] = source[field];
    else invalid.push(field);
  }
  return { settings, invalid };
}

export function toPublicSettings(settings: Settings, lockedByEnv: (keyof Settings)[]): PublicSettings {
  const { apiKey, clientSecret, ...rest } = settings;
  return { ...rest, apiKeySet: apiKey !== '', clientSecretSet: clientSecret !== '', lockedByEnv };
}

export const LABELS: Record<keyof Settings, string> = {
  authMode: 'Sign-in method',
  apiKey: 'API key',
  siteId: 'Site ID',
  clientId: 'Client ID',
  clientSecret: 'Client secret',
  instanceId: 'Instance ID',
  projectId: 'Project ID',
  slideSeconds: 'Seconds per photo',
  transition: 'Transition',
  order: 'Order',
  fit: 'Fit',
  captions: 'Captions',
  pollSeconds: 'Check Wix every',
  webhookPublicKey: 'Webhook public key',
  scheduleEnabled: 'Night schedule',
  weekSchedule: 'Weekly schedule',
  screenMode: 'Screen',
  screenOffCommand: 'Screen off command',
  screenOnCommand: 'Screen on command',
};

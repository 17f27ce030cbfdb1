// One schema for every setting (valibot): defaults, field-by-field validation
// with messages a person can act on, and the masked view that leaves the
// frame. The environment parser, the HTTP and IPC APIs and the settings screen
// all judge values here, so they can never disagree. Secrets (API key, OAuth
// client secret) are write-only: never sent back.
import * as v from 'valibot';

export const AUTH_MODES = ['none', 'apiKey', 'oauth'] as const;
export const TRANSITIONS = ['crossfade', 'slide', 'zoom-fade', 'none'] as const;
export const FIT_MODES = ['fit', 'fill'] as const;
export const SLIDE_ORDERS = ['sorted', 'shuffle'] as const;
export const CAPTION_MODES = ['none', 'title', 'title-description'] as const;
export const CLOCK_MODES = ['off', 'time', 'time-date'] as const;
export const SCREEN_MODES = ['auto', 'on', 'off'] as const;
/** Named ways to switch the display; each runs a fixed program with fixed arguments (no free text). */
export const SCREEN_POWER_METHODS = ['wlopm', 'wlr-randr', 'vcgencmd', 'xset', 'backlight', 'cec', 'none'] as const;

export type AuthMode = (typeof AUTH_MODES)[number];
export type Transition = (typeof TRANSITIONS)[number];
export type FitMode = (typeof FIT_MODES)[number];
export type SlideOrder = (typeof SLIDE_ORDERS)[number];
export type Captions = (typeof CAPTION_MODES)[number];
export type ClockMode = (typeof CLOCK_MODES)[number];
export type ScreenMode = (typeof SCREEN_MODES)[number];
export type ScreenPowerMethod = (typeof SCREEN_POWER_METHODS)[number];

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const PEM_PUBLIC_KEY = /^-----BEGIN PUBLIC KEY-----[\s\S]+-----END PUBLIC KEY-----\s*$/;

export function isGuid(value: string): boolean {
  return GUID.test(value.trim());
}

/** A field: what people call it, what it takes (for "X must be …" lines), and its schema. */
interface FieldRule<S extends v.GenericSchema> {
  label: string;
  expects: string;
  schema: S;
}

function rule<S extends v.GenericSchema>(label: string, expects: string, schema: S): FieldRule<S> {
  return { label, expects, schema: v.message(schema, `${label} must be ${expects}.`) as unknown as S };
}

const text = (max: number) => v.pipe(v.string(), v.trim(), v.maxLength(max));
const guidOrEmpty = v.pipe(text(100), v.check((s) => s === '' || GUID.test(s)));
const numberIn = (min: number, max: number) => v.pipe(v.number(), v.finite(), v.minValue(min), v.maxValue(max));

const daySchedule = v.object({ enabled: v.boolean(), on: v.pipe(v.string(), v.regex(TIME)), off: v.pipe(v.string(), v.regex(TIME)) });

/** The rules, one per setting, in the order the settings screen shows them. */
export const SETTING_RULES = {
  authMode: rule('Sign-in method', 'one of: none, apiKey, oauth', v.picklist(AUTH_MODES)),
  apiKey: rule('API key', 'text of at most 4096 characters', text(4096)),
  siteId: rule('Site ID', 'a GUID like 123e4567-e89b-12d3-a456-426614174000, as in your site dashboard’s address', guidOrEmpty),
  clientId: rule('Client ID', 'text of at most 200 characters', text(200)),
  clientSecret: rule('Client secret', 'text of at most 4096 characters', text(4096)),
  instanceId: rule('Instance ID', 'a GUID like 123e4567-e89b-12d3-a456-426614174000', guidOrEmpty),
  projectId: rule('Project ID', 'a GUID like 123e4567-e89b-12d3-a456-426614174000, as in the project’s address in the Wix dashboard', guidOrEmpty),
  slideSeconds: rule('Seconds per photo', 'a number of seconds from 1 to 3600', numberIn(1, 3600)),
  transition: rule('Transition', `one of: ${TRANSITIONS.join(', ')}`, v.picklist(TRANSITIONS)),
  order: rule('Order', `one of: ${SLIDE_ORDERS.join(', ')}`, v.picklist(SLIDE_ORDERS)),
  fit: rule('Fit', `one of: ${FIT_MODES.join(', ')}`, v.picklist(FIT_MODES)),
  captions: rule('Captions', `one of: ${CAPTION_MODES.join(', ')}`, v.picklist(CAPTION_MODES)),
  pairPortraits: rule('Portrait pairs', 'on or off', v.boolean()),
  kenBurns: rule('Slow pan and zoom', 'on or off', v.boolean()),
  clock: rule('Clock', `one of: ${CLOCK_MODES.join(', ')}`, v.picklist(CLOCK_MODES)),
  pollSeconds: rule('The Wix check interval', 'a number of seconds from 1 to 86400', numberIn(1, 86_400)),
  webhookPublicKey: rule(
    'Webhook public key',
    'a PEM public key starting with -----BEGIN PUBLIC KEY-----',
    v.pipe(v.string(), v.maxLength(16_384), v.check((s) => s.trim() === '' || PEM_PUBLIC_KEY.test(s.trim()))),
  ),
  scheduleEnabled: rule('Night schedule', 'on or off', v.boolean()),
  weekSchedule: rule('Weekly schedule', 'seven days (Sunday first), each with on and off times as HH:MM (24 h)', v.pipe(v.array(daySchedule), v.length(7))),
  screenMode: rule('Screen', `one of: ${SCREEN_MODES.join(', ')}`, v.picklist(SCREEN_MODES)),
  screenPower: rule('Screen switch', `one of: ${SCREEN_POWER_METHODS.join(', ')}`, v.picklist(SCREEN_POWER_METHODS)),
};

/** The whole settings object, built from the rules. */
export const SettingsSchema = v.object(Object.fromEntries(Object.entries(SETTING_RULES).map(([field, r]) => [field, r.schema])) as { [K in keyof typeof SETTING_RULES]: (typeof SETTING_RULES)[K]['schema'] });

export type Settings = v.InferOutput<typeof SettingsSchema>;
export type DaySchedule = v.InferOutput<typeof daySchedule>;

export const SETTING_FIELDS = Object.keys(SETTING_RULES) as (keyof Settings)[];

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
  pairPortraits: true,
  kenBurns: false,
  clock: 'off',
  pollSeconds: 300,
  webhookPublicKey: '',
  scheduleEnabled: false,
  weekSchedule: Array.from({ length: 7 }, () => ({ enabled: true, on: '07:00', off: '22:30' })),
  screenMode: 'auto',
  screenPower: 'wlopm',
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

export const LABELS = Object.fromEntries(SETTING_FIELDS.map((field) => [field, SETTING_RULES[field].label])) as Record<keyof Settings, string>;

/** The value of one field checked against its rule: the clean value, or the sentence saying what it must be. */
export function checkField<K extends keyof Settings>(field: K, value: unknown): { ok: true; value: Settings[K] } | { ok: false; problem: string } {
  const result = v.safeParse(SETTING_RULES[field].schema, value);
  if (result.success) return { ok: true, value: result.output as Settings[K] };
  return { ok: false, problem: result.issues[0]?.message ?? `${LABELS[field]} must be ${SETTING_RULES[field].expects}.` };
}

/** Own properties that name a setting, nothing inherited (no "__proto__", "hasOwnProperty"…). */
function ownSettingEntries(value: object): [keyof Settings, unknown][] {
  return SETTING_FIELDS.filter((field) => Object.prototype.hasOwnProperty.call(value, field)).map((field) => [field, (value as Record<string, unknown>)[field]]);
}

/** Applies a patch to settings; nothing changes unless every field is valid. Unknown keys are ignored. */
export function applySettingsPatch(current: Settings, patch: unknown): { ok: true; value: Settings } | { ok: false; errors: FieldErrors } {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return { ok: false, errors: { authMode: 'Settings must be sent as an object of setting fields.' } };
  const errors: FieldErrors = {};
  const next: Record<string, unknown> = { ...current };
  for (const [field, value] of ownSettingEntries(patch)) {
    const checked = checkField(field, value);
    if (checked.ok) next[field] = checked.value;
    else errors[field] = checked.problem;
  }
  if (Object.keys(errors).length === 0) Object.assign(errors, crossFieldErrors(next as Settings));
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value: next as Settings };
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

export interface InvalidStoredField {
  field: keyof Settings;
  problem: string;
}

export interface StoredSettings {
  settings: Settings;
  /** Fields whose saved value was refused (default used instead), each with why. */
  invalid: InvalidStoredField[];
  /** Other things worth a log line (settings of older versions mapped or dropped). */
  notes: string[];
}

/** Reads a stored settings object: unknown fields dropped, bad ones back to defaults and named with why. */
export function readStoredSettings(value: unknown): StoredSettings {
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const invalid: InvalidStoredField[] = [];
  const notes: string[] = [];
  const source = typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
  for (const [field, stored] of ownSettingEntries(source)) {
    const checked = checkField(field, stored);
    if (checked.ok) settings[field] = checked.value;
    else invalid.push({ field, problem: `${checked.problem} The saved value ${describeValue(stored)} was set aside.` });
  }
  if (!Object.prototype.hasOwnProperty.call(source, 'screenPower')) {
    const legacy = legacyScreenPower(source as Record<string, unknown>);
    if (legacy) {
      if (legacy.method) settings.screenPower = legacy.method;
      notes.push(legacy.note);
    }
  }
  return { settings: settings as Settings, invalid, notes };
}

function describeValue(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 40 ? `${json.slice(0, 37)}…` : json;
}

const LEGACY_METHODS: [RegExp, ScreenPowerMethod][] = [
  [/^\s*wlopm\b/, 'wlopm'],
  [/^\s*wlr-randr\b/, 'wlr-randr'],
  [/^\s*vcgencmd\s+display_power\b/, 'vcgencmd'],
  [/^\s*xset\b.*\bdpms\b/, 'xset'],
  [/bl_power/, 'backlight'],
  [/^\s*(cec-ctl|cec-client)\b|\bcec-ctl\b/, 'cec'],
];

/** Versions before 0.2 saved free-text screen commands; they map to a named method or are dropped. */
function legacyScreenPower(source: Record<string, unknown>): { method: ScreenPowerMethod | null; note: string } | null {
  const command = source.screenOffCommand;
  if (typeof command !== 'string') return null;
  const method = LEGACY_METHODS.find(([pattern]) => pattern.test(command))?.[1] ?? null;
  return method
    ? { method, note: `The saved screen command "${command.slice(0, 80)}" is now the named method "${method}".` }
    : { method: null, note: `The saved screen command "${command.slice(0, 80)}" was dropped: screen commands are no longer free text; choose a method in the settings, or set FRAME_SCREEN_OFF_COMMAND and FRAME_SCREEN_ON_COMMAND in the frame's environment.` };
}

export function toPublicSettings(settings: Settings, lockedByEnv: (keyof Settings)[]): PublicSettings {
  const { apiKey, clientSecret, ...rest } = settings;
  return { ...rest, apiKeySet: apiKey !== '', clientSecretSet: clientSecret !== '', lockedByEnv };
}

// Reads the runtime contract's environment variables. Every bad value is
// refused with one line naming the variable and what it expects.
import { readFileSync } from 'node:fs';
import { checkField, SETTING_RULES, type Settings } from '../../../shared/settings';
import { ConfigError } from '../frame-types';
import { splitCommandLine } from '../system/command-line';
import { parseHost } from '../util/host';
import { loadFleetConfig, type FleetConfig } from './fleet-config';

export type WixAuthConfig =
  | { kind: 'apiKey'; apiKey: string; siteId: string }
  | { kind: 'oauth'; clientId: string; clientSecret: string; instanceId: string };

export interface FrameConfig {
  demo: boolean;
  dataDir: string;
  http: { host: string; port: number; adminToken: string | null; allowedHosts: string[] };
  webhook: { host: string; port: number; publicKeyPem: string | null };
  wix: {
    apiBaseUrl: string;
    mediaBaseUrl: string;
    /** Video renditions are fetched only from this origin or the media base's. */
    videoBaseUrl: string;
    auth: WixAuthConfig | null;
    projectId: string | null;
    /** FRAME_WIX_INSTANCE_ID: the Wix app instance of an API-key frame (OAuth frames have WIX_INSTANCE_ID); webhooks for others are refused. */
    instanceId: string | null;
  };
  /** Settings fixed by the environment (FRAME_SLIDE_SECONDS, FRAME_CLOCK…), judged by the settings schema. */
  settings: Partial<Settings>;
  cacheMegabytes: number;
  /** FRAME_VIDEO_MAX_MB: the largest video rendition downloaded. */
  videoMaxMegabytes: number;
  /** FRAME_SCREEN_OFF_COMMAND / FRAME_SCREEN_ON_COMMAND, split into program and arguments; they replace the screen switch setting. */
  screenCommands: { off: string[]; on: string[] } | null;
  /** FRAME_MQTT_URL and the rest of the fleet's settings, null without a broker. */
  fleet: FleetConfig | null;
}

type Env = NodeJS.ProcessEnv;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuid(value: string): boolean {
  return GUID.test(value);
}

function text(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function port(env: Env, name: string, fallback: number): number {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 0 || n > 65535) throw new ConfigError(`${name} must be a port number from 0 to 65535, got "${raw}".`);
  return n;
}

/** How each settings variable's text becomes a value for the schema to judge. */
const SETTING_VARIABLES: { name: string; field: keyof Settings; parse: (raw: string) => unknown }[] = [
  { name: 'FRAME_SLIDE_SECONDS', field: 'slideSeconds', parse: Number },
  { name: 'FRAME_POLL_SECONDS', field: 'pollSeconds', parse: Number },
  { name: 'FRAME_PAIR_PORTRAITS', field: 'pairPortraits', parse: onOff },
  { name: 'FRAME_KEN_BURNS', field: 'kenBurns', parse: onOff },
  { name: 'FRAME_CLOCK', field: 'clock', parse: (raw) => raw },
];

function onOff(raw: string): boolean | string {
  const value = raw.toLowerCase();
  if (['on', 'true', '1', 'yes'].includes(value)) return true;
  if (['off', 'false', '0', 'no'].includes(value)) return false;
  return raw;
}

function settingsFromEnv(env: Env): Partial<Settings> {
  const settings: Record<string, unknown> = {};
  for (const { name, field, parse } of SETTING_VARIABLES) {
    const raw = text(env, name);
    if (raw === undefined) continue;
    const checked = checkField(field, parse(raw));
    if (!checked.ok) throw new ConfigError(`${name} must be ${SETTING_RULES[field].expects}, got "${raw}".`);
    settings[field] = checked.value;
  }
  return settings as Partial<Settings>;
}

function megabytes(env: Env, name: string, fallback: number, min = 10, max = 1_000_000): number {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min || n > max) throw new ConfigError(`${name} must be a whole number of megabytes from ${min} to ${max}, got "${raw}".`);
  return n;
}

function httpUrl(env: Env, name: string, fallback: string): string {
  const raw = text(env, name) ?? fallback;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be an http(s) URL such as ${fallback}, got "${raw}".`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`${name} must be an http(s) URL such as ${fallback}, got "${raw}".`);
  return raw.replace(/\/+$/, '');
}

function host(env: Env, name: string): string {
  const raw = text(env, name) ?? '127.0.0.1';
  if (!/^[\w.:-]+$/.test(raw)) throw new ConfigError(`${name} must be a host name or IP address to bind, such as 127.0.0.1 or 0.0.0.0, got "${raw}".`);
  return raw;
}

function auth(env: Env): WixAuthConfig | null {
  const apiKey = text(env, 'WIX_API_KEY');
  const siteId = text(env, 'WIX_SITE_ID');
  const clientId = text(env, 'WIX_CLIENT_ID');
  const clientSecret = text(env, 'WIX_CLIENT_SECRET');
  const instanceId = text(env, 'WIX_INSTANCE_ID');
  if (apiKey || siteId) {
    if (!apiKey) throw new ConfigError('WIX_API_KEY must be set together with WIX_SITE_ID (an API key from the Wix API Keys Manager).');
    if (!siteId) throw new ConfigError('WIX_SITE_ID must be set together with WIX_API_KEY (the site ID from your Wix dashboard URL).');
    return { kind: 'apiKey', apiKey, siteId };
  }
  if (clientId || clientSecret || instanceId) {
    const missing = [['WIX_CLIENT_ID', clientId], ['WIX_CLIENT_SECRET', clientSecret], ['WIX_INSTANCE_ID', instanceId]].find(([, v]) => !v);
    if (missing) throw new ConfigError(`${missing[0]} must be set: OAuth needs WIX_CLIENT_ID, WIX_CLIENT_SECRET and WIX_INSTANCE_ID together.`);
    return { kind: 'oauth', clientId: clientId!, clientSecret: clientSecret!, instanceId: instanceId! };
  }
  return null;
}

function instanceId(env: Env): string | null {
  const raw = text(env, 'FRAME_WIX_INSTANCE_ID');
  if (raw === undefined) return null;
  if (!isGuid(raw)) throw new ConfigError(`FRAME_WIX_INSTANCE_ID must be the Wix app instance ID, a GUID like 123e4567-e89b-12d3-a456-426614174000, got "${raw}".`);
  return raw;
}

function projectId(env: Env): string | null {
  const raw = text(env, 'WIX_PROJECT_ID');
  if (raw === undefined) return null;
  if (!isGuid(raw)) throw new ConfigError(`WIX_PROJECT_ID must be a project GUID like 123e4567-e89b-12d3-a456-426614174000, got "${raw}".`);
  return raw;
}

/** PEM text, or the path of a file holding it. Validity is checked by the webhook receiver. */
function publicKey(env: Env): string | null {
  const raw = text(env, 'WIX_WEBHOOK_PUBLIC_KEY');
  if (raw === undefined) return null;
  if (raw.includes('-----BEGIN')) return raw.replace(/\\n/g, '\n');
  try {
    return readFileSync(raw, 'utf8');
  } catch {
    throw new ConfigError(`WIX_WEBHOOK_PUBLIC_KEY must be the PEM public key text or the path of a file holding it; "${raw}" could not be read.`);
  }
}

/** FRAME_HTTP_ALLOWED_HOSTS: "frame.local, frame.example.com:443" — names, with a port or without (any port). */
function allowedHosts(env: Env): string[] {
  const raw = text(env, 'FRAME_HTTP_ALLOWED_HOSTS');
  if (raw === undefined) return [];
  const entries = raw.split(',').map((entry) => entry.trim()).filter(Boolean);
  const bad = entries.find((entry) => parseHost(entry) === null || entry.includes('*'));
  if (bad !== undefined) throw new ConfigError(`FRAME_HTTP_ALLOWED_HOSTS must be host names separated by commas, each optionally with :port (like frame.local,frame.example.com:443), got "${bad}".`);
  return entries;
}

/** Only from the device's own environment, never from a settings surface; run without a shell. */
function screenCommands(env: Env): FrameConfig['screenCommands'] {
  const off = text(env, 'FRAME_SCREEN_OFF_COMMAND');
  const on = text(env, 'FRAME_SCREEN_ON_COMMAND');
  if (off === undefined && on === undefined) return null;
  const split = (name: string, raw: string | undefined): string[] => {
    if (raw === undefined) throw new ConfigError(`${name} must be set too: FRAME_SCREEN_OFF_COMMAND and FRAME_SCREEN_ON_COMMAND go together.`);
    const argv = splitCommandLine(raw);
    if (!argv) throw new ConfigError(`${name} must be one program with its arguments, run without a shell (no ; | > && $( ), quote a * as '*'), got "${raw}".`);
    return argv;
  };
  return { off: split('FRAME_SCREEN_OFF_COMMAND', off), on: split('FRAME_SCREEN_ON_COMMAND', on) };
}

function adminToken(env: Env): string | null {
  const raw = text(env, 'FRAME_ADMIN_TOKEN');
  if (raw === undefined) return null;
  if (raw.length < 12 || /\s/.test(raw)) throw new ConfigError('FRAME_ADMIN_TOKEN must be at least 12 characters without spaces.');
  return raw;
}

// Other flags are ignored: Electron and Chromium pass switches of their own.
export function loadEnvConfig(env: Env, argv: string[], defaultDataDir: string): FrameConfig {
  return {
    demo: argv.includes('--demo'),
    dataDir: text(env, 'FRAME_DATA_DIR') ?? defaultDataDir,
    http: { host: host(env, 'FRAME_HTTP_HOST'), port: port(env, 'FRAME_HTTP_PORT', 8700), adminToken: adminToken(env), allowedHosts: allowedHosts(env) },
    webhook: { host: host(env, 'FRAME_WEBHOOK_HOST'), port: port(env, 'FRAME_WEBHOOK_PORT', 8787), publicKeyPem: publicKey(env) },
    wix: {
      apiBaseUrl: httpUrl(env, 'WIX_API_BASE_URL', 'https://www.wixapis.com'),
      mediaBaseUrl: httpUrl(env, 'WIX_MEDIA_BASE_URL', 'https://static.wixstatic.com'),
      videoBaseUrl: httpUrl(env, 'WIX_VIDEO_BASE_URL', 'https://video.wixstatic.com'),
      auth: auth(env),
      projectId: projectId(env),
      instanceId: instanceId(env),
    },
    settings: settingsFromEnv(env),
    cacheMegabytes: megabytes(env, 'FRAME_CACHE_MB', 1024),
    videoMaxMegabytes: megabytes(env, 'FRAME_VIDEO_MAX_MB', 300, 1, 100_000),
    screenCommands: screenCommands(env),
    fleet: loadFleetConfig(env),
  };
}


// The fleet's environment variables: the MQTT broker, this frame's name on it,
// the topic prefix, and the relay's public key when pinned by hand.
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { ConfigError } from '../frame-types';

export interface FleetConfig {
  url: string;
  username: string | null;
  password: string | null;
  /** Device name on the broker and in Home Assistant. */
  frameId: string;
  prefix: string;
  /** FRAME_RELAY_PUBLIC_KEY (SPKI PEM); null means trust on first use. */
  relayPublicKeyPem: string | null;
  /** FRAME_MQTT_CA: a CA certificate file for mqtts:// with a private CA. */
  caPem: string | null;
}

type Env = NodeJS.ProcessEnv;

function text(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/** Topic-safe and Home Assistant-safe: letters, digits, - and _. */
export function safeId(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'frame';
}

function pemOrFile(env: Env, name: string, what: string): string | null {
  const raw = text(env, name);
  if (raw === undefined) return null;
  if (raw.includes('-----BEGIN')) return raw.replace(/\\n/g, '\n');
  try {
    return readFileSync(raw, 'utf8');
  } catch {
    throw new ConfigError(`${name} must be ${what} or the path of a file holding it; "${raw}" could not be read.`);
  }
}

export function loadFleetConfig(env: Env): FleetConfig | null {
  const url = text(env, 'FRAME_MQTT_URL');
  if (url === undefined) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    parsed = new URL('invalid:');
  }
  if ((parsed.protocol !== 'mqtt:' && parsed.protocol !== 'mqtts:') || !parsed.hostname) {
    throw new ConfigError(`FRAME_MQTT_URL must be an mqtt:// or mqtts:// URL such as mqtt://192.168.1.10:1883, got "${url}".`);
  }
  const frameId = text(env, 'FRAME_ID') ?? hostname();
  if (!/^[\w-]{1,64}$/.test(safeId(frameId))) throw new ConfigError(`FRAME_ID must be a short name of letters, digits, - or _, got "${frameId}".`);
  const prefix = text(env, 'FRAME_MQTT_PREFIX') ?? 'frame';
  if (!/^[\w-]+(\/[\w-]+)*$/.test(prefix)) throw new ConfigError(`FRAME_MQTT_PREFIX must be a topic prefix of letters, digits, - and _ (levels split by /), such as frame, got "${prefix}".`);
  const relayPublicKeyPem = pemOrFile(env, 'FRAME_RELAY_PUBLIC_KEY', 'the relay\'s PEM public key text (relay-signing-key.pub.pem)');
  if (relayPublicKeyPem !== null && !relayPublicKeyPem.includes('-----BEGIN PUBLIC KEY-----')) {
    throw new ConfigError('FRAME_RELAY_PUBLIC_KEY must be a PEM public key starting with -----BEGIN PUBLIC KEY----- (the relay prints its file at start).');
  }
  return {
    url,
    username: text(env, 'FRAME_MQTT_USERNAME') ?? null,
    password: env.FRAME_MQTT_PASSWORD ?? null,
    frameId: safeId(frameId),
    prefix,
    relayPublicKeyPem,
    caPem: pemOrFile(env, 'FRAME_MQTT_CA', 'a PEM CA certificate'),
  };
}

// The web shell's gate, run before any handler: it answers only the host names
// the frame is legitimately reached by, so a web page that rebinds its own
// name to 127.0.0.1 (DNS rebinding) is refused before anything is read or
// changed. Writes must be JSON (a cross-site form or simple fetch cannot send
// that without a CORS preflight, which is never granted) and, whenever a
// browser names an Origin, it must be one of the frame's own. The admin token
// and the setup link are handed only to the frame itself: a loopback peer that
// used a loopback Host.
import type { IncomingMessage } from 'node:http';
import { hostname as osHostname, networkInterfaces } from 'node:os';
import { SettingsPaths } from '../../../shared/settings-api';
import { isLoopback, parseHost } from '../util/host';

export { isLoopback } from '../util/host';

export interface Refusal {
  status: number;
  /** One line saying why, for the person (or the log) looking at it. */
  message: string;
}

export interface RequestGateOptions {
  /** FRAME_HTTP_HOST: the address the shell is bound to. */
  bindHost: string;
  /** The port it listens on (known after listen; port 0 picks one). */
  port(): number;
  /** FRAME_HTTP_ALLOWED_HOSTS: "name" (any port) or "name:port", for a reverse proxy or an mDNS alias. */
  allowedHosts: readonly string[];
  /** This machine's host name and addresses; injectable for tests. */
  machineNames?(): string[];
}

export type RequestGate = (req: IncomingMessage) => Refusal | null;

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1']);
/** What only the frame's own screen is given: the admin token and the setup link that carries it. */
const FRAME_ONLY: Record<string, string> = {
  [SettingsPaths.adminToken]: 'Refused: the admin token is only shown on the frame itself.',
  [SettingsPaths.setupLink]: 'Refused: the setup link is only shown on the frame itself.',
};
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function systemNames(): string[] {
  const name = osHostname().toLowerCase();
  const addresses = Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((entry) => entry.address.toLowerCase().replace(/%.*$/, '')));
  // Avahi publishes <hostname>.local on Raspberry Pi OS and most desktops.
  return [name, `${name}.local`, ...addresses];
}

export function createRequestGate(options: RequestGateOptions): RequestGate {
  const beyondLoopback = !isLoopback(options.bindHost);
  const extra = options.allowedHosts.map((entry) => parseHost(entry)).filter((entry) => entry !== null);
  const machineNames = options.machineNames ?? systemNames;

  const allowed = (host: { name: string; port: number | null }): boolean => {
    const port = options.port();
    if (LOOPBACK_NAMES.has(host.name)) return host.port === port;
    if (extra.some((entry) => entry.name === host.name && (entry.port === null || entry.port === host.port))) return true;
    return beyondLoopback && host.port === port && machineNames().includes(host.name);
  };

  return (req) => {
    const host = parseHost(req.headers.host);
    if (!host) return { status: 400, message: 'Refused: the request has no readable Host header.' };
    if (!allowed(host)) {
      return { status: 421, message: `Refused: this frame does not answer to the host name "${req.headers.host}" (add it to FRAME_HTTP_ALLOWED_HOSTS if it is yours).` };
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !isOwnOrigin(origin, allowed)) {
      return { status: 403, message: `Refused: requests from the page at ${origin} may not use this frame.` };
    }
    const method = req.method ?? 'GET';
    if (!SAFE_METHODS.has(method) && !isJson(req.headers['content-type'])) {
      return { status: 415, message: 'Refused: changes must be sent as JSON (Content-Type: application/json).' };
    }
    const frameOnly = FRAME_ONLY[pathOf(req)];
    if (frameOnly && !(isLoopback(req.socket.remoteAddress) && LOOPBACK_NAMES.has(host.name))) return { status: 403, message: frameOnly };
    return null;
  };
}

function isOwnOrigin(origin: string, allowed: (host: { name: string; port: number | null }) => boolean): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // "null" (sandboxed frames, file: pages) and anything unreadable
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const host = parseHost(url.host);
  if (!host) return false;
  // URL drops the scheme's default port; a proxy in front may well use it.
  return allowed({ ...host, port: host.port ?? (url.protocol === 'https:' ? 443 : 80) }) || allowed(host);
}

function isJson(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase() === 'application/json';
}

/** The path as the handlers will see it (dot segments resolved), so "/api/./admin-token" is no way around. */
function pathOf(req: IncomingMessage): string {
  try {
    return new URL(req.url ?? '/', 'http://frame.invalid').pathname;
  } catch {
    return '';
  }
}

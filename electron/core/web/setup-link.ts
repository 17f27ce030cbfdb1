// The address a phone on the same network opens to reach this frame's
// settings, and its QR code (qrcode-generator, drawn by the renderer from the
// module rows). Only the frame itself is given it: it carries the admin token.
import { hostname as osHostname, networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import qrcode from 'qrcode-generator';
import { SETUP_TOKEN_KEY, type SetupLink } from '../../../shared/settings-api';
import { WebPaths } from '../../../shared/web-api';
import { isLoopback } from '../util/host';

export interface SetupLinkInput {
  /** FRAME_HTTP_HOST: where the web shell is bound. */
  bindHost: string;
  port: number;
  /** The admin token, when the shell wants one (bound beyond loopback). */
  token: string | null;
  /** This machine's interfaces and name; injectable for tests. */
  interfaces?: NodeJS.Dict<NetworkInterfaceInfo[]>;
  hostName?: string;
}

const WILDCARD = new Set(['0.0.0.0', '::', '']);
/** Interfaces a phone on the LAN is not on: containers, VMs, VPNs. */
const VIRTUAL = /^(docker|veth|br-|virbr|lxc|lxd|podman|cni|flannel|tun|tap|wg|tailscale|zt|utun)/;
const PRIVATE_V4 = /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/;

/** The host part of the URL a phone uses, or null when phones cannot connect. */
export function phoneHost(input: SetupLinkInput): string | null {
  const bind = input.bindHost.trim().replace(/^\[|\]$/g, '');
  if (isLoopback(bind)) return null;
  if (!WILDCARD.has(bind)) return bind.includes(':') ? `[${bind}]` : bind;
  const candidates = Object.entries(input.interfaces ?? networkInterfaces()).flatMap(([name, list]) =>
    (list ?? []).filter((entry) => entry.family === 'IPv4' && !entry.internal).map((entry) => ({ name, address: entry.address })),
  );
  const rank = (c: { name: string; address: string }) => (VIRTUAL.test(c.name) ? 2 : 0) + (PRIVATE_V4.test(c.address) ? 0 : 1);
  const best = candidates.sort((a, b) => rank(a) - rank(b))[0];
  // No IPv4 address at all: the name Avahi publishes on Raspberry Pi OS.
  return best?.address ?? `${(input.hostName ?? osHostname()).toLowerCase()}.local`;
}

export function setupLink(input: SetupLinkInput): SetupLink {
  const host = phoneHost(input);
  if (!host) return { reachable: false, host: input.bindHost };
  const fragment = input.token ? `#${SETUP_TOKEN_KEY}=${encodeURIComponent(input.token)}` : '';
  const url = `http://${host}:${input.port}${WebPaths.settingsPage}${fragment}`;
  return { reachable: true, url, qr: qrRows(url) };
}

/** QR modules as rows of "0"/"1"; level M survives a smudged or glossy screen. */
export function qrRows(text: string): string[] {
  const code = qrcode(0, 'M');
  code.addData(text, 'Byte');
  code.make();
  const size = code.getModuleCount();
  return Array.from({ length: size }, (_, row) => Array.from({ length: size }, (_, col) => (code.isDark(row, col) ? '1' : '0')).join(''));
}

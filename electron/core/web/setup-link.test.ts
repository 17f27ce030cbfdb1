import type { NetworkInterfaceInfo } from 'node:os';
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { phoneHost, qrRows, setupLink } from './setup-link';

const iface = (address: string, internal = false): NetworkInterfaceInfo =>
  ({ address, family: address.includes(':') ? 'IPv6' : 'IPv4', internal, netmask: '', mac: '', cidr: null }) as NetworkInterfaceInfo;

const PI = { lo: [iface('127.0.0.1', true), iface('::1', true)], docker0: [iface('172.17.0.1')], wlan0: [iface('fe80::1'), iface('192.168.1.20')] };

/** Reads a QR code back the way a phone's camera would, from the drawn modules. */
function decodeRows(rows: string[]): string | null {
  const scale = 4;
  const quiet = 4;
  const size = (rows.length + 2 * quiet) * scale;
  const pixels = new Uint8ClampedArray(size * size * 4).fill(255);
  rows.forEach((row, y) =>
    [...row].forEach((bit, x) => {
      if (bit !== '1') return;
      for (let dy = 0; dy < scale; dy++)
        for (let dx = 0; dx < scale; dx++) {
          const at = ((y + quiet) * scale + dy) * size + (x + quiet) * scale + dx;
          pixels.fill(0, at * 4, at * 4 + 3);
        }
    }),
  );
  return jsQR(pixels, size, size)?.data ?? null;
}

describe('the address a phone opens', () => {
  it('is nothing while the shell listens on loopback only', () => {
    for (const bindHost of ['127.0.0.1', 'localhost', '::1']) {
      expect(phoneHost({ bindHost, port: 8700, token: null, interfaces: PI })).toBeNull();
      expect(setupLink({ bindHost, port: 8700, token: null, interfaces: PI })).toEqual({ reachable: false, host: bindHost });
    }
  });

  it('bound to every interface, is the LAN address (not a container bridge, not IPv6 link-local)', () => {
    expect(phoneHost({ bindHost: '0.0.0.0', port: 8700, token: null, interfaces: PI })).toBe('192.168.1.20');
    expect(phoneHost({ bindHost: '::', port: 8700, token: null, interfaces: PI })).toBe('192.168.1.20');
    // Only a bridge: better than nothing.
    expect(phoneHost({ bindHost: '0.0.0.0', port: 8700, token: null, interfaces: { docker0: [iface('172.17.0.1')] } })).toBe('172.17.0.1');
    // No IPv4 at all: the host name Avahi publishes.
    expect(phoneHost({ bindHost: '0.0.0.0', port: 8700, token: null, interfaces: { lo: [iface('127.0.0.1', true)] }, hostName: 'Kitchen-Pi' })).toBe('kitchen-pi.local');
  });

  it('bound to one address, is that address', () => {
    expect(phoneHost({ bindHost: '192.168.1.30', port: 8700, token: null, interfaces: PI })).toBe('192.168.1.30');
    expect(phoneHost({ bindHost: 'fd00::2', port: 8700, token: null, interfaces: PI })).toBe('[fd00::2]');
  });

  it('carries the admin token in the fragment, never in the path or query', () => {
    const link = setupLink({ bindHost: '0.0.0.0', port: 8712, token: 'tok_EN-123456', interfaces: PI });
    expect(link).toMatchObject({ reachable: true, url: 'http://192.168.1.20:8712/settings#token=tok_EN-123456' });
    const plain = setupLink({ bindHost: '0.0.0.0', port: 8712, token: null, interfaces: PI });
    expect(plain).toMatchObject({ url: 'http://192.168.1.20:8712/settings' });
  });

  it('its QR code reads back as the URL', () => {
    const link = setupLink({ bindHost: '0.0.0.0', port: 8700, token: 'abcdefghijkl', interfaces: PI });
    if (!link.reachable) throw new Error('expected a link');
    expect(link.qr.length).toBeGreaterThanOrEqual(21);
    expect(link.qr.every((row) => row.length === link.qr.length && /^[01]+$/.test(row))).toBe(true);
    expect(decodeRows(link.qr)).toBe(link.url);
    expect(decodeRows(qrRows('http://kitchen-pi.local:8700/settings'))).toBe('http://kitchen-pi.local:8700/settings');
  });
});

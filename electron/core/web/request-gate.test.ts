import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createRequestGate, type RequestGateOptions } from './request-gate';

const PORT = 8700;

function request(init: { host?: string; origin?: string; method?: string; url?: string; contentType?: string; peer?: string }): IncomingMessage {
  const headers: Record<string, string> = {};
  if (init.host !== undefined) headers.host = init.host;
  if (init.origin !== undefined) headers.origin = init.origin;
  if (init.contentType !== undefined) headers['content-type'] = init.contentType;
  return { headers, method: init.method ?? 'GET', url: init.url ?? '/api/state', socket: { remoteAddress: init.peer ?? '127.0.0.1' } } as unknown as IncomingMessage;
}

function gate(options: Partial<RequestGateOptions> = {}) {
  return createRequestGate({ bindHost: '127.0.0.1', port: () => PORT, allowedHosts: [], machineNames: () => ['pi', 'pi.local', '192.168.1.20', 'fe80::1'], ...options });
}

const status = (g: ReturnType<typeof gate>, init: Parameters<typeof request>[0]) => g(request(init))?.status ?? 200;

describe('the Host check', () => {
  it('answers the loopback names with its own port', () => {
    const g = gate();
    for (const host of [`127.0.0.1:${PORT}`, `localhost:${PORT}`, `[::1]:${PORT}`, `LOCALHOST:${PORT}`, `localhost.:${PORT}`]) expect(status(g, { host }), host).toBe(200);
  });

  it('refuses any other name, a loopback name on another port, and an unreadable or missing Host, with one line', () => {
    const g = gate();
    for (const host of ['evil.example:8700', 'evil.example', `127.0.0.1:${PORT + 1}`, '127.0.0.1', `pi:${PORT}`, `192.168.1.20:${PORT}`, `127.0.0.2:${PORT}`]) {
      expect(status(g, { host }), host).toBe(421);
    }
    const refusal = g(request({ host: 'evil.example:8700' }))!;
    expect(refusal.message).toMatch(/does not answer to the host name "evil\.example:8700"/);
    expect(refusal.message).not.toContain('\n');
    for (const host of [`evil.example@127.0.0.1:${PORT}`, `127.0.0.1:${PORT}/x`, ' ', '']) expect(status(g, { host }), host).toBe(400);
    expect(status(g, {})).toBe(400);
  });

  it('bound beyond loopback, also answers this machine’s names and addresses on its port', () => {
    const g = gate({ bindHost: '0.0.0.0' });
    for (const host of [`pi:${PORT}`, `pi.local:${PORT}`, `192.168.1.20:${PORT}`, `[fe80::1]:${PORT}`, `localhost:${PORT}`]) expect(status(g, { host }), host).toBe(200);
    for (const host of ['pi', `pi:${PORT + 1}`, `192.168.1.21:${PORT}`, `evil.example:${PORT}`]) expect(status(g, { host }), host).toBe(421);
  });

  it('answers FRAME_HTTP_ALLOWED_HOSTS names (any port, or the one given), even bound to loopback behind a proxy', () => {
    const g = gate({ allowedHosts: ['frame.example.com', 'photo.local:8080'] });
    for (const host of ['frame.example.com', 'frame.example.com:443', 'photo.local:8080']) expect(status(g, { host }), host).toBe(200);
    expect(status(g, { host: 'photo.local:8081' })).toBe(421);
    expect(status(g, { host: 'example.com' })).toBe(421);
  });
});

describe('the Origin check', () => {
  const host = `127.0.0.1:${PORT}`;
  const json = 'application/json';

  it('lets the frame’s own pages write, and requests without an Origin through', () => {
    const g = gate();
    expect(status(g, { host, method: 'PUT', contentType: json, origin: `http://127.0.0.1:${PORT}` })).toBe(200);
    expect(status(g, { host, method: 'PUT', contentType: json, origin: `http://localhost:${PORT}` })).toBe(200);
    expect(status(g, { host, method: 'PUT', contentType: 'application/json; charset=utf-8' })).toBe(200);
  });

  it('refuses another site, an opaque origin ("null": sandboxed frames, files) and other schemes', () => {
    const g = gate();
    for (const origin of ['http://evil.example', `http://evil.example:${PORT}`, 'null', `http://127.0.0.1:${PORT + 1}`, `file://`, `chrome-extension://abc`]) {
      expect(status(g, { host, method: 'PUT', contentType: json, origin }), origin).toBe(403);
      expect(status(g, { host, origin }), `GET from ${origin}`).toBe(403);
    }
  });

  it('accepts the proxy’s https origin for an allowed host', () => {
    const g = gate({ allowedHosts: ['frame.example.com:443'] });
    expect(status(g, { host: 'frame.example.com:443', method: 'POST', contentType: json, origin: 'https://frame.example.com' })).toBe(200);
  });
});

describe('writes', () => {
  it('must be JSON', () => {
    const g = gate();
    const host = `127.0.0.1:${PORT}`;
    for (const method of ['PUT', 'POST', 'DELETE', 'PATCH']) {
      for (const contentType of [undefined, 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx']) {
        expect(status(g, { host, method, ...(contentType ? { contentType } : {}) }), `${method} ${contentType}`).toBe(415);
      }
    }
    expect(status(g, { host, method: 'GET' })).toBe(200);
  });
});

describe.each(['/api/admin-token', '/api/setup-link'])('what only the frame itself is given (%s)', (url) => {

  it('answers a loopback peer that used a loopback Host', () => {
    const g = gate({ bindHost: '0.0.0.0', allowedHosts: ['frame.local'] });
    expect(status(g, { host: `127.0.0.1:${PORT}`, url })).toBe(200);
    expect(status(g, { host: `[::1]:${PORT}`, url, peer: '::1' })).toBe(200);
  });

  it('refuses other peers, and loopback peers through a non-loopback Host (a proxy, a rebinding page)', () => {
    const g = gate({ bindHost: '0.0.0.0', allowedHosts: ['frame.local'] });
    expect(status(g, { host: `192.168.1.20:${PORT}`, url, peer: '192.168.1.50' })).toBe(403);
    expect(status(g, { host: `127.0.0.1:${PORT}`, url, peer: '192.168.1.50' })).toBe(403);
    expect(status(g, { host: 'frame.local', url })).toBe(403);
    expect(status(g, { host: `pi:${PORT}`, url })).toBe(403);
    // Dot segments and queries are no way around it.
    const name = url.slice('/api/'.length);
    for (const path of [`/api/./${name}`, `${url}?x=1`, `/x/../api/${name}`]) expect(status(g, { host: 'frame.local', url: path }), path).toBe(403);
  });
});

import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeWix } from '../demo/fake-wix';
import { startFrame, type StartedFrame } from '../frame';
import { FREE_PORTS, PROJECT_A, TEST_KEY, TEST_SITE, startFakeWix } from '../test-support/fake-wix-fixture';
import { silentLogger } from '../util/logger';
import { startWebServer, type RunningWebServer } from './web-server';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function serve(host: string, adminToken: string | null): Promise<{ web: RunningWebServer; frame: StartedFrame; wix: FakeWix; base: string }> {
  const wix = await startFakeWix(3);
  cleanup.push(() => wix.stop());
  const dir = await mkdtemp(join(tmpdir(), 'frame-routes-'));
  await mkdir(join(dir, 'r'));
  await writeFile(join(dir, 'r', 'index.html'), '<!doctype html>');
  const frame = await startFrame({ env: { WIX_API_BASE_URL: wix.url, WIX_MEDIA_BASE_URL: wix.url, FRAME_DATA_DIR: dir, ...FREE_PORTS }, argv: [], defaultDataDir: dir, logger: silentLogger });
  cleanup.push(() => frame.stop());
  const web = await startWebServer({ frame, rendererDir: join(dir, 'r'), host, port: 0, adminToken, dataDir: dir, logger: silentLogger });
  cleanup.push(() => web.close());
  const port = new URL(web.url.replace('[::]', 'localhost').replace('0.0.0.0', '127.0.0.1')).port;
  return { web, frame, wix, base: `http://127.0.0.1:${port}` };
}

const put = (url: string, body: unknown, headers: Record<string, string> = {}) => fetch(url, { method: 'PUT', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });

describe('settings over HTTP', () => {
  it('on loopback: read masked, save validated, test, list, pick', async () => {
    const { base, frame } = await serve('127.0.0.1', null);
    expect((await (await fetch(`${base}/api/settings`)).json()) as object).toMatchObject({ authMode: 'none', apiKeySet: false });
    const bad = await put(`${base}/api/settings`, { slideSeconds: 'x', projectId: 'nope' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ ok: false, errors: { slideSeconds: expect.any(String), projectId: expect.any(String) } });
    const test = await fetch(`${base}/api/settings/test`, { method: 'POST', body: JSON.stringify({ authMode: 'apiKey', apiKey: 'wrong', siteId: TEST_SITE }), headers: { 'content-type': 'application/json' } });
    expect(await test.json()).toMatchObject({ ok: false, message: expect.stringMatching(/credentials/) });
    const saved = await put(`${base}/api/settings`, { authMode: 'apiKey', apiKey: TEST_KEY, siteId: TEST_SITE, projectId: PROJECT_A });
    const savedText = await saved.text();
    expect(saved.status).toBe(200);
    expect(savedText).not.toContain(TEST_KEY);
    expect(((await (await fetch(`${base}/api/projects?q=Hol`)).json()) as { projects: unknown[] }).projects).toHaveLength(1);
    await frame.sync!.whenIdle();
    expect(frame.getSnapshot().gallery.items).toHaveLength(3);
    expect((await (await fetch(`${base}/api/admin-token`)).json()) as object).toEqual({ required: false, token: null });
    expect((await put(`${base}/api/settings`, 'not json{')).status).toBe(400);
  });

  it('beyond loopback, every settings request needs the admin token', async () => {
    const { base, frame } = await serve('0.0.0.0', 'correct-horse-battery');
    for (const [method, path] of [['GET', '/api/settings'], ['PUT', '/api/settings'], ['POST', '/api/settings/test'], ['GET', '/api/projects'], ['GET', '/api/autostart'], ['PUT', '/api/autostart']]) {
      const response = await fetch(base + path!, { method: method!, ...(method === 'GET' ? {} : { body: JSON.stringify({ slideSeconds: 99 }) }), headers: { 'x-frame-admin-token': 'wrong-token-value', 'content-type': 'application/json' } });
      expect(response.status, `${method} ${path}`).toBe(401);
      // Where a person finds the token; never "the log", which no longer carries it.
      expect(((await response.json()) as { error: string }).error).toBe('admin token required: see the frame’s settings screen, or run npm run cli -- admin-token on the frame');
    }
    expect((await put(`${base}/api/settings`, { slideSeconds: 99 })).status).toBe(401);
    expect(frame.getSnapshot().display.slideSeconds).toBe(15);
    const ok = await put(`${base}/api/settings`, { slideSeconds: 99 }, { 'x-frame-admin-token': 'correct-horse-battery' });
    expect(ok.status).toBe(200);
    expect(frame.getSnapshot().display.slideSeconds).toBe(99);
    // The frame itself (a loopback peer) may read the token to show it on screen.
    expect((await (await fetch(`${base}/api/admin-token`)).json()) as object).toEqual({ required: true, token: 'correct-horse-battery' });
  });

  it('makes and keeps a token when none is configured', async () => {
    const { base } = await serve('0.0.0.0', null);
    const { token } = (await (await fetch(`${base}/api/admin-token`)).json()) as { token: string };
    expect(token).toMatch(/^[\w-]{12}$/);
    expect((await fetch(`${base}/api/settings`, { headers: { 'x-frame-admin-token': token } })).status).toBe(200);
  });
});

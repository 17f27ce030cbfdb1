import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeWix } from './demo/fake-wix';
import { pngSize } from './demo/png';
import { NOT_CONFIGURED, startFrame, type StartedFrame } from './frame';
import { ConfigError } from './frame-types';
import { FREE_PORTS, PROJECT_A, frameEnvFor, startFakeWix } from './test-support/fake-wix-fixture';
import { silentLogger } from './util/logger';

const running: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  for (const r of running.splice(0).reverse()) await r.stop();
});

async function wixAndDir(): Promise<{ wix: FakeWix; dir: string }> {
  const wix = await startFakeWix(12);
  running.push(wix);
  return { wix, dir: await mkdtemp(join(tmpdir(), 'frame-core-')) };
}

async function start(wix: FakeWix, dir: string, extra: Record<string, string> = {}): Promise<StartedFrame> {
  const env = frameEnvFor(wix.url, { FRAME_DATA_DIR: dir, ...extra });
  const frame = await startFrame({ env, argv: [], defaultDataDir: '/nonexistent', logger: silentLogger });
  running.push(frame);
  return frame;
}

describe('startFrame', () => {
  it('syncs the configured project and pushes snapshots', async () => {
    const { wix, dir } = await wixAndDir();
    const frame = await start(wix, dir, { FRAME_SLIDE_SECONDS: '4' });
    await frame.sync!.whenIdle();
    expect(frame.getSnapshot().gallery.items).toHaveLength(12);
    expect(frame.getSnapshot().display.slideSeconds).toBe(4);
    const seen: number[] = [];
    frame.onSnapshot((s) => seen.push(s.gallery.items.length));
    wix.items(PROJECT_A).splice(0, 2);
    await frame.sync!.syncNow();
    expect(seen).toEqual([10]);
  });

  it('a restart with Wix down shows the persisted gallery at once', async () => {
    const { wix, dir } = await wixAndDir();
    const first = await start(wix, dir);
    await first.sync!.whenIdle();
    await first.stop();
    wix.down = { kind: 'status', status: 503 };
    const second = await start(wix, dir);
    // Before any sync answered, the saved items are already there.
    expect(second.getSnapshot().gallery.items).toHaveLength(12);
    await second.sync!.whenIdle();
    expect(second.getSnapshot().gallery.items).toHaveLength(12);
    expect(second.getSnapshot().gallery.lastError).toMatch(/unavailable/);
  });

  it('a corrupt snapshot is ignored and replaced by the next sync', async () => {
    const { wix, dir } = await wixAndDir();
    await writeFile(join(dir, 'gallery.json'), '\u0000garbage');
    const frame = await start(wix, dir);
    await frame.sync!.whenIdle();
    expect(frame.getSnapshot().gallery.items).toHaveLength(12);
  });

  it('without credentials it runs, says what to set, and shows nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'frame-core-'));
    const frame = await startFrame({ env: { FRAME_DATA_DIR: dir, ...FREE_PORTS }, argv: [], defaultDataDir: '/x', logger: silentLogger });
    running.push(frame);
    expect(frame.getSnapshot().gallery).toMatchObject({ items: [], lastError: NOT_CONFIGURED });
  });

  it('refuses a bad setting with a ConfigError', async () => {
    await expect(startFrame({ env: { FRAME_POLL_SECONDS: 'often' }, argv: [], defaultDataDir: '/tmp', logger: silentLogger })).rejects.toBeInstanceOf(ConfigError);
  });

  it('demo mode serves a generated project through the same client', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'frame-core-'));
    const frame = await startFrame({ env: { FRAME_DATA_DIR: dir, ...FREE_PORTS }, argv: ['--demo'], defaultDataDir: '/x', logger: silentLogger });
    running.push(frame);
    await frame.sync!.whenIdle();
    const items = frame.getSnapshot().gallery.items;
    expect(items.length).toBeGreaterThanOrEqual(12);
    const media = await frame.fetchMedia({ fileId: items[0]!.image!.id, width: 1920, height: 1080, fit: 'fit' });
    expect(media.status).toBe(200);
    expect(media.headers.get('content-type')).toBe('image/png');
    expect(pngSize(new Uint8Array(await media.arrayBuffer()))).toEqual({ width: 1620, height: 1080 });
    expect(frame.demoWix!.mediaRequests.at(-1)).toMatch(/\/v1\/fit\/w_1920,h_1080,al_c,q_85,enc_auto\//);
  });
});

describe('problems in words', () => {
  it('a failing screen switch is said in the snapshot with the field that fixes it', async () => {
    const { wix, dir } = await wixAndDir();
    const env = frameEnvFor(wix.url, { FRAME_DATA_DIR: dir });
    const frame = await startFrame({ env, argv: [], defaultDataDir: dir, logger: silentLogger, switchScreen: async () => ({ ok: false, detail: 'wlopm: not found' }) });
    running.push(frame);
    await frame.sync!.whenIdle();
    expect(frame.getSnapshot().status.problems).toEqual([]);
    const pushed: string[][] = [];
    frame.onSnapshot((s) => pushed.push(s.status.problems.map((p) => p.area)));
    await frame.settings.saveSettings({ screenMode: 'off' });
    const [problem] = frame.getSnapshot().status.problems;
    expect(problem).toMatchObject({ area: 'screen', field: 'screenPower', message: 'The screen could not be switched: switching it off with wlopm failed (wlopm: not found).' });
    expect(pushed.at(-1)).toEqual(['screen']);
  });

  it('Wix failing is said with what still works', async () => {
    const { wix, dir } = await wixAndDir();
    const frame = await start(wix, dir);
    await frame.sync!.whenIdle();
    wix.failNext({ kind: 'status', status: 401 }, 5);
    await frame.sync!.syncNow().catch(() => undefined);
    const [problem] = frame.getSnapshot().status.problems;
    expect(problem).toMatchObject({ area: 'wix', field: 'apiKey', message: expect.stringMatching(/^Wix refused the credentials \(HTTP 401\): check the API key and the site ID\. The show goes on with the photos it has\.$/) });
    expect(problem!.since).not.toBeNull();
  });
});

describe('screen off by hand or by schedule', () => {
  it('pauses polling while off and syncs afresh when on again', async () => {
    const { wix, dir } = await wixAndDir();
    const commands: string[] = [];
    const env = frameEnvFor(wix.url, { FRAME_DATA_DIR: dir });
    const frame = await startFrame({ env, argv: [], defaultDataDir: dir, logger: silentLogger, switchScreen: async (method, state) => (commands.push(`${method} ${state}`), { ok: true, detail: '' }) });
    running.push(frame);
    await frame.sync!.whenIdle();
    await frame.settings.saveSettings({ screenMode: 'off' });
    expect(commands).toEqual(['wlopm off']);
    expect(frame.getSnapshot().status.screen).toBe('off');
    await new Promise((r) => setTimeout(r, 20));
    expect(frame.sync).toBeNull();
    const requests = wix.apiRequestCount();
    wix.items(PROJECT_A).pop();
    await frame.settings.saveSettings({ screenMode: 'auto' });
    await new Promise((r) => setTimeout(r, 20));
    await frame.sync!.whenIdle();
    expect(commands.at(-1)).toBe('wlopm on');
    expect(wix.apiRequestCount()).toBeGreaterThan(requests);
    expect(frame.getSnapshot().gallery.items).toHaveLength(11);
    expect(frame.health().display).toEqual({ screen: 'on', scheduleEnabled: false, commandError: null });
  });
});

// A frame started on storage a Pi's SD card really fails with: the start
// never fails, the saved gallery shows, photos stream through, /healthz says
// what is wrong, and a save answers 507/503 with the path, never a bare 500.
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeWix } from '../demo/fake-wix';
import { startFrame, type StartedFrame } from '../frame';
import type { HealthReport } from '../frame-types';
import { frameEnvFor, startFakeWix } from '../test-support/fake-wix-fixture';
import { fillUp, mountTmpfs, tmpfsUnavailable, type Tmpfs } from '../test-support/tmpfs';
import { silentLogger } from '../util/logger';
import { startWebServer, type RunningWebServer } from '../web/web-server';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function setup(items = 6): Promise<FakeWix> {
  const wix = await startFakeWix(items);
  cleanup.push(() => wix.stop());
  return wix;
}

async function start(wix: FakeWix, dataDir: string): Promise<{ frame: StartedFrame; web: RunningWebServer }> {
  const frame = await startFrame({ env: frameEnvFor(wix.url, { FRAME_DATA_DIR: dataDir }), argv: [], defaultDataDir: dataDir, logger: silentLogger });
  cleanup.push(() => frame.stop());
  const rendererDir = await mkdtemp(join(tmpdir(), 'frame-renderer-'));
  const web = await startWebServer({ frame, rendererDir, host: '127.0.0.1', port: 0, adminToken: null, dataDir, logger: silentLogger });
  cleanup.push(() => web.close());
  return { frame, web };
}

const healthz = async (web: RunningWebServer) => (await (await fetch(`${web.url}/healthz`)).json()) as HealthReport;
const save = (web: RunningWebServer, patch: object) => fetch(`${web.url}/api/settings`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(patch) });

/** A first run on a good disk: settings saved, gallery synced, photos cached. */
async function firstRun(wix: FakeWix, dataDir: string): Promise<void> {
  const { frame, web } = await start(wix, dataDir);
  await frame.sync!.whenIdle();
  expect((await save(web, { slideSeconds: 9 })).status).toBe(200);
  for (const item of frame.getSnapshot().gallery.items.slice(0, 2)) await (await fetch(`${web.url}/media/${item.image!.id}?w=640&h=360&fit=fit`)).arrayBuffer();
  // The prefetch of the next photos lands before the card fails.
  for (let tries = 0; tries < 100 && (frame.cache.count < 5 || (await readdir(join(dataDir, 'media-cache'))).some((n) => n.endsWith('.part'))); tries++) await new Promise((r) => setTimeout(r, 20));
  expect(frame.cache.count).toBe(5);
  await frame.stop();
  await web.close();
}

async function filesOf(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of await readdir(dir, { recursive: true })) out[name] = await readFile(join(dir, name), 'utf8').catch(() => '<dir>');
  return out;
}

/** A PNG as the fake Wix draws its photos. */
const isPng = (bytes: ArrayBuffer) => Buffer.from(bytes).subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

describe('storage faults at start and on write', () => {
  it('a data dir that is missing and cannot be made: the frame starts, streams photos, and /healthz says why', async () => {
    const wix = await setup();
    const blocker = join(await mkdtemp(join(tmpdir(), 'frame-missing-')), 'a-file');
    await writeFile(blocker, 'not a folder');
    const dataDir = join(blocker, 'frame');
    const { frame, web } = await start(wix, dataDir);
    await frame.sync!.whenIdle();
    expect(frame.getSnapshot().gallery.items).toHaveLength(6);
    const health = await healthz(web);
    expect(health.ok).toBe(false);
    expect(health.storage).toMatchObject({ ok: false, fault: 'missing', path: dataDir, problem: expect.stringContaining(`The data folder ${dataDir} is missing`) });
    const photo = await fetch(`${web.url}/media/${frame.getSnapshot().gallery.items[0]!.image!.id}?w=640&h=360&fit=fit`);
    expect(photo.status).toBe(200);
    expect(isPng(await photo.arrayBuffer())).toBe(true);
    const refused = await save(web, { slideSeconds: 5 });
    expect(refused.status).toBe(503);
    expect(await refused.json()).toEqual({ error: 'the data folder is missing', path: expect.stringContaining(dataDir) });
  });

  it.skipIf(tmpfsUnavailable)(`read-only card (tmpfs remounted ro): saved gallery shows with Wix down, photos stream, save is 503 with the path, files untouched${tmpfsUnavailable ? ` [skipped: ${tmpfsUnavailable}]` : ''}`, async () => {
    const wix = await setup();
    const card: Tmpfs = mountTmpfs(4 * 1024 * 1024);
    cleanup.push(() => card.unmount());
    await firstRun(wix, card.dir);
    await writeFile(join(card.dir, 'media-cache', 'leftover.png.part'), 'half');
    const before = await filesOf(card.dir);
    card.readOnly();
    wix.down = { kind: 'status', status: 503 };
    const { frame, web } = await start(wix, card.dir);
    // The saved gallery, before any sync could answer.
    expect(frame.getSnapshot().gallery.items).toHaveLength(6);
    expect(frame.settings.effective().slideSeconds).toBe(9);
    const health = await healthz(web);
    expect(health.storage).toMatchObject({ ok: false, fault: 'read-only', problem: expect.stringMatching(/^The SD card has turned read-only/) });
    const items = frame.getSnapshot().gallery.items;
    const cached = await fetch(`${web.url}/media/${items[0]!.image!.id}?w=640&h=360&fit=fit`);
    expect(cached.status).toBe(200);
    wix.down = null;
    const streamed = await fetch(`${web.url}/media/${items[5]!.image!.id}?w=640&h=360&fit=fit`);
    expect(streamed.status).toBe(200);
    expect(isPng(await streamed.arrayBuffer())).toBe(true);
    const refused = await save(web, { slideSeconds: 5 });
    expect(refused.status).toBe(503);
    expect(await refused.json()).toEqual({ error: 'the data folder is read-only', path: expect.stringContaining(card.dir) });
    expect(frame.settings.effective().slideSeconds).toBe(9);
    expect(Object.keys(await filesOf(card.dir)).sort()).toEqual(Object.keys(before).sort());
    expect(await filesOf(card.dir)).toEqual(before);
  });

  it.skipIf(tmpfsUnavailable)(`full card (a tiny tmpfs filled up): photos stream through, a save is 507 with the path, nothing saved is lost${tmpfsUnavailable ? ` [skipped: ${tmpfsUnavailable}]` : ''}`, async () => {
    const wix = await setup();
    const card: Tmpfs = mountTmpfs(2 * 1024 * 1024);
    cleanup.push(() => card.unmount());
    await firstRun(wix, card.dir);
    fillUp(card.dir);
    const { frame, web } = await start(wix, card.dir);
    expect(frame.getSnapshot().gallery.items).toHaveLength(6);
    const health = await healthz(web);
    expect(health.storage).toMatchObject({ ok: false, fault: 'full', problem: "The SD card is full: new photos can't be saved, the show goes on with the ones it has." });
    // The show's status line and the settings screen get the same words.
    expect(frame.getSnapshot().status.problems).toContainEqual(expect.objectContaining({ area: 'storage', message: "The SD card is full: new photos can't be saved, the show goes on with the ones it has." }));
    const streamed = await fetch(`${web.url}/media/${frame.getSnapshot().gallery.items[4]!.image!.id}?w=640&h=360&fit=fit`);
    expect(streamed.status).toBe(200);
    expect(isPng(await streamed.arrayBuffer())).toBe(true);
    const refused = await save(web, { slideSeconds: 5 });
    expect(refused.status).toBe(507);
    expect(await refused.json()).toEqual({ error: 'the disk is full', path: expect.stringContaining(card.dir) });
    const names = await readdir(card.dir, { recursive: true });
    expect(names.filter((n) => n.endsWith('.part') || n.endsWith('.tmp'))).toEqual([]);
    expect(JSON.parse(await readFile(join(card.dir, 'settings.json'), 'utf8'))).toMatchObject({ slideSeconds: 9 });
  });
});

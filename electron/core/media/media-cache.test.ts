import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MediaRequest } from '../../../shared/media';
import type { FakeWix } from '../demo/fake-wix';
import { startFakeWix } from '../test-support/fake-wix-fixture';
import { silentLogger } from '../util/logger';
import { floorBytes } from '../storage/disk-space';
import { StorageHealth } from '../storage/storage-health';
import { fillUp, mountTmpfs, tmpfsUnavailable, type Tmpfs } from '../test-support/tmpfs';
import { MediaCache } from './media-cache';
import { createMediaProxy } from './media-proxy';

let wix: FakeWix;
let dir: string;
beforeEach(async () => {
  wix = await startFakeWix(0);
  dir = await mkdtemp(join(tmpdir(), 'frame-cache-'));
});
afterEach(async () => wix.stop());

const req = (fileId: string, width = 640, height = 360): MediaRequest => ({ fileId, width, height, fit: 'fit' });

function cache(capBytes = 10_000_000, mediaBaseUrl = wix.url, now?: () => number) {
  return new MediaCache({ dir, capBytes, fetchUpstream: createMediaProxy({ mediaBaseUrl, timeoutMs: 2000 }), logger: silentLogger, ...(now ? { now } : {}) });
}

/** A PNG as the fake Wix draws its photos. */
const isPng = (bytes: ArrayBuffer) => Buffer.from(bytes).subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

describe('MediaCache', () => {
  it('downloads once for concurrent requests and serves later ones from disk', async () => {
    const c = cache();
    await c.open();
    const responses = await Promise.all([c.get(req('a~mv2.jpg')), c.get(req('a~mv2.jpg')), c.get(req('a~mv2.jpg'))]);
    const bodies = await Promise.all(responses.map(async (r) => Buffer.from(await r.arrayBuffer()).toString('base64')));
    expect(new Set(bodies).size).toBe(1);
    expect(responses[0]!.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(bodies[0]!, 'base64').subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(wix.mediaRequests).toHaveLength(1);
    await (await c.get(req('a~mv2.jpg'))).text();
    expect(wix.mediaRequests).toHaveLength(1);
    expect(await readdir(dir)).toEqual(['a~mv2.jpg__fit_640x360.png']);
  });

  it('keeps serving cached photos offline and after a restart', async () => {
    const c = cache();
    await c.open();
    await (await c.get(req('b~mv2.jpg'))).text();
    await wix.stop();
    const restarted = cache();
    await restarted.open();
    const response = await restarted.get(req('b~mv2.jpg'));
    expect(response.status).toBe(200);
    expect((await response.text()).slice(1, 4)).toBe('PNG');
    const missing = await restarted.get(req('never-seen~mv2.jpg'));
    expect(missing.status).toBe(502);
    wix = await startFakeWix(0); // for afterEach
  });

  it('a truncated download is never served, and is retried next time', async () => {
    const responses = [
      () => new Response('PNG half', { headers: { 'content-type': 'image/png', 'content-length': '5000' } }),
      () => new Response('PNG whole', { headers: { 'content-type': 'image/png' } }),
    ];
    let calls = 0;
    const c = new MediaCache({ dir, capBytes: 1e6, fetchUpstream: async () => responses[calls++]!(), logger: silentLogger });
    await c.open();
    expect((await c.get(req('t~mv2.jpg'))).status).toBe(502);
    expect(await readdir(dir)).toEqual([]);
    expect(await (await c.get(req('t~mv2.jpg'))).text()).toBe('PNG whole');
  });

  it('an error from Wix is passed on, not cached', async () => {
    const c = new MediaCache({ dir, capBytes: 1e6, fetchUpstream: async () => new Response('gone', { status: 404 }), logger: silentLogger });
    await c.open();
    expect((await c.get(req('x~mv2.jpg'))).status).toBe(404);
    expect(c.count).toBe(0);
  });

  it('leftover .part files from a crash are removed at open', async () => {
    await writeFile(join(dir, 'p~mv2.jpg__fit_640x360.png.part'), 'partial');
    const c = cache();
    await c.open();
    expect(await readdir(dir)).toEqual([]);
    expect(c.count).toBe(0);
  });

  it('evicts the least recently shown when over the cap', async () => {
    let clock = 1_000_000;
    const c = cache(2_500, wix.url, () => clock++);
    await c.open();
    for (const id of ['one', 'two', 'three']) await (await c.get(req(`${id}~mv2.jpg`, 100, 100))).text();
    // "one" is shown again, so "two" is now the least recently shown.
    await (await c.get(req('one~mv2.jpg', 100, 100))).text();
    for (const id of ['four', 'five']) await (await c.get(req(`${id}~mv2.jpg`, 100, 100))).text();
    expect(c.bytes).toBeLessThanOrEqual(2_500);
    expect(c.has(req('two~mv2.jpg', 100, 100))).toBe(false);
    expect(c.has(req('five~mv2.jpg', 100, 100))).toBe(true);
    expect(c.stats.evictions).toBeGreaterThan(0);
  });

  it('photos no longer in the gallery leave the cache', async () => {
    const c = cache();
    await c.open();
    for (const id of ['keep~mv2.jpg', 'gone~mv2.jpg']) await (await c.get(req(id))).text();
    await (await c.get(req('keep~mv2.jpg', 1920, 1080))).text();
    await c.retainOnly(new Set(['keep~mv2.jpg']));
    expect((await readdir(dir)).sort()).toEqual(['keep~mv2.jpg__fit_1920x1080.png', 'keep~mv2.jpg__fit_640x360.png']);
  });

  it('refuses SVG, HTML and unknown types, and drops SVGs an older version kept', async () => {
    await writeFile(join(dir, 'old~mv2.jpg__fit_640x360.svg'), '<svg onload="alert(1)"/>');
    const bodies: [string, string][] = [
      ['image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
      ['text/html', '<script>alert(1)</script>'],
      ['application/octet-stream', 'x'],
      ['', 'x'],
      ['constructor', 'x'],
    ];
    let call = 0;
    const fetchUpstream = async () => {
      const [type, body] = bodies[call++]!;
      return new Response(new Blob([body]).stream(), { headers: type ? { 'content-type': type } : {} });
    };
    const c = new MediaCache({ dir, capBytes: 1e6, fetchUpstream, logger: silentLogger });
    await c.open();
    expect(await readdir(dir)).toEqual([]);
    for (const [type] of bodies) {
      const response = await c.get(req(`s~mv2.jpg`));
      expect(response.status, type).toBe(502);
      expect(response.headers.get('content-type'), type).not.toMatch(/svg|html/);
    }
    expect(await readdir(dir)).toEqual([]);
  });

  it('streams to disk and refuses more than the cap, declared or not, leaving no .part', async () => {
    const logger = { ...silentLogger, warn: (m: string) => warnings.push(m) };
    const warnings: string[] = [];
    const chunks = (count: number) =>
      new ReadableStream<Uint8Array>({
        pull(controller) {
          if (count-- <= 0) controller.close();
          else controller.enqueue(new Uint8Array(64 * 1024));
        },
      });
    const upstream: (() => Response)[] = [
      () => new Response(chunks(20), { headers: { 'content-type': 'video/mp4', 'content-length': String(20 * 64 * 1024) } }),
      () => new Response(chunks(20), { headers: { 'content-type': 'video/mp4' } }),
      () => new Response(chunks(20), { headers: { 'content-type': 'image/jpeg' } }),
      () => new Response(chunks(4), { headers: { 'content-type': 'video/mp4' } }),
    ];
    let call = 0;
    const c = new MediaCache({ dir, capBytes: 1e9, fetchUpstream: async () => upstream[call++]!(), logger, maxVideoBytes: 512 * 1024, maxImageBytes: 256 * 1024 });
    await c.open();
    for (const id of ['declared', 'undeclared', 'photo']) {
      expect((await c.get(req(`${id}~mv2.jpg`))).status, id).toBe(502);
      expect(await readdir(dir), id).toEqual([]);
    }
    expect(warnings.join('\n')).toMatch(/too large/);
    const small = await c.get(req('small~mv2.jpg'));
    expect(small.status).toBe(200);
    expect((await small.arrayBuffer()).byteLength).toBe(4 * 64 * 1024);
    expect(c.count).toBe(1);
  });

  it('a body cut off mid-stream leaves no .part and is retried next time', async () => {
    let call = 0;
    const c = new MediaCache({
      dir,
      capBytes: 1e6,
      logger: silentLogger,
      fetchUpstream: async () => {
        if (call++ > 0) return new Response('PNG whole', { headers: { 'content-type': 'image/png' } });
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('PNG part'));
            setTimeout(() => controller.error(new Error('connection reset')), 10);
          },
        });
        return new Response(body, { headers: { 'content-type': 'image/png' } });
      },
    });
    await c.open();
    expect((await c.get(req('cut~mv2.jpg'))).status).toBe(502);
    expect(await readdir(dir)).toEqual([]);
    expect(await (await c.get(req('cut~mv2.jpg'))).text()).toBe('PNG whole');
  });
});

describe('MediaCache when storage fails', () => {
  const GB = 1024 ** 3;
  let mounted: Tmpfs | null = null;
  afterEach(() => {
    mounted?.unmount();
    mounted = null;
  });

  function withHealth(cacheDir: string, capBytes = 10_000_000, diskSpace?: () => Promise<{ freeBytes: number; totalBytes: number }>) {
    const storage = new StorageHealth({ dataDir: join(cacheDir, '..'), logger: silentLogger, recheckMs: 60_000 });
    const c = new MediaCache({ dir: cacheDir, capBytes, fetchUpstream: createMediaProxy({ mediaBaseUrl: wix.url, timeoutMs: 2000 }), logger: silentLogger, storage, ...(diskSpace ? { diskSpace } : {}) });
    return { c, storage };
  }

  it('keeps the free-space floor: least recently shown photos leave before a write', async () => {
    let clock = 1;
    // A disk where only the cache grows; once two photos are in, it has room for no more above the floor.
    let room = 1e6;
    const diskSpace = async () => ({ totalBytes: 10 * GB, freeBytes: floorBytes(10 * GB) + room - c.bytes });
    const storage = new StorageHealth({ dataDir: dir, logger: silentLogger });
    const c = new MediaCache({ dir, capBytes: 1e9, fetchUpstream: createMediaProxy({ mediaBaseUrl: wix.url, timeoutMs: 2000 }), logger: silentLogger, storage, diskSpace, now: () => clock++ });
    await c.open();
    for (const id of ['one', 'two']) await (await c.get(req(`${id}~mv2.jpg`, 100, 100))).text();
    room = c.bytes + 10;
    await (await c.get(req('one~mv2.jpg', 100, 100))).text(); // "two" is now the least recently shown
    await (await c.get(req('three~mv2.jpg', 100, 100))).text();
    expect(c.has(req('two~mv2.jpg', 100, 100))).toBe(false);
    expect(c.has(req('one~mv2.jpg', 100, 100))).toBe(true);
    expect(c.has(req('three~mv2.jpg', 100, 100))).toBe(true);
    expect(c.stats.evictions).toBe(1);
    expect(storage.status.ok).toBe(true);
  });

  it('a disk below the floor even without the cache: photos stream through, nothing is written, storage says full', async () => {
    const diskSpace = async () => ({ totalBytes: 10 * GB, freeBytes: 1_000 });
    const { c, storage } = withHealth(join(dir, 'media-cache'), 1e9, diskSpace);
    await c.open();
    const response = await c.get(req('f~mv2.jpg'));
    expect(response.status).toBe(200);
    expect(isPng(await response.arrayBuffer())).toBe(true);
    expect(await readdir(join(dir, 'media-cache'))).toEqual([]);
    expect(storage.status.problem).toMatchObject({ fault: 'full', message: "The SD card is full: new photos can't be saved, the show goes on with the ones it has." });
    expect(c.stats.uncached).toBe(1);
    // While the disk is full, later photos go straight through without trying to write.
    expect((await c.get(req('g~mv2.jpg'))).status).toBe(200);
    expect(c.stats.uncached).toBe(2);
    expect(c.count).toBe(0);
  });

  it('a missing cache folder that cannot be made never stops open(): photos stream through', async () => {
    // A file where the data dir's folder should be: mkdir fails with ENOTDIR/EEXIST, as on a broken card.
    await writeFile(join(dir, 'blocked'), 'not a folder');
    const { c } = withHealth(join(dir, 'blocked', 'media-cache'));
    await c.open();
    expect(c.writable).toBe(false);
    const response = await c.get(req('m~mv2.jpg'));
    expect(response.status).toBe(200);
    expect(isPng(await response.arrayBuffer())).toBe(true);
    expect(wix.mediaRequests).toHaveLength(1);
  });

  it.skipIf(tmpfsUnavailable)(`a full disk (a real tmpfs): the write fails, no .part is left, the photo is still shown${tmpfsUnavailable ? ` [skipped: ${tmpfsUnavailable}]` : ''}`, async () => {
    mounted = mountTmpfs(256 * 1024);
    const cacheDir = join(mounted.dir, 'media-cache');
    await mkdir(cacheDir);
    fillUp(mounted.dir);
    // The floor would already refuse; a disk that says it has room shows the write failing for real.
    const { c, storage } = withHealth(cacheDir, 1e9, async () => ({ totalBytes: 10 * GB, freeBytes: 10 * GB }));
    await c.open();
    const response = await c.get(req('full~mv2.jpg'));
    expect(response.status).toBe(200);
    expect(isPng(await response.arrayBuffer())).toBe(true);
    expect(await readdir(cacheDir)).toEqual([]);
    expect(storage.status.problem?.fault).toBe('full');
  });

  it.skipIf(tmpfsUnavailable)(`a read-only card (a real tmpfs): cached photos are served, leftovers stay, new ones stream through${tmpfsUnavailable ? ` [skipped: ${tmpfsUnavailable}]` : ''}`, async () => {
    mounted = mountTmpfs(1024 * 1024);
    const cacheDir = join(mounted.dir, 'media-cache');
    const first = withHealth(cacheDir);
    await first.c.open();
    await (await first.c.get(req('kept~mv2.jpg'))).text();
    await writeFile(join(cacheDir, 'cut~mv2.jpg__fit_640x360.png.part'), 'half');
    mounted.readOnly();
    const { c, storage } = withHealth(cacheDir);
    await c.open(); // EROFS on the leftover .part: reported, not thrown
    expect(storage.status.problem?.fault).toBe('read-only');
    expect(c.count).toBe(1);
    const cached = await c.get(req('kept~mv2.jpg'));
    expect(cached.status).toBe(200);
    expect(isPng(await cached.arrayBuffer())).toBe(true);
    const fresh = await c.get(req('new~mv2.jpg'));
    expect(fresh.status).toBe(200);
    expect(isPng(await fresh.arrayBuffer())).toBe(true);
    expect((await readdir(cacheDir)).sort()).toEqual(['cut~mv2.jpg__fit_640x360.png.part', 'kept~mv2.jpg__fit_640x360.png']);
  });
});

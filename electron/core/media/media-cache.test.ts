import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MediaRequest } from '../../../shared/media';
import type { FakeWix } from '../demo/fake-wix';
import { startFakeWix } from '../test-support/fake-wix-fixture';
import { silentLogger } from '../util/logger';
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

describe('MediaCache', () => {
  it('downloads once for concurrent requests and serves later ones from disk', async () => {
    const c = cache();
    await c.open();
    const responses = await Promise.all([c.get(req('a~mv2.jpg')), c.get(req('a~mv2.jpg')), c.get(req('a~mv2.jpg'))]);
    const bodies = await Promise.all(responses.map((r) => r.text()));
    expect(new Set(bodies).size).toBe(1);
    expect(bodies[0]).toContain('<svg');
    expect(wix.mediaRequests).toHaveLength(1);
    await (await c.get(req('a~mv2.jpg'))).text();
    expect(wix.mediaRequests).toHaveLength(1);
    expect(await readdir(dir)).toEqual(['a~mv2.jpg__fit_640x360.svg']);
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
    expect(await response.text()).toContain('<svg');
    const missing = await restarted.get(req('never-seen~mv2.jpg'));
    expect(missing.status).toBe(502);
    wix = await startFakeWix(0); // for afterEach
  });

  it('a truncated download is never served, and is retried next time', async () => {
    const responses = [
      () => new Response('<svg>half', { headers: { 'content-type': 'image/svg+xml', 'content-length': '5000' } }),
      () => new Response('<svg>whole</svg>', { headers: { 'content-type': 'image/svg+xml' } }),
    ];
    let calls = 0;
    const c = new MediaCache({ dir, capBytes: 1e6, fetchUpstream: async () => responses[calls++]!(), logger: silentLogger });
    await c.open();
    expect((await c.get(req('t~mv2.jpg'))).status).toBe(502);
    expect(await readdir(dir)).toEqual([]);
    expect(await (await c.get(req('t~mv2.jpg'))).text()).toBe('<svg>whole</svg>');
  });

  it('an error from Wix is passed on, not cached', async () => {
    const c = new MediaCache({ dir, capBytes: 1e6, fetchUpstream: async () => new Response('gone', { status: 404 }), logger: silentLogger });
    await c.open();
    expect((await c.get(req('x~mv2.jpg'))).status).toBe(404);
    expect(c.count).toBe(0);
  });

  it('leftover .part files from a crash are removed at open', async () => {
    await writeFile(join(dir, 'p~mv2.jpg__fit_640x360.svg.part'), 'partial');
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
    expect((await readdir(dir)).sort()).toEqual(['keep~mv2.jpg__fit_1920x1080.svg', 'keep~mv2.jpg__fit_640x360.svg']);
  });
});

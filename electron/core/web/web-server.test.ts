import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeWix } from '../demo/fake-wix';
import { pngSize } from '../demo/png';
import { startFrame, type StartedFrame } from '../frame';
import { PROJECT_A, PROJECT_B, frameEnvFor, startFakeWix } from '../test-support/fake-wix-fixture';
import { rawRequest } from '../test-support/raw-http';
import { silentLogger } from '../util/logger';
import { contentSecurityPolicy } from './csp';
import type { PublicState } from './public-state';
import { startWebServer, type RunningWebServer } from './web-server';

let wix: FakeWix;
let frame: StartedFrame;
let web: RunningWebServer;

beforeEach(async () => {
  wix = await startFakeWix(4);
  const dir = await mkdtemp(join(tmpdir(), 'frame-web-'));
  const rendererDir = join(dir, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Frame</title>');
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  const env = frameEnvFor(wix.url, { FRAME_DATA_DIR: dir });
  frame = await startFrame({ env, argv: [], defaultDataDir: dir, logger: silentLogger });
  await frame.sync!.whenIdle();
  web = await startWebServer({ frame, rendererDir, host: '127.0.0.1', port: 0, adminToken: null, dataDir: dir, logger: silentLogger });
});

afterEach(async () => {
  await web.close();
  await frame.stop();
  await wix.stop();
});

/** Reads SSE events until `count` snapshot events arrived. */
async function readEvents(count: number, act: () => Promise<void>): Promise<{ gallery: { items: unknown[] } }[]> {
  const controller = new AbortController();
  const response = await fetch(`${web.url}/api/events`, { signal: controller.signal });
  expect(response.headers.get('content-type')).toBe('text/event-stream');
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const events: { gallery: { items: unknown[] } }[] = [];
  let buffer = '';
  let acted = false;
  while (events.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block.split('\n').find((l) => l.startsWith('data: '));
      if (block.includes('event: snapshot') && data) events.push(JSON.parse(data.slice(6)));
    }
    if (!acted && events.length > 0) {
      acted = true;
      await act();
    }
  }
  controller.abort();
  return events;
}

describe('web shell server', () => {
  it('GET /api/state follows the runtime contract', async () => {
    const state = (await (await fetch(`${web.url}/api/state`)).json()) as PublicState;
    expect(Object.keys(state).sort()).toEqual(['items', 'lastError', 'projectId', 'syncedAt']);
    expect(state.projectId).toBe(PROJECT_A);
    expect(state.items).toHaveLength(4);
    expect(Object.keys(state.items[0]!).sort()).toEqual(['id', 'sortOrder', 'title', 'type', 'updatedDate']);
    expect(state.lastError).toBeNull();
  });

  it('GET /healthz reports sync state', async () => {
    const response = await fetch(`${web.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, items: 4, projectId: PROJECT_A });
  });

  it('SSE pushes the snapshot on connect and on every change', async () => {
    const events = await readEvents(2, async () => {
      wix.items(PROJECT_A).pop();
      await frame.sync!.syncNow();
    });
    expect(events.map((e) => e.gallery.items.length)).toEqual([4, 3]);
  });

  it('serves media resized by Wix, never the original', async () => {
    const fileId = frame.getSnapshot().gallery.items[0]!.image!.id;
    const response = await fetch(`${web.url}/media/${encodeURIComponent(fileId)}?w=800&h=480&fit=fill`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(pngSize(new Uint8Array(await response.arrayBuffer()))).toEqual({ width: 800, height: 480 });
    expect(wix.mediaRequests[0]).toBe(`/media/${fileId}/v1/fill/w_800,h_480,al_c,q_85,enc_auto/${fileId}`);
    // The next photos are prefetched at the same size; nothing asks for an original.
    await expect.poll(() => wix.mediaRequests.length).toBe(4);
    for (const path of wix.mediaRequests) expect(path).toMatch(/\/v1\/fill\/w_800,h_480,/);
  });

  it('refuses bad media requests, other methods and unknown API paths', async () => {
    for (const bad of ['/media/x~mv2.jpg', '/media/x~mv2.jpg?w=99999&h=1&fit=fit', '/media/..%2Fsecret?w=1&h=1&fit=fit', '/media/a?w=1&h=1&fit=stretch']) {
      expect((await fetch(web.url + bad)).status, bad).toBe(400);
    }
    expect((await fetch(`${web.url}/api/state`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(405);
    expect((await fetch(`${web.url}/api/nothing`)).status).toBe(404);
    expect((await fetch(`${web.url}/../../etc/passwd.txt`)).status).toBe(404);
  });

  it('serves the renderer and answers app routes with index.html', async () => {
    for (const path of ['/', '/settings']) {
      const response = await fetch(web.url + path);
      expect(response.headers.get('content-type')).toMatch(/text\/html/);
      expect(await response.text()).toContain('<title>Frame</title>');
      // The page asks for its snapshot with itself (fetched as web-bridge.ts fetches it).
      expect(response.headers.get('link')).toBe('</api/snapshot>; rel=preload; as=fetch; crossorigin');
    }
    const asset = await fetch(`${web.url}/assets/app.js`);
    expect(asset.headers.get('cache-control')).toMatch(/immutable/);
    expect(asset.headers.get('link')).toBeNull();
  });
});

describe('video', () => {
  it('serves the rendition for the screen from the cache, with Range', async () => {
    const video = Buffer.from('0123456789'.repeat(100));
    wix.videoFiles.set('clip-720.webm', { body: video, contentType: 'video/webm' });
    wix.videoFiles.set('clip-1080.webm', { body: Buffer.concat([video, video]), contentType: 'video/webm' });
    const item = {
      id: 'eeeeeeee-0000-4000-8000-00000000000v',
      projectId: PROJECT_A,
      sortOrder: 99,
      title: 'Clip',
      type: 'VIDEO',
      video: {
        videoInfo: {
          id: 'clip-file',
          resolutions: [
            { url: `${wix.url}/video-files/clip-1080.webm`, width: 1920, height: 1080 },
            { url: `${wix.url}/video-files/clip-720.webm`, width: 1280, height: 720 },
          ],
        },
      },
    };
    wix.items(PROJECT_A).push(item as never);
    await frame.sync!.syncNow();
    const full = await fetch(`${web.url}/video/${item.id}?h=700`);
    expect(full.status).toBe(200);
    expect(full.headers.get('content-type')).toBe('video/webm');
    expect(Buffer.from(await full.arrayBuffer()).equals(video)).toBe(true);
    const part = await fetch(`${web.url}/video/${item.id}?h=700`, { headers: { range: 'bytes=10-19' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 10-19/${video.length}`);
    expect(await part.text()).toBe('0123456789');
    expect(wix.mediaRequests.filter((p) => p.startsWith('/video-files/'))).toEqual(['/video-files/clip-720.webm']);
    expect((await fetch(`${web.url}/video/nope?h=700`)).status).toBe(404);
    expect((await fetch(`${web.url}/video/${item.id}`)).status).toBe(400);
  });
});

describe('gate and headers', () => {
  const port = () => new URL(web.url).port;

  it('refuses a foreign Host before any handler: nothing read, nothing changed', async () => {
    const before = await frame.settings.getSettings();
    const foreign = { host: `evil.example:${port()}` };
    const write = await rawRequest(`${web.url}/api/settings`, { method: 'PUT', headers: { ...foreign, 'content-type': 'application/json' }, body: JSON.stringify({ slideSeconds: 99, screenMode: 'off' }) });
    expect(write.status).toBe(421);
    expect(write.body.trim().split('\n')).toHaveLength(1);
    for (const path of ['/api/settings', '/api/state', '/api/snapshot', '/healthz', '/', '/api/admin-token']) {
      const read = await rawRequest(web.url + path, { headers: foreign });
      expect(read.status, path).toBe(421);
      expect(read.body, path).not.toContain(PROJECT_A);
    }
    expect(await frame.settings.getSettings()).toEqual(before);
  });

  it('refuses cross-origin and non-JSON writes', async () => {
    const host = { host: `127.0.0.1:${port()}` };
    const body = JSON.stringify({ slideSeconds: 99 });
    expect((await rawRequest(`${web.url}/api/settings`, { method: 'PUT', headers: { ...host, 'content-type': 'application/json', origin: 'http://evil.example' }, body })).status).toBe(403);
    expect((await rawRequest(`${web.url}/api/settings`, { method: 'PUT', headers: { ...host, 'content-type': 'text/plain' }, body })).status).toBe(415);
    expect(frame.getSnapshot().display.slideSeconds).toBe(15);
    const own = await rawRequest(`${web.url}/api/settings`, { method: 'PUT', headers: { ...host, 'content-type': 'application/json', origin: `http://127.0.0.1:${port()}` }, body });
    expect(own.status).toBe(200);
    expect(frame.getSnapshot().display.slideSeconds).toBe(99);
  });

  it('sends the renderer’s CSP, no framing, nosniff and no referrer on pages, API answers and refusals', async () => {
    for (const response of [await fetch(`${web.url}/`), await fetch(`${web.url}/api/state`), await rawRequest(`${web.url}/`, { headers: { host: 'evil.example' } })]) {
      const header = (name: string) => (response instanceof Response ? response.headers.get(name) : response.headers[name]);
      expect(header('content-security-policy')).toBe(contentSecurityPolicy());
      expect(header('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(header('x-content-type-options')).toBe('nosniff');
      expect(header('referrer-policy')).toBe('no-referrer');
    }
  });
});

describe('media is only what the gallery shows', () => {
  const media = (fileId: string, size = 'w=320&h=200&fit=fit') => fetch(`${web.url}/media/${encodeURIComponent(fileId)}?${size}`);

  it('refuses made-up ids without a download or a cache file', async () => {
    const before = frame.cache.count;
    for (let i = 0; i < 20; i++) expect((await media(`made-up-${i}~mv2.jpg`)).status).toBe(404);
    expect(wix.mediaRequests).toEqual([]);
    expect(frame.cache.count).toBe(before);
  });

  it('serves the gallery’s photos with nosniff and a sandboxing CSP', async () => {
    const response = await media(frame.getSnapshot().gallery.items[0]!.image!.id);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
    expect((await media('made-up~mv2.jpg')).headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
  });

  it('serves the covers the project picker offered, and only after it offered them', async () => {
    const cover = 'cover-of-garden~mv2.jpg';
    wix.projects.get(PROJECT_B)!.coverFileId = cover;
    expect((await media(cover)).status).toBe(404);
    const listed = await frame.settings.listProjects('');
    expect(listed.ok && listed.projects.map((p) => p.coverFileId)).toContain(cover);
    expect((await media(cover, 'w=160&h=100&fit=fill')).status).toBe(200);
  });

  it('refuses an SVG from Wix, script and all', async () => {
    const fileId = frame.getSnapshot().gallery.items[1]!.image!.id;
    wix.customMedia.set(fileId, { body: '<svg xmlns="http://www.w3.org/2000/svg"><script>fetch("/api/settings")</script></svg>', contentType: 'image/svg+xml' });
    const response = await media(fileId);
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).not.toMatch(/svg/);
    expect(await response.text()).not.toContain('<script');
  });
});

describe('video addresses', () => {
  it('never fetches a rendition outside Wix’s video and media origins', async () => {
    const internal = await startFakeWix(0); // stands for an internal service: it records every request
    try {
      internal.videoFiles.set('secret.mp4', { body: Buffer.from('internal secret'), contentType: 'video/mp4' });
      const item = {
        id: 'eeeeeeee-0000-4000-8000-0000000000ff',
        projectId: PROJECT_A,
        sortOrder: 100,
        title: 'Evil clip',
        type: 'VIDEO',
        video: { videoInfo: { id: 'evil-clip', resolutions: [{ url: `${internal.url}/video-files/secret.mp4`, width: 1280, height: 720 }] } },
      };
      wix.items(PROJECT_A).push(item as never);
      await frame.sync!.syncNow();
      const response = await fetch(`${web.url}/video/${item.id}?h=720`);
      expect(response.status).toBe(502);
      expect(await response.text()).not.toContain('internal secret');
      expect(internal.mediaRequests).toEqual([]);
    } finally {
      await internal.stop();
    }
  });
});

describe('setup link', () => {
  it('is answered to the frame itself only, and says that loopback keeps phones out', async () => {
    const mine = await fetch(`${web.url}/api/setup-link`);
    expect(await mine.json()).toEqual({ reachable: false, host: '127.0.0.1' });
    const rebound = await rawRequest(`${web.url}/api/setup-link`, { headers: { host: `attacker.example:${new URL(web.url).port}` } });
    expect(rebound.status).toBe(421);
    expect(rebound.body).not.toContain('reachable');
  });

  it('beyond loopback, is the LAN address with the port and the admin token in the fragment', async () => {
    const wide = await startWebServer({ frame, rendererDir: join(tmpdir(), 'none'), host: '0.0.0.0', port: 0, adminToken: 'a-long-admin-token', dataDir: await mkdtemp(join(tmpdir(), 'frame-web-')), logger: silentLogger });
    try {
      const port = new URL(wide.url).port;
      const link = (await (await fetch(`http://127.0.0.1:${port}/api/setup-link`)).json()) as { reachable: boolean; url: string; qr: string[] };
      expect(link.reachable).toBe(true);
      expect(link.url).toMatch(new RegExp(`^http://[^/]+:${port}/settings#token=a-long-admin-token$`));
      expect(link.url).not.toMatch(/127\.0\.0\.1|0\.0\.0\.0/);
      expect(wide.setupLink()).toEqual(link);
      // A name the frame does answer to, but not a loopback one: a proxy or a phone, not the frame itself.
      const viaName = await rawRequest(`http://127.0.0.1:${port}/api/setup-link`, { headers: { host: `${hostname().toLowerCase()}:${port}` } });
      expect(viaName.status).toBe(403);
      expect(viaName.body).not.toContain('a-long-admin-token');
    } finally {
      await wide.close();
    }
  });
});

describe('show controls', () => {
  const post = (path: string, body: unknown = {}, type = 'application/json') => fetch(`${web.url}${path}`, { method: 'POST', headers: { 'content-type': type }, body: JSON.stringify(body) });

  it('sends next and previous to every page as show-command events', async () => {
    const controller = new AbortController();
    const response = await fetch(`${web.url}/api/events`, { signal: controller.signal });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    while (!text.includes('event: snapshot')) text += (await reader.read()).value ?? '';
    expect((await post('/api/show/next')).status).toBe(200);
    expect((await post('/api/show/previous')).status).toBe(200);
    while (!/event: show-command\ndata: "previous"/.test(text)) text += (await reader.read()).value ?? '';
    controller.abort();
    expect(text).toMatch(/event: show-command\ndata: "next"\n\n[\s\S]*event: show-command\ndata: "previous"/);
  });

  it('pauses and resumes through the snapshot', async () => {
    expect(await (await post('/api/show/pause')).json()).toEqual({ ok: true, paused: true });
    expect(frame.getSnapshot().status.paused).toBe(true);
    expect(await (await post('/api/show/resume')).json()).toEqual({ ok: true, paused: false });
    expect(frame.getSnapshot().status.paused).toBe(false);
  });

  it('takes writes as JSON and POST only; unknown commands are refused', async () => {
    expect((await post('/api/show/pause', {}, 'text/plain')).status).toBe(415);
    expect(frame.getSnapshot().status.paused).toBe(false);
    expect((await fetch(`${web.url}/api/show/next`)).status).toBe(405);
    expect((await post('/api/show/explode')).status).toBe(405);
  });

  it('keeps what the renderer reports showing, and answers it', async () => {
    const report = { itemIds: [wix.items(PROJECT_A)[0]!.id], title: 'Photo 1', at: '2026-01-01T00:00:00.000Z' };
    expect((await post('/api/show/showing', report)).status).toBe(204);
    expect((await post('/api/show/showing', { ...report, itemIds: ['../../etc'] })).status).toBe(400);
    expect(await (await fetch(`${web.url}/api/show/showing`)).json()).toEqual({ showing: report, paused: false });
    expect(frame.showing()).toEqual(report);
  });
});

// The security suite (issue 11), end to end against the running web shell in
// Chromium, played as an attacker would: a page that rebinds its own name to
// the frame, another site writing cross-origin, a photo that is really an SVG
// with script, a video address pointing inside the network, a 600 MB video,
// stale and foreign webhooks, and a look for the admin token in every log.
//
// Chromium resolves *.attacker.test to 127.0.0.1 here (--host-resolver-rules),
// which is exactly what DNS rebinding gives an attacker's page: its own name,
// the frame's address. Its pages are served by Playwright (page.route), so
// only the requests those pages make reach the frame. Recent Chromiums block a
// public page's requests to loopback by themselves (Local Network Access);
// other browsers, older Chromiums and kiosk builds do not, and the frame must
// not depend on it, so those checks are off here: what refuses is the frame.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, existsSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportSPKI, generateKeyPair, type CryptoKey } from 'jose';
import type { Page } from '@playwright/test';
import { sampleItem } from '../electron/core/demo/sample-project';
import { rawRequest } from '../electron/core/test-support/raw-http';
import { signWixEvent, type SampleEvent } from '../electron/core/webhook/sign-event';
import { chromiumExecutable } from './support/chromium';
import { PROJECT_A, currentItem, expect, test } from './support/fixtures';
import type { FrameProcess } from './support/frame-process';
import { startRecorder } from './support/recorder';

test.use({
  launchOptions: {
    executablePath: chromiumExecutable(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP *.attacker.test 127.0.0.1',
      '--disable-features=LocalNetworkAccessChecks,PrivateNetworkAccessSendPreflights,PrivateNetworkAccessRespectPreflightResults,BlockInsecurePrivateNetworkRequests',
    ],
  },
});

const JSON_HEADERS = { 'content-type': 'application/json' };
const portOf = (frame: FrameProcess) => new URL(frame.url).port;

/** A fake `wlopm` on PATH that writes down how it was called: the only program the screen switch may run. */
function fakeScreenSwitch(): { env: Record<string, string>; calls: () => string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'frame-bin-'));
  const log = join(dir, 'wlopm.log');
  const script = join(dir, 'wlopm');
  writeFileSync(script, `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\n`);
  chmodSync(script, 0o755);
  return { env: { PATH: `${dir}:${process.env.PATH ?? ''}` }, calls: () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : []) };
}

/** Serves `html` as the attacker's page at `url` (the frame never sees this request) and opens it. */
async function openAttackerPage(page: Page, url: string, html: string): Promise<void> {
  await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
  await page.goto(url);
}

const settingsOf = async (frame: FrameProcess) => (await (await fetch(`${frame.url}/api/settings`)).json()) as Record<string, unknown>;

test('a page rebinding its name to the frame is refused before any handler, and no command ever runs', async ({ page, launchFrame }) => {
  const screen = fakeScreenSwitch();
  const marker = join(mkdtempSync(join(tmpdir(), 'frame-pwned-')), 'x');
  const frame = await launchFrame(screen.env);
  const before = await settingsOf(frame);
  const origin = `http://rebind.attacker.test:${portOf(frame)}`;
  await openAttackerPage(page, `${origin}/`, '<!doctype html><title>cats</title>');

  const results = await page.evaluate(async (marker) => {
    const put = (body: unknown) => fetch('/api/settings', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const read = async (path: string) => {
      const response = await fetch(path);
      return { path, status: response.status, body: await response.text() };
    };
    const write = await put({ screenOffCommand: `id > ${marker}`, screenMode: 'off', screenPower: 'wlopm' });
    return { write: { status: write.status, body: await write.text() }, reads: await Promise.all(['/api/settings', '/api/state', '/api/snapshot', '/api/admin-token', '/healthz', '/settings'].map(read)) };
  }, marker);

  expect(results.write.status).toBe(421);
  expect(results.write.body).toMatch(/^Refused: this frame does not answer to the host name "rebind\.attacker\.test:\d+"/);
  for (const read of results.reads) {
    expect(read.status, read.path).toBe(421);
    expect(read.body, read.path).not.toContain(PROJECT_A);
  }
  expect(existsSync(marker)).toBe(false);
  expect(screen.calls()).toEqual([]);
  expect(await settingsOf(frame)).toEqual(before);
  expect(frame.output.join('\n')).toContain('does not answer to the host name "rebind.attacker.test');

  // The same payload from the frame's own page: there is no command field any more, and the
  // screen is switched only by the named method's fixed program and arguments.
  const own = await fetch(`${frame.url}/api/settings`, { method: 'PUT', headers: JSON_HEADERS, body: JSON.stringify({ screenOffCommand: `id > ${marker}`, screenMode: 'off' }) });
  expect(own.status).not.toBe(500);
  const off = await fetch(`${frame.url}/api/settings`, { method: 'PUT', headers: JSON_HEADERS, body: JSON.stringify({ screenMode: 'off' }) });
  expect(off.status).toBe(200);
  await expect.poll(screen.calls).toEqual(['--off *']);
  expect(existsSync(marker)).toBe(false);
});

test('another site cannot write: JSON needs a preflight the frame refuses, and forms and no-cors posts are refused', async ({ page, launchFrame }) => {
  const screen = fakeScreenSwitch();
  const frame = await launchFrame(screen.env);
  const before = await settingsOf(frame);
  const target = frame.url;
  await openAttackerPage(
    page,
    'http://evil.attacker.test:9/',
    `<!doctype html><form id="f" method="POST" enctype="text/plain" action="${target}/api/settings" target="sink"><input name='{"screenMode":"off","slideSeconds":99,"x":"' value='"}'></form><iframe name="sink"></iframe>`,
  );
  const attempts = await page.evaluate(async (target) => {
    const outcome = async (attempt: () => Promise<Response>) => {
      try {
        return String((await attempt()).status);
      } catch (error) {
        return `blocked: ${(error as Error).name}`;
      }
    };
    return {
      json: await outcome(() => fetch(`${target}/api/settings`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"screenMode":"off","slideSeconds":99}' })),
      noCors: await outcome(() => fetch(`${target}/api/settings`, { method: 'PUT', mode: 'no-cors', body: '{"screenMode":"off","slideSeconds":99}' })),
      noCorsPost: await outcome(() => fetch(`${target}/api/settings/test`, { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: '{}' })),
      read: await outcome(() => fetch(`${target}/api/settings`)),
    };
  }, target);
  expect(attempts.json).toMatch(/^blocked/);
  expect(attempts.read).toMatch(/^blocked/);
  const formAnswer = page.waitForResponse((response) => response.url() === `${target}/api/settings`);
  await page.locator('#f').evaluate((form: HTMLFormElement) => form.submit());
  expect((await formAnswer).status()).toBe(403);

  // The frame's own pages may be framed by nobody either.
  const framedAnswer = page.waitForResponse((response) => response.url() === `${target}/settings`);
  await page.evaluate((target) => {
    const frame = document.createElement('iframe');
    frame.src = `${target}/settings`;
    document.body.append(frame);
  }, target);
  const framed = await framedAnswer;
  expect(framed.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  await expect.poll(() => page.frames().some((f) => f.url().startsWith(target) && f !== page.mainFrame())).toBe(false);

  expect(await settingsOf(frame)).toEqual(before);
  expect(screen.calls()).toEqual([]);
  // The frame refused them itself (the browser sent them: its own checks are off here).
  expect(frame.output.join('\n')).toContain('Refused: requests from the page at http://evil.attacker.test:9 may not use this frame.');
  // Settings from the frame's own page keep working exactly as before.
  await page.unrouteAll();
  await page.goto(`${frame.url}/settings`);
  await expect(page.getByTestId('frame-admin-token')).toBeHidden();
  const saved = await page.evaluate(() => fetch('/api/settings', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"captions":"title"}' }).then((r) => r.status));
  expect(saved).toBe(200);
  expect((await settingsOf(frame)).captions).toBe('title');
});

test('an SVG with script never runs: refused from Wix, never served, and media are sandboxed', async ({ page, wix, launchFrame }) => {
  const collector = await startRecorder();
  try {
    const [svgItem, photo] = wix.items(PROJECT_A);
    const svgId = svgItem!.image!.imageInfo.id;
    wix.customMedia.set(svgId, {
      contentType: 'image/svg+xml',
      body: `<svg xmlns="http://www.w3.org/2000/svg" onload="fetch('${collector.url}/onload')"><script>fetch('${collector.url}/script');fetch('/api/settings',{method:'PUT',headers:{'content-type':'application/json'},body:'{"slideSeconds":99}'})</script><rect width="10" height="10"/></svg>`,
    });
    const frame = await launchFrame({ FRAME_SLIDE_SECONDS: '2' });
    await page.goto(frame.url);
    // The show skips the file it could not use and goes on with real photos.
    await expect(currentItem(page)).toHaveAttribute('data-item-id', photo!.id, { timeout: 15_000 });

    const svgUrl = `${frame.url}/media/${encodeURIComponent(svgId)}?w=640&h=360&fit=fit`;
    const opened = await page.goto(svgUrl);
    expect(opened!.status()).toBe(502);
    expect(opened!.headers()['content-type']).not.toMatch(/svg/);
    const photoUrl = `${frame.url}/media/${encodeURIComponent(photo!.image!.imageInfo.id)}?w=640&h=360&fit=fit`;
    const served = await page.goto(photoUrl);
    expect(served!.headers()).toMatchObject({ 'content-type': 'image/png', 'x-content-type-options': 'nosniff', 'content-security-policy': "sandbox; default-src 'none'" });
    // A made-up id is no download, no cache file.
    const requestsBefore = wix.mediaRequests.length;
    for (let i = 0; i < 20; i++) expect((await fetch(`${frame.url}/media/made-up-${i}~mv2.jpg?w=10&h=10&fit=fit`)).status).toBe(404);
    expect(wix.mediaRequests.length).toBe(requestsBefore);
    expect(readdirSync(join(frame.dataDir, 'media-cache')).filter((name) => name.includes('made-up'))).toEqual([]);
    expect(readdirSync(join(frame.dataDir, 'media-cache')).filter((name) => name.endsWith('.svg'))).toEqual([]);

    await page.waitForTimeout(500); // give any script that did run the time to call home
    expect(collector.hits).toEqual([]);
    expect((await settingsOf(frame)).slideSeconds).toBe(2);
  } finally {
    await collector.stop();
  }
});

/** A Wix video item whose one rendition lives at `url`. */
function videoItem(id: string, fileId: string, url: string, sortOrder: number) {
  return {
    id,
    projectId: PROJECT_A,
    sortOrder,
    title: 'Clip',
    type: 'VIDEO',
    video: { videoInfo: { id: fileId, width: 1280, height: 720, resolutions: [{ url, width: 1280, height: 720 }], posters: [] } },
    createdDate: new Date().toISOString(),
    updatedDate: new Date().toISOString(),
  };
}

test('a video address inside the network is never fetched', async ({ page, wix, launchFrame }) => {
  const internal = await startRecorder();
  try {
    const item = videoItem('eeeeeeee-0000-4000-8000-0000000000a1', 'internal-clip', `${internal.url}/admin/secret.mp4`, 0);
    wix.items(PROJECT_A).unshift(item as never);
    const frame = await launchFrame();
    await page.goto(frame.url);
    await expect(currentItem(page).first()).toHaveAttribute('data-item-id', /.+/);
    const direct = await fetch(`${frame.url}/video/${item.id}?h=720`);
    expect(direct.status).toBe(502);
    expect(await direct.text()).not.toContain('internal secret');
    await page.waitForTimeout(500);
    expect(internal.hits).toEqual([]);
  } finally {
    await internal.stop();
  }
});

/** Peak resident memory since `resetPeak`, in bytes (Linux). */
const memory = (pid: number) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1]) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
};
const resetPeak = (pid: number) => writeFileSync(`/proc/${pid}/clear_refs`, '5');

test('a 600 MB video streams to disk: memory grows less than 150 MB, and over the cap it is refused', async ({ page, wix, launchFrame }) => {
  test.setTimeout(180_000);
  const size = 600 * 1024 * 1024;
  wix.videoFiles.set('big.mp4', { size, contentType: 'video/mp4' });
  const item = videoItem('eeeeeeee-0000-4000-8000-0000000000b1', 'big-clip', `${wix.url}/video-files/big.mp4`, 0);
  wix.items(PROJECT_A).unshift(item as never);

  // Default cap (FRAME_VIDEO_MAX_MB 300): refused from the declared size, nothing kept.
  const capped = await launchFrame();
  // Only items of the gallery on screen are served: wait for the first sync to have it.
  await expect.poll(async () => ((await (await fetch(`${capped.url}/api/state`)).json()) as { items: { id: string }[] }).items.some((i) => i.id === item.id)).toBe(true);
  expect((await fetch(`${capped.url}/video/${item.id}?h=720`, { method: 'HEAD' })).status).toBe(502);
  expect(readdirSync(join(capped.dataDir, 'media-cache'))).toEqual([]);
  await capped.stop();

  const frame = await launchFrame({ FRAME_VIDEO_MAX_MB: '1000', FRAME_CACHE_MB: '2000' });
  const pid = frame.pid!;
  await page.goto(frame.url);
  await expect(currentItem(page).first()).toHaveAttribute('data-item-id', /.+/);
  resetPeak(pid);
  const before = memory(pid).rss;
  const downloaded = await fetch(`${frame.url}/video/${item.id}?h=720`, { method: 'HEAD' });
  expect(downloaded.status).toBe(200);
  expect(Number(downloaded.headers.get('content-length'))).toBe(size);
  const growth = memory(pid).peak - before;
  const figure = `peak memory growth ${(growth / 1048576).toFixed(0)} MB while a 600 MB video downloaded (limit 150 MB)`;
  test.info().annotations.push({ type: 'memory', description: figure });
  console.log(figure);
  expect(growth).toBeLessThan(150 * 1024 * 1024);
  const files = readdirSync(join(frame.dataDir, 'media-cache')).filter((name) => name.startsWith('big-clip'));
  expect(files).toHaveLength(1);
  expect(statSync(join(frame.dataDir, 'media-cache', files[0]!)).size).toBe(size);
});

test('stale, future, foreign and replayed webhooks change nothing', async ({ page, wix, launchFrame }) => {
  const pair = await generateKeyPair('RS256', { extractable: true });
  const key: CryptoKey = pair.privateKey;
  const instance = '1a57a7ce-0000-4000-8000-0000000000c1';
  const env = { FRAME_POLL_SECONDS: '3600', WIX_WEBHOOK_PUBLIC_KEY: await exportSPKI(pair.publicKey), FRAME_WIX_INSTANCE_ID: instance };
  const dataDir = mkdtempSync(join(tmpdir(), 'frame-e2e-'));
  let frame = await launchFrame(env, dataDir);
  await page.goto(frame.url);
  const shown = wix.items(PROJECT_A)[0]!;
  await expect(currentItem(page)).toHaveAttribute('data-item-id', shown.id);
  const itemsBefore = (await (await fetch(`${frame.url}/api/state`)).json()) as { items: unknown[] };
  const post = async (event: SampleEvent) => (await fetch(frame.webhookUrl, { method: 'POST', body: await signWixEvent(key, event) })).status;
  const now = Math.floor(Date.now() / 1000);
  const hour = 3_600_000;
  const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
  const deleteShown = { kind: 'deleted', itemId: shown.id, instanceId: instance } as const;

  expect(await post({ ...deleteShown, issuedAt: now - 4 * 24 * 3600, eventTime: ago(4 * 24 * hour) })).toBe(400); // four days old
  expect(await post({ ...deleteShown, eventTime: ago(-60 * 60_000) })).toBe(400); // an hour ahead
  expect(await post({ ...deleteShown, instanceId: '99999999-0000-4000-8000-000000000000' })).toBe(403); // another site's event
  const added = sampleItem(PROJECT_A, 50, wix.url);
  expect(await post({ kind: 'created', itemId: added.id, entity: { ...added }, instanceId: '99999999-0000-4000-8000-000000000000' })).toBe(403);
  const health = (await (await fetch(`${frame.url}/healthz`)).json()) as { webhook: { accepted: number; rejected: number } };
  expect(health.webhook).toMatchObject({ accepted: 0, rejected: 4 });
  expect((await (await fetch(`${frame.url}/api/state`)).json()) as object).toEqual(itemsBefore);
  await expect(currentItem(page)).toHaveAttribute('data-item-id', shown.id);

  // A real event is taken once; sent again after a restart it is a duplicate.
  const next = wix.items(PROJECT_A)[1]!;
  const token = await signWixEvent(key, { kind: 'deleted', itemId: next.id, instanceId: instance, eventId: 'evt-captured' });
  expect((await fetch(frame.webhookUrl, { method: 'POST', body: token })).status).toBe(200);
  await expect.poll(async () => ((await (await fetch(`${frame.url}/api/state`)).json()) as { items: { id: string }[] }).items.map((i) => i.id)).not.toContain(next.id);
  await frame.stop();
  frame = await launchFrame(env, dataDir); // Wix still has the item: the start-up sync shows it again
  await expect.poll(async () => ((await (await fetch(`${frame.url}/api/state`)).json()) as { items: { id: string }[] }).items.map((i) => i.id)).toContain(next.id);
  expect((await fetch(frame.webhookUrl, { method: 'POST', body: token })).status).toBe(200);
  await expect.poll(async () => ((await (await fetch(`${frame.url}/healthz`)).json()) as { webhook: { ignored: number } }).webhook.ignored).toBe(1);
  expect(((await (await fetch(`${frame.url}/api/state`)).json()) as { items: { id: string }[] }).items.map((i) => i.id)).toContain(next.id);
});

/** Every file under `dir`, as text. */
function filesUnder(dir: string): { path: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(entry.parentPath ?? dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return entry.isFile() ? [{ path, text: readFileSync(path, 'latin1') }] : [];
  });
}

test('the admin token is in no log, made or configured, while a phone uses it', async ({ page, launchFrame }) => {
  const configured = 'configured-admin-token-0123';
  for (const env of [{ FRAME_HTTP_HOST: '0.0.0.0' }, { FRAME_HTTP_HOST: '0.0.0.0', FRAME_ADMIN_TOKEN: configured }] as Record<string, string>[]) {
    const dataDir = mkdtempSync(join(tmpdir(), 'frame-e2e-'));
    mkdirSync(dataDir, { recursive: true });
    const frame = await launchFrame(env, dataDir);
    const { token } = (await (await fetch(`${frame.url}/api/admin-token`)).json()) as { token: string };
    expect(token.length).toBeGreaterThanOrEqual(12);
    if (env.FRAME_ADMIN_TOKEN) expect(token).toBe(configured);
    // A wrong token, the right one, and refusals the log does write about.
    expect((await fetch(`${frame.url}/api/settings`, { method: 'PUT', headers: { ...JSON_HEADERS, 'x-frame-admin-token': 'wrong-token-123' }, body: '{"slideSeconds":30}' })).status).toBe(401);
    expect((await fetch(`${frame.url}/api/settings`, { method: 'PUT', headers: { ...JSON_HEADERS, 'x-frame-admin-token': token }, body: '{"slideSeconds":30}' })).status).toBe(200);
    expect((await rawRequest(`${frame.url}/api/admin-token`, { headers: { host: `frame.attacker.test:${portOf(frame)}` } })).status).toBe(421);
    await page.goto(`${frame.url}/settings`);
    await expect(page.getByTestId('frame-admin-token')).toContainText(token);
    await frame.stop();
    expect(frame.output.join('\n')).not.toContain(token);
    const logs = filesUnder(dataDir).filter((file) => !file.path.endsWith('admin-token'));
    expect(logs.map((file) => file.path).some((path) => path.includes('frame.log'))).toBe(true);
    for (const file of logs) expect(file.text.includes(token), file.path).toBe(false);
  }
});

test('settings bodies with built-in object keys are never saved and never a 500', async ({ launchFrame }) => {
  const frame = await launchFrame();
  for (const body of ['{"__proto__":{"slideSeconds":1},"slideSeconds":20}', '{"hasOwnProperty":"x","slideSeconds":20}', '{"__lookupGetter__":"y"}', '{"constructor":{"prototype":{"x":1}}}']) {
    const response = await fetch(`${frame.url}/api/settings`, { method: 'PUT', headers: JSON_HEADERS, body });
    expect([200, 400], body).toContain(response.status);
  }
  const saved = join(frame.dataDir, 'settings.json');
  const text = existsSync(saved) ? readFileSync(saved, 'utf8') : '';
  for (const key of ['__proto__', 'hasOwnProperty', '__lookupGetter__', 'constructor']) expect(text).not.toContain(key);
  expect((await fetch(`${frame.url}/api/state`)).status).toBe(200);
});

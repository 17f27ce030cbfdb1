// The slideshow's costs on a weak board, measured in Chromium against a local
// fake Wix: CPU while a photo is still, memory over many transitions, bytes
// per photo against the originals, start-up offline, bundle size.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { FakeWix } from '../electron/core/demo/fake-wix';
import { sampleItem } from '../electron/core/demo/sample-project';
import { closedPort } from '../electron/core/test-support/free-port';
import { PROJECT_A, TEST_KEY, TEST_SITE, startFakeWix } from '../electron/core/test-support/fake-wix-fixture';
import { photoPng } from './support/png';
import type { CDPSession } from '@playwright/test';
import { countTransitions, FrameProcess, frameEnv, launchBrowser, metrics, openFrame, waitForTransitions, warmDataDir } from './support/frame-page';
import type { BenchRow } from './table';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const pct = (fraction: number) => `${(fraction * 100).toFixed(2)} %`;

export async function benchStillCpu(): Promise<BenchRow[]> {
  const wix = await startFakeWix(4);
  const browser = await launchBrowser();
  const frame = await new FrameProcess({ env: frameEnv(wix, { FRAME_SLIDE_SECONDS: '600' }) }).start();
  try {
    const { page, cdp } = await openFrame(browser, frame);
    await page.locator('[data-current="true"]').waitFor();
    await page.waitForTimeout(3_000); // let the crossfade and decoding settle
    const still = async () => {
      const a = await metrics(cdp);
      await page.waitForTimeout(10_000);
      const b = await metrics(cdp);
      return (b.TaskDuration! - a.TaskDuration!) / (b.Timestamp! - a.Timestamp!);
    };
    const frameStill = await still();
    // Side by side: the same page with one looping requestAnimationFrame, the pattern to avoid.
    await page.evaluate('(function loop() { requestAnimationFrame(loop); })()');
    const withLoop = await still();
    return [{ benchmark: 'CPU while a photo is still (10 s, TaskDuration)', figure: pct(frameStill), target: '< 1 % of one core', comparison: `${pct(withLoop)} with one rAF loop`, meets: frameStill < 0.01 }];
  } finally {
    await browser.close();
    await frame.stop();
    await wix.stop();
  }
}

// The probe ring (4, image-loader.ts), the preload ring (3, preloader.ts) and
// the pictures on screen: two layers during a transition, each a pair at most.
const IMAGES_BOUND = 4 + 3 + 2 * 2;

export async function benchMemory(): Promise<BenchRow[]> {
  const wix = await startFakeWix(12);
  const browser = await launchBrowser();
  const frame = await new FrameProcess({ env: frameEnv(wix, { FRAME_SLIDE_SECONDS: '1' }) }).start();
  try {
    const { page, cdp } = await openFrame(browser, frame);
    await page.locator('[data-current="true"]').waitFor();
    const transitions = await countTransitions(page);
    await waitForTransitions(transitions, 10, 60_000);
    const early = await metrics(cdp, true);
    await waitForTransitions(transitions, 300, 600_000);
    const late = await metrics(cdp, true);
    // Counted once, last: the query itself keeps what it finds alive for a while.
    const imagesLate = await liveObjects(cdp, 'HTMLImageElement');
    const growth = late.JSHeapUsedSize! - early.JSHeapUsedSize!;
    const nodes = late.Nodes! - early.Nodes!;
    return [
      { benchmark: 'JS heap: after 300 transitions vs after 10', figure: `${mb(growth)} growth`, target: '< 5 MB', comparison: `${mb(early.JSHeapUsedSize!)} → ${mb(late.JSHeapUsedSize!)}`, meets: growth < 5 * 1024 * 1024 },
      { benchmark: 'DOM nodes: after 300 transitions vs after 10', figure: `${nodes >= 0 ? '+' : ''}${nodes}`, target: 'flat', comparison: `${early.Nodes} → ${late.Nodes}`, meets: nodes <= 20 },
      // Chromium keeps script-made <img> alive: in the DOM or not, these must not grow with the slides.
      { benchmark: '<img> elements alive after 300 transitions', figure: `${imagesLate}`, target: `at most ${IMAGES_BOUND}, not one per slide`, comparison: 'one per slide would be 300+', meets: imagesLate <= IMAGES_BOUND },
    ];
  } finally {
    await browser.close();
    await frame.stop();
    await wix.stop();
  }
}

export async function benchBytesPerPhoto(): Promise<BenchRow[]> {
  const drawn = new Map<string, Buffer>();
  const wix = await FakeWix.start({
    apiKey: TEST_KEY,
    siteId: TEST_SITE,
    originalSize: { width: 6000, height: 4000 },
    drawMedia: (fileId, w, h) => {
      const key = `${fileId}@${w}x${h}`;
      if (!drawn.has(key)) drawn.set(key, photoPng(fileId, w, h));
      return { body: drawn.get(key)!, contentType: 'image/png' };
    },
  });
  const count = 6;
  wix.addProject({ id: PROJECT_A, title: 'Raster', items: Array.from({ length: count }, (_, i) => sampleItem(PROJECT_A, i, wix.url)) });
  const browser = await launchBrowser();
  const frame = await new FrameProcess({ env: frameEnv(wix, { FRAME_SLIDE_SECONDS: '1.5' }) }).start();
  try {
    const { page } = await openFrame(browser, frame);
    await page.locator('[data-current="true"]').waitFor();
    const transitions = await countTransitions(page);
    await waitForTransitions(transitions, count * 2, 120_000); // every photo twice
    const perFile = new Map<string, number>();
    for (const path of wix.mediaRequests) perFile.set(path.split('/')[2]!, (perFile.get(path.split('/')[2]!) ?? 0) + 1);
    const perPhoto = wix.mediaBytesSent / perFile.size;
    const original = photoPng(wix.items(PROJECT_A)[0]!.image!.imageInfo.id, 6000, 4000).length;
    const ratio = perPhoto / original;
    const maxFetches = Math.max(...perFile.values());
    return [
      { benchmark: 'bytes per photo, 6000×4000 originals on 1920×1080', figure: `${mb(perPhoto)} (${ratio.toFixed(3)}×)`, target: '≤ 0.15× the original', comparison: `original ${mb(original)}`, meets: ratio <= 0.15 },
      { benchmark: 'downloads per photo over two rounds', figure: `${maxFetches} max`, target: 'each photo fetched once', comparison: `${wix.mediaRequests.length} requests for ${perFile.size} photos`, meets: maxFetches === 1 },
    ];
  } finally {
    await browser.close();
    await frame.stop();
    await wix.stop();
  }
}

export async function benchOfflineStart(): Promise<BenchRow[]> {
  const wix = await startFakeWix(8);
  const browser = await launchBrowser();
  try {
    const dataDir = await warmDataDir(browser, wix);
    const timeToPhoto = async (env: Record<string, string>) => {
      const started = Date.now();
      const frame = await new FrameProcess({ env, dataDir }).start();
      const { page: p } = await openFrame(browser, frame);
      await p.locator('[data-current="true"] img, img[data-current="true"]').first().waitFor();
      await p.waitForFunction(() => [...document.querySelectorAll('img')].some((img) => img.complete && img.naturalWidth > 0));
      const elapsed = Date.now() - started;
      await p.close();
      await frame.stop();
      return elapsed;
    };
    const dead = `http://127.0.0.1:${await closedPort()}`;
    const offline = await timeToPhoto(frameEnv(wix, { WIX_API_BASE_URL: dead, WIX_MEDIA_BASE_URL: dead, FRAME_SLIDE_SECONDS: '600' }));
    const online = await timeToPhoto(frameEnv(wix, { FRAME_SLIDE_SECONDS: '600' }));
    return [{ benchmark: 'start to first photo, warm cache, Wix unreachable', figure: `${offline} ms`, target: '< 1500 ms', comparison: `${online} ms with Wix reachable`, meets: offline < 1500 }];
  } finally {
    await browser.close();
    await wix.stop();
  }
}

export async function benchBundleSize(): Promise<BenchRow[]> {
  const dir = join('dist', 'renderer');
  const html = join(dir, 'index.html');
  const all = [html, ...readdirSync(join(dir, 'assets')).map((f) => join(dir, 'assets', f))].filter((f) => /\.(js|css|html)$/.test(f));
  // What the show loads at start: the page and the files it names; the settings screen is a chunk of its own, fetched when opened.
  const named = [...readFileSync(html, 'utf8').matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((m) => join(dir, m[1]!));
  const gzipOf = (files: string[]) => files.reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0);
  const start = gzipOf([html, ...named]);
  const total = gzipOf(all);
  const reactOnly = await reactHelloWorldGzip();
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  return [
    { benchmark: 'renderer bundle the show loads, gzipped (html + its js + css)', figure: kb(start), target: '< 90 KB', comparison: `a React hello world: ${kb(reactOnly)}`, meets: start < 90 * 1024 },
    { benchmark: 'renderer bundle with the settings chunk, gzipped', figure: kb(total), target: 'settings load only when opened', comparison: `settings chunk: ${kb(total - start)}`, meets: true },
  ];
}

/** Objects with this DOM prototype still alive after a GC (Runtime.queryObjects). */
async function liveObjects(cdp: CDPSession, constructorName: string): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { result } = (await cdp.send('Runtime.evaluate', { expression: `${constructorName}.prototype`, objectGroup: 'bench' })) as { result: { objectId: string } };
  const { objects } = (await cdp.send('Runtime.queryObjects', { prototypeObjectId: result.objectId, objectGroup: 'bench' })) as { objects: { objectId: string } };
  const { result: length } = (await cdp.send('Runtime.callFunctionOn', { objectId: objects.objectId, functionDeclaration: 'function () { return this.length; }', returnByValue: true })) as { result: { value: number } };
  // Let go of the query's array, or it keeps what it found alive.
  await cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'bench' });
  return length.value;
}

/** The floor any React renderer pays: an empty React app built the same way. */
async function reactHelloWorldGzip(): Promise<number> {
  const { build } = await import('vite');
  const root = join('dist', 'bench-react-hello');
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="./main.js"></script>');
  writeFileSync(join(root, 'main.js'), "import { createElement } from 'react';\nimport { createRoot } from 'react-dom/client';\ncreateRoot(document.getElementById('root')).render(createElement('p', null, 'hello'));\n");
  await build({ root, configFile: false, logLevel: 'silent', build: { outDir: 'out', emptyOutDir: true, target: 'chrome120' } });
  const out = join(root, 'out');
  const files = [join(out, 'index.html'), ...readdirSync(join(out, 'assets')).map((f) => join(out, 'assets', f))];
  return files.reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0);
}

// `npm run soak [-- --minutes 30]`: a long run by hand. Slides advance every
// 2 s, signed events arrive every few seconds, Wix flaps down and up. Memory
// is sampled throughout; after a warm-up the slope of each series (MB per
// hour, least squares) is what tells a leak from the collector's rhythm.
import { chromium } from '@playwright/test';
import { exportSPKI, generateKeyPair } from 'jose';
import { readFileSync, readdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { chromiumExecutable } from '../e2e/support/chromium';
import { FrameProcess } from '../e2e/support/frame-process';
import { sampleItem } from '../electron/core/demo/sample-project';
import { signWixEvent } from '../electron/core/webhook/sign-event';
import { PROJECT_A, frameEnvFor, startFakeWix } from '../electron/core/test-support/fake-wix-fixture';
import { rendererRssBytes, slopesMbPerHour, type Sample } from './support/memory-slope';
import { INSPECT_ENV, collectGarbage, inspectorUrl } from './support/node-gc';

const { values } = parseArgs({ options: { minutes: { type: 'string', default: '30' } } });
const minutes = Number(values.minutes);
if (!(minutes > 0)) throw new Error(`--minutes must be a positive number, got "${values.minutes}"`);
const runMs = minutes * 60_000;
// The first quarter (at most ten minutes) fills caches, JIT and the image ring: not growth.
const warmUpMs = Math.min(10 * 60_000, runMs / 4);
const sampleEveryMs = Math.max(5_000, Math.min(30_000, runMs / 120));
const TARGET_MB_PER_HOUR = 1;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const wix = await startFakeWix(30);
const pair = await generateKeyPair('RS256', { extractable: true });
const frame = await new FrameProcess({
  env: frameEnvFor(wix.url, { FRAME_POLL_SECONDS: '5', FRAME_SLIDE_SECONDS: '2', WIX_WEBHOOK_PUBLIC_KEY: await exportSPKI(pair.publicKey), ...INSPECT_ENV }),
}).start();
const frameInspector = inspectorUrl(frame.output);
const marker = `--frame-soak-marker=${process.pid}`;
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', marker] });
const browserPid = findBrowserPid(marker);
const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Performance.enable');
await page.goto(frame.url);
await page.locator('[data-current="true"]').waitFor();

/** The browser process is the one started with our marker switch (its children are not). */
function findBrowserPid(mark: string): number {
  for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (args.includes(mark) && !args.some((a) => a.startsWith('--type='))) return Number(pid);
    } catch {
      // Gone meanwhile.
    }
  }
  return NaN;
}

async function measure() {
  await collectGarbage(frameInspector);
  await cdp.send('HeapProfiler.collectGarbage');
  // What the page holds, then what it keeps once told memory is short: the
  // difference is Chromium's caches (decoded photos above all), sized from this
  // machine's memory and given back under pressure, as on a Pi with little free.
  const pageRss = Number.isFinite(browserPid) ? rendererRssBytes(browserPid) : NaN;
  await cdp.send('Memory.simulatePressureNotification', { level: 'critical' });
  await new Promise((r) => setTimeout(r, 2_000));
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
  const health = (await (await fetch(`${frame.url}/healthz`)).json()) as { process: { rssBytes: number; heapUsedBytes: number }; webhook: { accepted: number } };
  return {
    frameRss: health.process.rssBytes,
    frameHeap: health.process.heapUsedBytes,
    pageHeap: metric('JSHeapUsedSize'),
    pageRss,
    pageRssKept: Number.isFinite(browserPid) ? rendererRssBytes(browserPid) : NaN,
    nodes: metric('Nodes'),
    accepted: health.webhook.accepted,
  };
}

const startedAt = Date.now();
const samples: Sample[] = [];
const record = async () => {
  const m = await measure();
  samples.push({ at: Date.now() - startedAt, values: { frameRss: m.frameRss, frameHeap: m.frameHeap, pageHeap: m.pageHeap, pageRss: m.pageRss, pageRssKept: m.pageRssKept, nodes: m.nodes * 1024 * 1024 } });
  return m;
};
const start = await record();
let nextSample = sampleEveryMs;
let events = 0;
let flaps = 0;
let shownChanges = 0;
let lastShown = '';
for (let tick = 0; Date.now() - startedAt < runMs; tick++) {
  await new Promise((r) => setTimeout(r, 1_000));
  const shown = (await page.locator('[data-current="true"]').first().getAttribute('data-item-id').catch(() => '')) ?? '';
  if (shown && shown !== lastShown) shownChanges++;
  lastShown = shown;
  if (tick % 3 === 0) {
    const item = sampleItem(PROJECT_A, 1000 + (tick % 50), wix.url);
    const exists = wix.items(PROJECT_A).some((i) => i.id === item.id);
    if (exists) wix.items(PROJECT_A).splice(wix.items(PROJECT_A).findIndex((i) => i.id === item.id), 1);
    else wix.items(PROJECT_A).push(item);
    const token = await signWixEvent(pair.privateKey, exists ? { kind: 'deleted', itemId: item.id } : { kind: 'created', itemId: item.id, entity: { ...item } });
    await fetch(frame.webhookUrl, { method: 'POST', body: token });
    events++;
  }
  // Wix down for 20 s of every 2 minutes.
  const flapping = tick % 120 >= 100;
  if (flapping && !wix.down) flaps++;
  wix.down = flapping ? { kind: 'status', status: 503 } : null;
  if (Date.now() - startedAt >= nextSample) {
    await record();
    nextSample += sampleEveryMs;
  }
}
wix.down = null;
const finish = await record();
const slopes = slopesMbPerHour(samples, warmUpMs);
const used = samples.filter((s) => s.at >= warmUpMs).length;
console.log(`soak: ${minutes} min, ${shownChanges} slide changes seen, ${events} events sent (${finish.accepted} accepted), ${flaps} Wix outages`);
console.log(`memory sampled every ${(sampleEveryMs / 1000).toFixed(0)} s; slope over ${used} samples after a ${(warmUpMs / 60_000).toFixed(1)} min warm-up`);
console.log('| figure | start | end | slope after warm-up | target |');
console.log('|---|---|---|---|---|');
const row = (label: string, key: 'frameRss' | 'frameHeap' | 'pageHeap' | 'pageRss' | 'pageRssKept') => {
  const slope = slopes[key]!;
  const verdict = Number.isFinite(slope) ? (slope < TARGET_MB_PER_HOUR ? 'meets' : 'MISSES') : 'n/a';
  console.log(`| ${label} | ${mb(start[key])} | ${mb(finish[key])} | ${slope.toFixed(2)} MB/h | < ${TARGET_MB_PER_HOUR} MB/h: ${verdict} |`);
};
row('frame process (Node) RSS', 'frameRss');
row('frame process (Node) heap used, after a GC', 'frameHeap');
row('page renderer RSS (caches refilled since the last purge)', 'pageRss');
row('page renderer RSS after a memory-pressure purge', 'pageRssKept');
row('page JS heap used', 'pageHeap');
console.log(`| page DOM nodes | ${start.nodes} | ${finish.nodes} | ${(slopes.nodes! * 1).toFixed(0)} nodes/h | info |`);
await browser.close();
await frame.stop();
await wix.stop();

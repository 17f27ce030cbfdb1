// `npm run soak [-- --minutes 30]`: a long run by hand. Slides advance every
// 2 s, signed events arrive every few seconds, Wix flaps down and up; at the
// start and end it reports the frame's RSS and heap and the page's JS heap
// and DOM nodes.
import { chromium } from '@playwright/test';
import { exportSPKI, generateKeyPair } from 'jose';
import { parseArgs } from 'node:util';
import { chromiumExecutable } from '../e2e/support/chromium';
import { FrameProcess } from '../e2e/support/frame-process';
import { sampleItem } from '../electron/core/demo/sample-project';
import { signWixEvent } from '../electron/core/webhook/sign-event';
import { PROJECT_A, frameEnvFor, startFakeWix } from '../electron/core/test-support/fake-wix-fixture';

const { values } = parseArgs({ options: { minutes: { type: 'string', default: '30' } } });
const minutes = Number(values.minutes);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const wix = await startFakeWix(30);
const pair = await generateKeyPair('RS256', { extractable: true });
const frame = await new FrameProcess({
  env: frameEnvFor(wix.url, { FRAME_POLL_SECONDS: '5', FRAME_SLIDE_SECONDS: '2', WIX_WEBHOOK_PUBLIC_KEY: await exportSPKI(pair.publicKey) }),
}).start();
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Performance.enable');
await page.goto(frame.url);
await page.locator('[data-current="true"]').waitFor();

async function measure() {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
  const health = (await (await fetch(`${frame.url}/healthz`)).json()) as { process: { rssBytes: number; heapUsedBytes: number }; webhook: { accepted: number } };
  return { frameRss: health.process.rssBytes, frameHeap: health.process.heapUsedBytes, pageHeap: metric('JSHeapUsedSize'), nodes: metric('Nodes'), accepted: health.webhook.accepted };
}

const start = await measure();
const end = Date.now() + minutes * 60_000;
let events = 0;
let flaps = 0;
let shownChanges = 0;
let lastShown = '';
for (let tick = 0; Date.now() < end; tick++) {
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
}
wix.down = null;
const finish = await measure();
console.log(`soak: ${minutes} min, ${shownChanges} slide changes seen, ${events} events sent (${finish.accepted} accepted), ${flaps} Wix outages`);
console.log('| figure | start | end | growth |');
console.log('|---|---|---|---|');
console.log(`| frame process RSS | ${mb(start.frameRss)} | ${mb(finish.frameRss)} | ${mb(finish.frameRss - start.frameRss)} |`);
console.log(`| frame process heap | ${mb(start.frameHeap)} | ${mb(finish.frameHeap)} | ${mb(finish.frameHeap - start.frameHeap)} |`);
console.log(`| page JS heap | ${mb(start.pageHeap)} | ${mb(finish.pageHeap)} | ${mb(finish.pageHeap - start.pageHeap)} |`);
console.log(`| page DOM nodes | ${start.nodes} | ${finish.nodes} | ${finish.nodes - start.nodes} |`);
await browser.close();
await frame.stop();
await wix.stop();

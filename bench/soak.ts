// `npm run soak [-- --minutes 30]`: a long run by hand. Slides advance every
// 2 s, signed events arrive every few seconds, Wix flaps down and up. Memory
// is sampled throughout; after a warm-up the slope of each series (MB per
// hour, least squares) is what tells a leak from the collector's rhythm.
// `--churn off` / `--outages off` leave out the events or the outages, and
// `--settings '{"fit":"fill"}'` changes the look, to find what a growth comes with.
// Each reading is a Chromium memory dump, so the page's own memory (Blink, V8)
// is told from Chromium's caches, and the report ends with the allocators that grew.
// `--gc-at-ends on` collects the page's garbage once at the warm-up's end and
// once at the finish (never between, see measure()), to tell garbage not yet
// collected from growth. The frame and the page run with what a start-on-boot
// entry sets (MALLOC_ARENA_MAX=2); `--boot-env off` leaves it out.
// `--frame-env '{"NAME":"value"}'` adds to the frame's environment;
// `--frame-inspector off` reads the frame from /proc only.
// Beside the frame's page, a plain slideshow of the same photos (two <img>, no
// code of ours) runs in its own Chromium as the comparison point: what both
// grow is Chromium's. `--compare off` leaves it out.
import { exportSPKI, generateKeyPair } from 'jose';
import { parseArgs } from 'node:util';
import { saveSettings } from '../e2e/support/show';
import type { Settings } from '../shared/settings';
import { FrameProcess } from '../e2e/support/frame-process';
import { sampleItem } from '../electron/core/demo/sample-project';
import { signWixEvent } from '../electron/core/webhook/sign-event';
import { PROJECT_A, frameEnvFor, startFakeWix } from '../electron/core/test-support/fake-wix-fixture';
import { until } from '../electron/core/test-support/fleet-fixture';
import { rendererRssBytes, residentSplit, slopesMbPerHour, type Sample } from './support/memory-slope';
import { CHROMIUM_CACHES, HELD_BY_PAGE, allocatorGrowth, bytesIn, dumpAllocators, pageRenderer, type AllocatorSizes } from './support/memory-dump';
import { openBare } from './support/bare-chromium';
import { SET_ON_BOOT } from '../electron/core/system/kept-env';
import { TRANSITION_COUNTER } from './support/frame-page';
import { INSPECT_ENV, collectGarbage, inspectorUrl } from './support/node-gc';
import { startPlainSlideshow } from './support/plain-slideshow';

const { values } = parseArgs({
  options: { minutes: { type: 'string', default: '30' }, churn: { type: 'string', default: 'on' }, outages: { type: 'string', default: 'on' }, settings: { type: 'string', default: '{}' },
    'gc-at-ends': { type: 'string', default: 'off' }, 'boot-env': { type: 'string', default: 'on' }, 'frame-env': { type: 'string', default: '{}' }, 'frame-inspector': { type: 'string', default: 'on' }, compare: { type: 'string', default: 'on' } },
});
const switchOn = (name: 'churn' | 'outages' | 'gc-at-ends' | 'boot-env' | 'frame-inspector' | 'compare') => {
  if (values[name] !== 'on' && values[name] !== 'off') throw new Error(`--${name} is on or off, got "${values[name]}"`);
  return values[name] === 'on';
};
const churn = switchOn('churn');
const outages = switchOn('outages');
const gcAtEnds = switchOn('gc-at-ends');
const frameInspected = switchOn('frame-inspector');
const compared = switchOn('compare');
// As started on boot: the frame and the page (an Electron renderer inherits it) with what the boot entry sets.
const bootEnv = switchOn('boot-env') ? SET_ON_BOOT : {};
// Both read before anything starts: a typo must not leave a frame running.
const extraFrameEnv = JSON.parse(values['frame-env']) as Record<string, string>;
const look = JSON.parse(values.settings) as Partial<Settings>;
const minutes = Number(values.minutes);
if (!(minutes > 0)) throw new Error(`--minutes must be a positive number, got "${values.minutes}"`);
const runMs = minutes * 60_000;
// The first quarter (at most ten minutes) fills caches, JIT and the image ring: not growth.
const warmUpMs = Math.min(10 * 60_000, runMs / 4);
const sampleEveryMs = Math.max(5_000, Math.min(30_000, runMs / 120));
const TARGET_MB_PER_HOUR = 1;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The frame and both Chromiums: whatever throws, none of them outlives the soak. */
const children: number[] = [];
process.on('exit', () => {
  for (const pid of children) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone, as after a clean finish.
    }
  }
});
const wix = await startFakeWix(30);
const pair = await generateKeyPair('RS256', { extractable: true });
const SLIDE_SECONDS = 2;
const frame = await new FrameProcess({
  env: frameEnvFor(wix.url, { FRAME_POLL_SECONDS: '5', FRAME_SLIDE_SECONDS: String(SLIDE_SECONDS), WIX_WEBHOOK_PUBLIC_KEY: await exportSPKI(pair.publicKey), ...bootEnv, ...(frameInspected ? INSPECT_ENV : {}), ...extraFrameEnv }),
}).start();
children.push(frame.pid ?? NaN);
const frameInspector = frameInspected ? inspectorUrl(frame.output) : null;
// No Playwright: its DevTools agents on the page keep copies of what the page
// loads, and an hour of that is what the soak would measure (bare-chromium.ts).
if (Object.keys(look).length) await saveSettings(frame.url, look);
const chromium = await openBare(frame.url, undefined, bootEnv);
children.push(chromium.pid);
const browser = chromium.browser;
// The page may not take questions yet while it loads: that is "not yet", not a failure.
await until(() => chromium.evaluate<boolean>(`document.querySelector('[data-current="true"]') !== null`).catch(() => false), 'the first photo on screen', 30_000);
await chromium.evaluate(TRANSITION_COUNTER);
const plain = compared ? await startPlainSlideshow(frame.url, SLIDE_SECONDS * 1000) : null;
const plainChromium = plain ? await openBare(plain.url, undefined, bootEnv) : null;
if (plainChromium) {
  children.push(plainChromium.pid);
  await until(() => plainChromium.evaluate<number>('window.__transitions').then((n) => n > 0, () => false), 'the plain slideshow\'s first photo', 30_000);
}

/** Without the inspector, only what /proc says of the frame: its heaps are unknown. */
const unknownHeap = { rss: NaN, heapUsed: NaN, heapTotal: NaN, external: NaN, arrayBuffers: NaN };

async function measure(collectPageGarbage = false) {
  const node = frameInspector ? await collectGarbage(frameInspector) : unknownHeap;
  // The page is read as it is, through Chromium's own account allocator by
  // allocator. Neither a forced GC (except with --gc-at-ends, at the two ends) nor a memory-pressure purge: either frees a
  // photo's resource while Chromium's decode caches still hold its bytes, the next
  // showing copies it again, and the page grew by a photo a slide because it was
  // measured (48–50 KB a slide with a GC or a purge every 5 s, 11–13 KB without).
  if (collectPageGarbage) await Promise.all([chromium.collectGarbage(), plainChromium?.collectGarbage()]);
  const dump = await dumpAllocators(browser);
  const plainPage = plainChromium ? pageRenderer(await dumpAllocators(plainChromium.browser)) : null;
  const plainBytes = (names: readonly string[]) => (plainPage ? bytesIn(plainPage, names) : NaN);
  const renderer = pageRenderer(dump);
  const metrics = await chromium.metrics();
  const metric = (name: string) => metrics[name] ?? NaN;
  const health = (await (await fetch(`${frame.url}/healthz`)).json()) as { webhook: { accepted: number } };
  const resident = residentSplit(frame.pid ?? NaN);
  const allocator = (name: string) => bytesIn(renderer, [name]);
  return {
    dump,
    frameRss: resident.anon + resident.file,
    frameAnon: resident.anon,
    frameFile: resident.file,
    frameHeap: node.heapUsed,
    frameHeapTotal: node.heapTotal,
    frameExternal: node.external,
    pageHeap: metric('JSHeapUsedSize'),
    pageRss: rendererRssBytes(chromium.pid),
    pageHeld: bytesIn(renderer, HELD_BY_PAGE),
    pageCaches: bytesIn(renderer, CHROMIUM_CACHES),
    pageMalloc: allocator('malloc'),
    pagePartitionAlloc: allocator('partition_alloc'),
    pageBlinkGc: allocator('blink_gc'),
    pageV8: allocator('v8'),
    plainHeld: plainBytes(HELD_BY_PAGE),
    plainMalloc: plainBytes(['malloc']),
    nodes: metric('Nodes'),
    accepted: health.webhook.accepted,
    shown: await chromium.evaluate<number>('window.__transitions'),
    plainShown: plainChromium ? await plainChromium.evaluate<number>('window.__transitions') : NaN,
  };
}

const startedAt = Date.now();
const samples: Sample[] = [];
/** Chromium's dump at the end of the warm-up, to name what grew after it. */
let warmDump: AllocatorSizes | null = null;
/** With --gc-at-ends, the page's memory after a collection at the warm-up's end. */
// A cast, not an annotation: it is set inside record(), which narrowing does not follow.
let warmCollected = null as Awaited<ReturnType<typeof measure>> | null;
let warmCollectedAt = NaN;
const record = async (last = false) => {
  const warmingEnds = !warmDump && Date.now() - startedAt >= warmUpMs;
  const m = await measure(gcAtEnds && (warmingEnds || last));
  // Every figure but the dump and the counters is a memory series, in bytes.
  const { dump, accepted: _accepted, shown: _shown, plainShown: _plainShown, nodes, ...series } = m;
  samples.push({ at: Date.now() - startedAt, values: { ...series, nodes: nodes * 1024 * 1024 } });
  if (warmingEnds) {
    warmDump = dump;
    if (gcAtEnds) [warmCollected, warmCollectedAt] = [m, Date.now() - startedAt];
  }
  return m;
};
const start = await record();
let nextSample = sampleEveryMs;
let events = 0;
let flaps = 0;
for (let tick = 0; Date.now() - startedAt < runMs; tick++) {
  await new Promise((r) => setTimeout(r, 1_000));
  if (churn && tick % 3 === 0) {
    const item = sampleItem(PROJECT_A, 1000 + (tick % 50), wix.url);
    const exists = wix.items(PROJECT_A).some((i) => i.id === item.id);
    if (exists) wix.items(PROJECT_A).splice(wix.items(PROJECT_A).findIndex((i) => i.id === item.id), 1);
    else wix.items(PROJECT_A).push(item);
    const token = await signWixEvent(pair.privateKey, exists ? { kind: 'deleted', itemId: item.id } : { kind: 'created', itemId: item.id, entity: { ...item } });
    await fetch(frame.webhookUrl, { method: 'POST', body: token });
    events++;
  }
  // Wix down for 20 s of every 2 minutes.
  const flapping = outages && tick % 120 >= 100;
  if (flapping && !wix.down) flaps++;
  wix.down = flapping ? { kind: 'status', status: 503 } : null;
  if (Date.now() - startedAt >= nextSample) {
    await record();
    nextSample += sampleEveryMs;
  }
}
wix.down = null;
const finish = await record(true);
const slopes = slopesMbPerHour(samples, warmUpMs);
const used = samples.filter((s) => s.at >= warmUpMs).length;
console.log(`soak: ${minutes} min, churn ${churn ? 'on' : 'off'}, outages ${outages ? 'on' : 'off'}, settings ${values.settings}, gc at ends ${gcAtEnds ? 'on' : 'off'}, boot env ${JSON.stringify(bootEnv)}, frame env ${values['frame-env']}, frame inspector ${frameInspected ? 'on' : 'off'}, ${finish.shown} slide changes seen (${compared ? `${finish.plainShown} in the plain slideshow` : 'no plain slideshow'}), ${events} events sent (${finish.accepted} accepted), ${flaps} Wix outages`);
console.log(`memory sampled every ${(sampleEveryMs / 1000).toFixed(0)} s; slope over ${used} samples after a ${(warmUpMs / 60_000).toFixed(1)} min warm-up`);
console.log('| figure | start | end | slope after warm-up | target |');
console.log('|---|---|---|---|---|');
type Series = 'frameRss' | 'frameAnon' | 'frameFile' | 'frameHeap' | 'frameHeapTotal' | 'frameExternal' | 'pageHeap' | 'pageRss' | 'pageHeld' | 'pageCaches' | 'pageMalloc' | 'pagePartitionAlloc' | 'pageBlinkGc' | 'pageV8' | 'plainHeld' | 'plainMalloc';
const row = (label: string, key: Series, judged = true) => {
  const slope = slopes[key]!;
  const verdict = !judged ? 'info' : Number.isFinite(slope) ? `< ${TARGET_MB_PER_HOUR} MB/h: ${slope < TARGET_MB_PER_HOUR ? 'meets' : 'MISSES'}` : 'n/a';
  console.log(`| ${label} | ${mb(start[key])} | ${mb(finish[key])} | ${slope.toFixed(2)} MB/h | ${verdict} |`);
};
row('frame process (Node) RSS', 'frameRss');
row('frame process (Node) RSS, anonymous (heaps, malloc)', 'frameAnon');
row('frame process (Node) RSS, mapped files (code read in as it first runs)', 'frameFile', false);
row('frame process (Node) heap used, after a GC', 'frameHeap');
row('frame process (Node) heap reserved (V8 pages)', 'frameHeapTotal');
row('frame process (Node) external (buffers held by JS)', 'frameExternal');
row('page renderer RSS (with Chromium\'s caches)', 'pageRss');
row(`page renderer, held by the page (${HELD_BY_PAGE.join(' + ')})`, 'pageHeld');
row('… of which malloc', 'pageMalloc', false);
row('… of which PartitionAlloc (buffers, strings, layout)', 'pagePartitionAlloc', false);
row('… of which Blink\'s GC heap (DOM, resources)', 'pageBlinkGc', false);
row('… of which V8', 'pageV8', false);
row('page JS heap used', 'pageHeap');
row(`page renderer, Chromium's caches (${CHROMIUM_CACHES.join(' + ')}; sized from this machine's memory)`, 'pageCaches', false);
if (compared) {
  row('comparison: a plain two-<img> slideshow\'s renderer, held (same allocators)', 'plainHeld', false);
  row('… of which malloc', 'plainMalloc', false);
}
console.log(`| page DOM nodes (garbage not yet collected included) | ${start.nodes} | ${finish.nodes} | ${(slopes.nodes! * 1).toFixed(0)} nodes/h | info |`);
if (warmCollected) {
  const hours = (samples.at(-1)!.at - warmCollectedAt) / 3_600_000;
  console.log(`after a forced page GC at the warm-up's end and at the finish, ${(hours * 60).toFixed(0)} min apart (garbage not counted):`);
  for (const [label, key] of [['held by the page', 'pageHeld'], ['Blink GC heap', 'pageBlinkGc'], ['V8', 'pageV8'], ['malloc', 'pageMalloc'], ['PartitionAlloc', 'pagePartitionAlloc']] as const) {
    const growth = (finish[key] - warmCollected[key]) / 1024 / 1024;
    console.log(`  ${label}: ${mb(warmCollected[key])} → ${mb(finish[key])}, ${(growth / hours).toFixed(2)} MB/h`);
  }
  if (compared) {
    const warm = warmCollected;
    const perHour = (key: 'pageHeld' | 'plainHeld' | 'plainMalloc') => (finish[key] - warm[key]) / 1024 / 1024 / hours;
    console.log(`  the plain slideshow, held: ${mb(warm.plainHeld)} → ${mb(finish.plainHeld)}, ${perHour('plainHeld').toFixed(2)} MB/h (malloc ${perHour('plainMalloc').toFixed(2)} MB/h)`);
    const ours = perHour('pageHeld') - perHour('plainHeld');
    console.log(`  held by the page beyond the plain slideshow: ${ours.toFixed(2)} MB/h (target < ${TARGET_MB_PER_HOUR} MB/h: ${ours < TARGET_MB_PER_HOUR ? 'meets' : 'MISSES'})`);
  }
}
if (warmDump) {
  console.log('allocators that changed by 2 MB or more between the warm-up and the finish:');
  for (const line of allocatorGrowth(warmDump, finish.dump)) console.log(`  ${line}`);
}
await chromium.close();
await plainChromium?.close();
await plain?.stop();
await frame.stop();
await wix.stop();

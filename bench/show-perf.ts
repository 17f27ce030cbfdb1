// The show's motion on a weak board, measured in Chromium at 1080p against a
// local fake Wix: the main thread's share while a photo drifts (Ken Burns is
// the compositor's work, not the page's), and the frame intervals during each
// transition. Beside the still-CPU figure in slideshow-perf.ts.
import { loadavg } from 'node:os';
import { FakeWix } from '../electron/core/demo/fake-wix';
import { makeItems, PROJECT_A, startFakeWix, TEST_KEY, TEST_SITE } from '../electron/core/test-support/fake-wix-fixture';
import { photoPng } from './support/png';
import { FrameProcess, frameEnv, launchBrowser, metrics, openFrame } from './support/frame-page';
import { ms, percentile, type BenchRow } from './table';

const pct = (fraction: number) => `${(fraction * 100).toFixed(2)} %`;

async function put(url: string, patch: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${url}/api/settings`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(patch) });
  if (!response.ok) throw new Error(`settings refused: ${await response.text()}`);
}

export async function benchDriftCpu(): Promise<BenchRow[]> {
  const wix = await startFakeWix(4);
  const browser = await launchBrowser();
  const frame = await new FrameProcess({ env: frameEnv(wix, { FRAME_SLIDE_SECONDS: '600', FRAME_KEN_BURNS: 'on' }) }).start();
  try {
    const { page, cdp } = await openFrame(browser, frame);
    await page.locator('[data-current="true"] .layer__drift').waitFor();
    await page.waitForTimeout(3_000); // the fade-in and decoding settle; the drift goes on for ten minutes
    const running = await page.locator('[data-current="true"] .layer__drift').evaluate((el) => el.getAnimations().filter((a) => a.playState === 'running').length);
    if (running !== 1) throw new Error('the photo is not drifting');
    const a = await metrics(cdp);
    await page.waitForTimeout(10_000);
    const b = await metrics(cdp);
    const share = (b.TaskDuration! - a.TaskDuration!) / (b.Timestamp! - a.Timestamp!);
    return [{ benchmark: 'main thread while a photo drifts (Ken Burns, 10 s, 1080p)', figure: pct(share), target: '< 3 % of one core', comparison: 'a still photo: see the row above', meets: share < 0.03 }];
  } finally {
    await browser.close();
    await frame.stop();
    await wix.stop();
  }
}

/**
 * Frame intervals while one transition plays, from requestAnimationFrame in
 * the page during that transition only (headless Chromium presents no real
 * frames to trace; a frame the renderer cannot produce in time shows up here
 * as a long interval just the same).
 */
export async function benchTransitionFrames(): Promise<BenchRow[]> {
  // Raster photos, as Wix sends them (the SVG scenes of the demo cost more to draw).
  const drawn = new Map<string, Buffer>();
  const wix = await FakeWix.start({
    apiKey: TEST_KEY,
    siteId: TEST_SITE,
    drawMedia: (fileId, w, h) => {
      const key = `${fileId}@${w}x${h}`;
      if (!drawn.has(key)) drawn.set(key, photoPng(fileId, w, h));
      return { body: drawn.get(key)!, contentType: 'image/png' };
    },
  });
  wix.addProject({ id: PROJECT_A, title: 'Raster', items: makeItems(PROJECT_A, 6, wix.url) });
  const browser = await launchBrowser();
  const frame = await new FrameProcess({ env: frameEnv(wix, { FRAME_SLIDE_SECONDS: '600' }) }).start();
  const rows: BenchRow[] = [];
  try {
    const { page } = await openFrame(browser, frame);
    await page.locator('[data-current="true"]').waitFor();
    for (const transition of ['crossfade', 'slide', 'zoom-fade'] as const) {
      await put(frame.url, { transition });
      await page.waitForTimeout(1_500);
      const intervals: number[] = [];
      for (let round = 0; round < 4; round++) {
        await page.waitForTimeout(1_000); // the next photo is decoded ahead
        await page.evaluate(`
          window.__frames = [];
          window.__measuring = true;
          (function tick(t) { if (!window.__measuring) return; window.__frames.push(t); requestAnimationFrame(tick); })(performance.now());
        `);
        await fetch(`${frame.url}/api/show/next`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
        // From the new layer's appearance until the old one is gone (the transition's end).
        await page.waitForFunction(() => document.querySelectorAll('.layer').length === 2, undefined, { timeout: 30_000 });
        const start = (await page.evaluate('performance.now()')) as number;
        await page.waitForFunction(() => document.querySelectorAll('.layer').length === 1, undefined, { timeout: 30_000 });
        const times = (await page.evaluate('window.__measuring = false, window.__frames')) as number[];
        const during = times.filter((t) => t >= start - 20);
        for (let i = 1; i < during.length; i++) intervals.push(during[i]! - during[i - 1]!);
      }
      const p95 = percentile(intervals, 95);
      const load = loadavg()[0]!.toFixed(1);
      rows.push({ benchmark: `frame interval during a ${transition}, 1080p (p95 of ${intervals.length})`, figure: ms(p95), target: '< 20 ms', comparison: `median ${ms(percentile(intervals, 50))}, worst ${ms(Math.max(...intervals))}; load average ${load}`, meets: p95 < 20 });
    }
    return rows;
  } finally {
    await browser.close();
    await frame.stop();
    await wix.stop();
  }
}

// Shared by the slideshow benchmarks: a frame process against a fake Wix and
// a Chromium page showing it, with the CDP metrics the targets are read from.
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { chromiumExecutable } from '../../e2e/support/chromium';
import { FrameProcess } from '../../e2e/support/frame-process';
import type { FakeWix } from '../../electron/core/demo/fake-wix';
import { frameEnvFor } from '../../electron/core/test-support/fake-wix-fixture';

export function frameEnv(wix: FakeWix, extra: Record<string, string> = {}): Record<string, string> {
  return frameEnvFor(wix.url, extra);
}

/** How every benchmark runs Chromium here: software compositing, nothing fetched from outside. */
export const BENCH_CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumExecutable(), args: BENCH_CHROMIUM_FLAGS });
}

export async function openFrame(browser: Browser, frame: FrameProcess): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(frame.url);
  return { page, cdp };
}

export async function metrics(cdp: CDPSession, collectGarbage = false): Promise<Record<string, number>> {
  if (collectGarbage) await cdp.send('HeapProfiler.collectGarbage');
  const { metrics: list } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

/** Counts changes of the shown item in `window.__transitions`, from inside the page (a string, so tsx adds no helpers the page lacks). */
export const TRANSITION_COUNTER = `
  window.__transitions = 0;
  window.__lastShown = '';
  new MutationObserver(() => {
    const id = document.querySelector('[data-current="true"]')?.getAttribute('data-item-id') ?? '';
    if (id && id !== window.__lastShown) {
      window.__lastShown = id;
      window.__transitions++;
    }
  }).observe(document.body, { subtree: true, attributes: true, childList: true });
`;

/** Counts changes of the shown item, from inside the page. */
export async function countTransitions(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(TRANSITION_COUNTER);
  return () => page.evaluate(() => (window as unknown as { __transitions: number }).__transitions);
}

export async function waitForTransitions(read: () => Promise<number>, count: number, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while ((await read()) < count) {
    if (Date.now() > end) throw new Error(`only ${await read()} of ${count} transitions in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export { FrameProcess };

/** The data dir of a frame that ran before: its gallery saved and the first photos cached. */
export async function warmDataDir(browser: Browser, wix: FakeWix): Promise<string> {
  const warm = await new FrameProcess({ env: frameEnv(wix, { FRAME_SLIDE_SECONDS: '600' }) }).start();
  const { page } = await openFrame(browser, warm);
  await page.locator('[data-current="true"] img, img[data-current="true"]').first().waitFor();
  await page.waitForTimeout(1_000); // the prefetch of the next photos lands
  await page.close();
  await warm.stop();
  return warm.dataDir;
}

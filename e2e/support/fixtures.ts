// Playwright fixtures: a fake Wix per test and a factory for frame processes
// pointed at it. Everything stops when the test ends.
import { test as base, expect, type Page } from '@playwright/test';
import type { FakeWix } from '../../electron/core/demo/fake-wix';
import { PROJECT_A, TEST_KEY, TEST_SITE, startFakeWix } from '../../electron/core/test-support/fake-wix-fixture';
import { FrameProcess } from './frame-process';

export { expect, PROJECT_A };

interface Fixtures {
  wix: FakeWix;
  /** Starts a frame against the fake Wix; extra env overrides the defaults. */
  launchFrame: (env?: Record<string, string>, dataDir?: string) => Promise<FrameProcess>;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form.
  wix: async ({}, use) => {
    const wix = await startFakeWix(6);
    await use(wix);
    await wix.stop();
  },
  launchFrame: async ({ wix }, use, testInfo) => {
    const started: FrameProcess[] = [];
    await use(async (env = {}, dataDir) => {
      const frame = new FrameProcess({
        env: {
          WIX_API_BASE_URL: wix.url,
          WIX_MEDIA_BASE_URL: wix.url,
          WIX_API_KEY: TEST_KEY,
          WIX_SITE_ID: TEST_SITE,
          WIX_PROJECT_ID: PROJECT_A,
          FRAME_POLL_SECONDS: '1',
          FRAME_SLIDE_SECONDS: '30',
          ...env,
        },
        ...(dataDir ? { dataDir } : {}),
      });
      started.push(frame);
      return frame.start();
    });
    for (const frame of started) await frame.stop();
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('frame-log', { body: started.flatMap((f) => f.output).join('\n'), contentType: 'text/plain' });
    }
  },
});

/** The id of the item the slideshow shows now. */
export function currentItem(page: Page) {
  return page.locator('[data-current="true"]');
}

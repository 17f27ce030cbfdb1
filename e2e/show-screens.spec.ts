// Screenshots of the show for people to look at (test-results/screenshots/):
// a paired portrait, a drifting photo and the clock, on the official Pi
// touchscreen (800×480), a 1080p screen and the same screen rotated.
import { FrameProcess } from './support/frame-process';
import { expect, test } from './support/fixtures';
import { nextShown, saveSettings, SCREENS, screenshot, shownIds } from './support/show';

for (const size of SCREENS) {
  test(`the demo show at ${size.name}: a pair, a drifting photo, the clock`, async ({ page }) => {
    const demo = await new FrameProcess({ env: { FRAME_SLIDE_SECONDS: '60', FRAME_KEN_BURNS: 'on', FRAME_CLOCK: 'time-date' }, args: ['--demo'] }).start();
    try {
      await saveSettings(demo.url, { captions: 'title-description' });
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.goto(demo.url);
      const first = page.locator('[data-current="true"]').first();
      await expect(first).toBeVisible();
      await expect(page.getByTestId('clock')).toBeVisible();
      // A few seconds into the drift.
      await page.waitForTimeout(4_000);
      await screenshot(page, `show-drift-${size.name}`);
      await screenshot(page, `show-clock-${size.name}`);
      // On to the first pair.
      let ids = await shownIds(page);
      for (let i = 0; i < 4 && ids.length < 2; i++) {
        await page.keyboard.press('ArrowRight');
        ids = await nextShown(page, ids);
      }
      expect(ids).toHaveLength(2);
      await page.waitForTimeout(1_500);
      await screenshot(page, `show-pair-${size.name}`);
    } finally {
      await demo.stop();
    }
  });
}

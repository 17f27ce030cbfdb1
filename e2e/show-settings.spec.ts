// Issue 15, point 6: every show option is in the settings screen, with a live
// preview of the look before Save; saved, the show follows at once.
import { expect, test } from './support/fixtures';
import { screenshot, useGallery } from './support/show';

test('the show options have a live preview, and the show follows once they are saved', async ({ page, wix, launchFrame }) => {
  test.setTimeout(90_000); // three screen sizes and a save
  useGallery(wix, 'LPPL');
  const frame = await launchFrame();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${frame.url}/settings`);
  const preview = page.getByTestId('show-preview');
  await preview.scrollIntoViewIfNeeded();
  await expect(preview).toBeVisible();
  // The frame's own photos, the portraits as a pair (the default), the crossfade, no clock.
  await expect(preview).toHaveAttribute('data-transition', 'crossfade');
  // The preview draws with the show's own layers: the pair comes round within a few steps.
  await expect(preview.locator('.layer[data-kind="pair"]')).toBeAttached({ timeout: 15_000 });
  await expect(preview.getByTestId('clock')).toHaveCount(0);

  // Edits show in the preview before anything is saved.
  await page.getByRole('radio', { name: 'Slide' }).check();
  await page.getByRole('radio', { name: 'Time and date' }).check();
  await page.getByRole('switch', { name: 'Slow pan and zoom' }).check();
  await expect(preview).toHaveAttribute('data-transition', 'slide');
  await expect(preview).toHaveAttribute('data-ken-burns', 'true');
  await expect(preview.getByTestId('clock')).toBeVisible();
  await expect(preview.locator('.layer.layer--t-slide').first()).toBeAttached({ timeout: 10_000 });
  await expect.poll(() => preview.locator('.layer--visible .layer__drift').first().evaluate((el) => el.getAnimations().length), { timeout: 10_000 }).toBe(1);
  await page.getByRole('switch', { name: 'Portrait pairs' }).uncheck();
  await expect(preview.locator('.layer[data-kind="pair"]')).toHaveCount(0);
  await expect(preview.locator('.layer').first()).toBeAttached();
  await page.getByRole('radio', { name: 'Time and date' }).scrollIntoViewIfNeeded();
  await screenshot(page, 'settings-show-preview-1280x900');
  for (const [width, height] of [
    [390, 844],
    [800, 480],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.getByRole('radio', { name: 'Time and date' }).scrollIntoViewIfNeeded();
    await expect(preview).toBeInViewport();
    await screenshot(page, `settings-show-preview-${width}x${height}`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  const saved = async () => (await (await fetch(`${frame.url}/api/settings`)).json()) as Record<string, unknown>;
  expect(await saved()).toMatchObject({ transition: 'crossfade', clock: 'off', kenBurns: false, pairPortraits: true });

  await page.getByTestId('save-settings').click();
  await expect.poll(saved).toMatchObject({ transition: 'slide', clock: 'time-date', kenBurns: true, pairPortraits: false });
  await page.getByRole('button', { name: 'Back to the slideshow' }).click();
  await expect(page.getByTestId('clock')).toBeVisible();
  await expect(page.locator('[data-current="true"]')).toHaveClass(/layer--t-slide/);
  await expect.poll(() => page.locator('[data-current="true"] .layer__drift').evaluate((el) => el.getAnimations().length)).toBe(1);
});

// Issue 13, points 4 to 6 on the show: keys, taps, swipes and the API move
// the show; a quiet mark while paused; problems said in one corner line;
// captions legible from across a room on a scrim that keeps WCAG AA over any
// photo; no serious or critical axe findings.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { FakeWix } from '../electron/core/demo/fake-wix';
import { encodeRgbPng } from '../electron/core/demo/png';
import { scenePng } from '../electron/core/demo/scene-png';
import { PROJECT_A, TEST_KEY, TEST_SITE, makeItems } from '../electron/core/test-support/fake-wix-fixture';
import { FrameProcess } from './support/frame-process';
import { expect, test } from './support/fixtures';
import { command, nextShown, saveSettings, screenshot, shownIds } from './support/show';

const show = (page: Page) => page.getByTestId('show');

test('keys: → next, ← previous, Space pauses and resumes with a quiet mark', async ({ page, wix, launchFrame }) => {
  const [a, b] = wix.items(PROJECT_A);
  const frame = await launchFrame();
  await page.goto(frame.url);
  await expect.poll(() => shownIds(page)).toEqual([a!.id]);
  await expect(show(page)).toHaveAttribute('data-paused', 'false');
  await page.keyboard.press('ArrowRight');
  expect(await nextShown(page, [a!.id])).toEqual([b!.id]);
  await page.keyboard.press('ArrowLeft');
  expect(await nextShown(page, [b!.id])).toEqual([a!.id]);
  await page.keyboard.press('Space');
  await expect(show(page)).toHaveAttribute('data-paused', 'true');
  await expect(page.getByTestId('pause-mark')).toBeVisible();
  expect((await (await fetch(`${frame.url}/api/show/showing`)).json()).paused).toBe(true);
  await page.keyboard.press('Space');
  await expect(show(page)).toHaveAttribute('data-paused', 'false');
  await expect(page.getByTestId('pause-mark')).toHaveCount(0);
});

test('taps: right third next, left third previous, middle shows the caption and the strip for a few seconds', async ({ page, wix, launchFrame }) => {
  const [a, b] = wix.items(PROJECT_A);
  const frame = await launchFrame();
  await page.goto(frame.url);
  await expect.poll(() => shownIds(page)).toEqual([a!.id]);
  await page.mouse.click(1100, 400);
  expect(await nextShown(page, [a!.id])).toEqual([b!.id]);
  await page.mouse.click(150, 400);
  expect(await nextShown(page, [b!.id])).toEqual([a!.id]);
  // Captions are off: a tap in the middle brings the caption and the strip anyway.
  await expect(page.locator('[data-current="true"] .caption')).toHaveCount(0);
  await page.mouse.click(640, 400);
  await expect(page.getByTestId('control-strip')).toBeVisible();
  await expect(page.locator('[data-current="true"] .caption')).toContainText(a!.title);
  await page.getByRole('button', { name: 'Pause the show' }).click();
  await expect(show(page)).toHaveAttribute('data-paused', 'true');
  await page.getByRole('button', { name: 'Resume the show' }).click();
  await expect(show(page)).toHaveAttribute('data-paused', 'false');
  await page.getByRole('button', { name: 'Next photo' }).click();
  expect(await nextShown(page, [a!.id])).toEqual([b!.id]);
  // And it goes again by itself.
  await expect(page.getByTestId('control-strip')).toHaveCount(0, { timeout: 8_000 });
  await expect(page.locator('[data-current="true"] .caption')).toHaveCount(0);
});

test('swipes: left goes next, right goes previous; the long press in the corner still opens settings', async ({ page, wix, launchFrame }) => {
  const [a, b] = wix.items(PROJECT_A);
  const frame = await launchFrame();
  await page.goto(frame.url);
  await expect.poll(() => shownIds(page)).toEqual([a!.id]);
  const swipe = async (from: number, to: number) => {
    await page.mouse.move(from, 360);
    await page.mouse.down();
    await page.mouse.move(to, 370, { steps: 2 });
    await page.mouse.up();
  };
  await swipe(900, 400);
  expect(await nextShown(page, [a!.id])).toEqual([b!.id]);
  await swipe(400, 900);
  expect(await nextShown(page, [b!.id])).toEqual([a!.id]);
  await page.mouse.move(30, 30);
  await page.mouse.down();
  await expect(page.getByTestId('settings')).toBeVisible({ timeout: 3_500 });
  await page.mouse.up();
});

test('the local API moves every screen: next, previous, pause, resume; what is showing is reported back', async ({ page, browser, wix, launchFrame }) => {
  const [a, b] = wix.items(PROJECT_A);
  const frame = await launchFrame();
  const second = await browser.newPage();
  await page.goto(frame.url);
  await second.goto(frame.url);
  for (const p of [page, second]) await expect.poll(() => shownIds(p)).toEqual([a!.id]);
  await command(frame.url, 'next');
  for (const p of [page, second]) expect(await nextShown(p, [a!.id])).toEqual([b!.id]);
  await expect.poll(async () => ((await (await fetch(`${frame.url}/api/show/showing`)).json()) as { showing: { itemIds: string[]; title: string } }).showing).toMatchObject({ itemIds: [b!.id], title: b!.title });
  await command(frame.url, 'pause');
  for (const p of [page, second]) await expect(show(p)).toHaveAttribute('data-paused', 'true');
  await command(frame.url, 'previous');
  expect(await nextShown(page, [b!.id])).toEqual([a!.id]);
  await expect(show(page)).toHaveAttribute('data-paused', 'true'); // still paused, on the previous photo
  await command(frame.url, 'resume');
  await expect(show(page)).toHaveAttribute('data-paused', 'false');
  // A form post from another site cannot do it: writes are JSON.
  expect((await fetch(`${frame.url}/api/show/next`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1' })).status).toBe(415);
  await second.close();
});

test('a problem is said in one calm line in the corner, and goes when it is solved', async ({ page, wix, launchFrame }) => {
  const frame = await launchFrame();
  await page.goto(frame.url);
  await expect(page.locator('[data-current="true"]')).toBeVisible();
  await expect(page.getByTestId('status-note')).toHaveCount(0);
  wix.down = { kind: 'status', status: 503 };
  const note = page.getByTestId('status-note');
  // The poller retries a 503 five times with backoff (8–15.5 s with jitter) before it reports it.
  test.setTimeout(90_000);
  await expect(note).toBeVisible({ timeout: 30_000 });
  await expect(note).toContainText(/Wix/);
  await expect(note).toContainText(/The show goes on/);
  const box = (await note.boundingBox())!;
  expect(box.x + box.width).toBeGreaterThan(1280 - 40);
  expect(box.y + box.height).toBeGreaterThan(720 - 40);
  await screenshot(page, 'show-problem-1280x720');
  wix.down = null;
  await expect(note).toHaveCount(0, { timeout: 15_000 });
});

/** A pure white photo: every row a filter byte, then white pixels. */
function whitePng(width: number, height: number): Buffer {
  const rows = new Uint8Array((1 + width * 3) * height).fill(255);
  for (let y = 0; y < height; y++) rows[y * (1 + width * 3)] = 0;
  return encodeRgbPng(width, height, rows);
}

for (const size of [
  { width: 1920, height: 1080 },
  { width: 800, height: 480 },
  { width: 1080, height: 1920 },
]) {
  test(`captions at ${size.width}x${size.height}: large enough across a room, AA contrast over a white photo, no serious axe findings`, async ({ page }) => {
    // A pure white photo is the worst case for white text.
    const wix = await FakeWix.start({
      apiKey: TEST_KEY,
      siteId: TEST_SITE,
      drawMedia: (fileId, w, h) => ({ body: fileId.startsWith('demo0_') ? whitePng(w, h) : scenePng(fileId, w, h), contentType: 'image/png' }),
    });
    const items = makeItems(PROJECT_A, 3, wix.url);
    items[0]!.title = 'Grandma’s ninetieth birthday in the garden';
    items[0]!.description = 'Everyone came, even the cousins from the coast.';
    wix.addProject({ id: PROJECT_A, title: 'Family', items });
    const frame = await new FrameProcess({ env: { WIX_API_BASE_URL: wix.url, WIX_MEDIA_BASE_URL: wix.url, WIX_API_KEY: TEST_KEY, WIX_SITE_ID: TEST_SITE, WIX_PROJECT_ID: PROJECT_A, FRAME_SLIDE_SECONDS: '60', FRAME_CLOCK: 'time-date' } }).start();
    try {
      await saveSettings(frame.url, { captions: 'title-description' });
      await page.setViewportSize(size);
      await page.goto(frame.url);
      const caption = page.locator('.layer .caption').last();
      await expect(caption).toBeVisible();
      await page.waitForTimeout(1_500); // fully faded in
      const sizes = await caption.evaluate((el) => ({
        title: parseFloat(getComputedStyle(el.querySelector('.caption__title')!).fontSize),
        text: parseFloat(getComputedStyle(el.querySelector('.caption__text')!).fontSize),
      }));
      expect(sizes.title).toBeGreaterThanOrEqual(0.035 * size.height);
      expect(sizes.text).toBeGreaterThanOrEqual(0.025 * size.height);

      // The scrim alone, text hidden: its brightest pixel behind the words still gives white text 4.5:1.
      await page.addStyleTag({ content: '.caption__title, .caption__text { color: transparent !important; text-shadow: none !important; }' });
      const boxes = await caption.evaluate((el) => [...el.querySelectorAll('.caption__title, .caption__text')].map((t) => t.getBoundingClientRect().toJSON() as DOMRect));
      const shot = await page.screenshot();
      // Decoded in the page: the brightest pixel behind the words, as WCAG relative luminance.
      const brightest = await page.evaluate(
        async ({ data, boxes }) => {
          const img = new Image();
          img.src = `data:image/png;base64,${data}`;
          await img.decode();
          const canvas = document.createElement('canvas');
          canvas.width = img.width;
          canvas.height = img.height;
          const ctx = canvas.getContext('2d')!;
          ctx.drawImage(img, 0, 0);
          const lin = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
          let max = 0;
          for (const b of boxes) {
            const { data: px } = ctx.getImageData(Math.floor(b.left), Math.floor(b.top), Math.ceil(b.width), Math.ceil(b.height));
            for (let i = 0; i < px.length; i += 4) max = Math.max(max, 0.2126 * lin(px[i]!) + 0.7152 * lin(px[i + 1]!) + 0.0722 * lin(px[i + 2]!));
          }
          return max;
        },
        { data: shot.toString('base64'), boxes },
      );
      expect(brightest).toBeGreaterThan(0); // the photo really is under the caption
      expect((1 + 0.05) / (brightest + 0.05)).toBeGreaterThanOrEqual(4.5);

      // The show with everything on it: caption, clock, the control strip and the pause mark.
      await page.addStyleTag({ content: '.caption__title, .caption__text { color: #fff !important; }' });
      await page.mouse.click(size.width / 2, size.height / 2);
      await page.keyboard.press('Space');
      await expect(page.getByTestId('pause-mark')).toBeVisible();
      await expect(page.getByTestId('control-strip')).toBeVisible();
      const results = await new AxeBuilder({ page }).analyze();
      const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      await screenshot(page, `show-caption-${size.width}x${size.height}`);
    } finally {
      await frame.stop();
      await wix.stop();
    }
  });
}

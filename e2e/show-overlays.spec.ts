// Issue 15, points 3 and 4: the clock (off, time, time and date; 12 or 24 h
// from the locale), overlays that move a few pixels every few minutes, and
// new arrivals shown next (by poll or by webhook) before the order resumes.
import { exportSPKI, generateKeyPair } from 'jose';
import { sampleItem } from '../electron/core/demo/sample-project';
import { signWixEvent } from '../electron/core/webhook/sign-event';
import { PROJECT_A, expect, test } from './support/fixtures';
import { nextShown, shownIds } from './support/show';

test('the clock is off by default', async ({ page, launchFrame }) => {
  const frame = await launchFrame();
  await page.goto(frame.url);
  await expect(page.locator('[data-current="true"]')).toBeVisible();
  await expect(page.getByTestId('clock')).toHaveCount(0);
});

test.describe('in a 12-hour locale', () => {
  test.use({ locale: 'en-US', timezoneId: 'UTC' });
  test('the clock shows the time with AM/PM, and the date when asked', async ({ page, launchFrame }) => {
    const frame = await launchFrame({ FRAME_CLOCK: 'time-date' });
    await page.clock.install({ time: new Date('2026-03-14T15:04:00Z') });
    await page.goto(frame.url);
    await expect(page.getByTestId('clock').locator('.clock__time')).toHaveText('3:04 PM');
    await expect(page.getByTestId('clock').locator('.clock__date')).toHaveText('Saturday, March 14');
    // On the minute, it turns.
    await page.clock.fastForward('01:00');
    await expect(page.getByTestId('clock').locator('.clock__time')).toHaveText('3:05 PM');
  });
});

test.describe('in a 24-hour locale', () => {
  test.use({ locale: 'de-DE', timezoneId: 'UTC' });
  test('the clock shows 24-hour time, and no date in time mode', async ({ page, launchFrame }) => {
    const frame = await launchFrame({ FRAME_CLOCK: 'time' });
    await page.clock.install({ time: new Date('2026-03-14T15:04:00Z') });
    await page.goto(frame.url);
    await expect(page.getByTestId('clock').locator('.clock__time')).toHaveText('15:04');
    await expect(page.getByTestId('clock').locator('.clock__date')).toHaveCount(0);
  });
});

test('the clock, the caption and the status line move a few pixels every few minutes', async ({ page, wix, launchFrame }) => {
  // Slides long enough that minutes fast-forwarded never look like a stuck show to the watchdog (which reloads).
  const frame = await launchFrame({ FRAME_CLOCK: 'time', FRAME_SLIDE_SECONDS: '3600' });
  await page.clock.install();
  await page.goto(frame.url);
  await expect(page.locator('[data-current="true"]')).toBeVisible();
  wix.down = { kind: 'status', status: 503 }; // a status line to watch
  // The poller retries a 503 five times with backoff (8–15.5 s with jitter) before it reports it.
  test.setTimeout(90_000);
  await expect(page.getByTestId('status-note')).toBeVisible({ timeout: 30_000 });
  const where = () =>
    page.evaluate(() =>
      ['.clock', '[data-current="true"] .caption', '[data-testid="status-note"]'].map((selector) => {
        const el = document.querySelector(selector);
        return el ? getComputedStyle(el).translate : null;
      }),
    );
  await fetch(`${frame.url}/api/settings`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ captions: 'title' }) });
  await expect(page.locator('[data-current="true"] .caption')).toBeVisible();
  const before = await where();
  await page.clock.fastForward('03:05');
  const after = await where();
  expect(after[0]).not.toBe(before[0]);
  expect(after[1]).not.toBe(before[1]);
  expect(after[2]).not.toBe(before[2]);
  // A few pixels, not a jump.
  for (const value of after.filter((v): v is string => !!v && v !== 'none')) {
    for (const px of value.split(' ').map(parseFloat)) expect(Math.abs(px)).toBeLessThanOrEqual(6);
  }
});

test('a photo added on Wix by poll is shown next, then the order resumes where it was', async ({ page, wix, launchFrame }) => {
  const [a, b, c] = wix.items(PROJECT_A);
  const frame = await launchFrame();
  await page.goto(frame.url);
  await expect.poll(() => shownIds(page)).toEqual([a!.id]);
  await page.keyboard.press('ArrowRight');
  expect(await nextShown(page, [a!.id])).toEqual([b!.id]);
  // Added at the end of the gallery: it still comes next.
  const added = { ...sampleItem(PROJECT_A, 30, wix.url, 'Just added'), sortOrder: 1000 };
  wix.items(PROJECT_A).push(added);
  await expect.poll(async () => ((await (await fetch(`${frame.url}/api/state`)).json()) as { items: { id: string }[] }).items.some((i) => i.id === added.id)).toBe(true);
  await page.keyboard.press('ArrowRight');
  expect(await nextShown(page, [b!.id])).toEqual([added.id]);
  await page.keyboard.press('ArrowRight');
  expect(await nextShown(page, [added.id])).toEqual([c!.id]);
});

test('a photo added by webhook is shown next, then the order resumes where it was', async ({ page, wix, launchFrame }) => {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const [a, b] = wix.items(PROJECT_A);
  const frame = await launchFrame({ FRAME_POLL_SECONDS: '3600', WIX_WEBHOOK_PUBLIC_KEY: await exportSPKI(publicKey) });
  await page.goto(frame.url);
  await expect.poll(() => shownIds(page)).toEqual([a!.id]);
  const added = { ...sampleItem(PROJECT_A, 31, wix.url, 'By webhook'), sortOrder: 1000 };
  wix.items(PROJECT_A).push(added);
  const token = await signWixEvent(privateKey, { kind: 'created', itemId: added.id, entity: { ...added } });
  expect((await fetch(frame.webhookUrl, { method: 'POST', body: token })).status).toBe(200);
  await expect.poll(async () => ((await (await fetch(`${frame.url}/api/state`)).json()) as { items: { id: string }[] }).items.some((i) => i.id === added.id)).toBe(true);
  await page.keyboard.press('ArrowRight');
  expect(await nextShown(page, [a!.id])).toEqual([added.id]);
  await page.keyboard.press('ArrowRight');
  expect(await nextShown(page, [added.id])).toEqual([b!.id]);
});

import { sampleItem } from '../electron/core/demo/sample-project';
import { PROJECT_A, currentItem, expect, test } from './support/fixtures';

const stateOf = async (url: string) => (await (await fetch(`${url}/api/state`)).json()) as { items: { id: string }[]; lastError: string | null };

test('the first photo of the project appears, at screen size', async ({ page, wix, launchFrame }) => {
  const frame = await launchFrame();
  await page.goto(frame.url);
  const first = wix.items(PROJECT_A)[0]!;
  await expect(currentItem(page)).toHaveAttribute('data-item-id', first.id);
  await expect(currentItem(page).locator('img')).toBeVisible();
  // 1280×720 viewport at device pixel ratio 1: Wix is asked for exactly that, never the original.
  expect(wix.mediaRequests.length).toBeGreaterThan(0);
  for (const path of wix.mediaRequests) expect(path).toMatch(/\/v1\/(fit|fill)\/w_1280,h_720,/);
});

test('the page asks for its snapshot once: the request that came with the page is the one its script reads', async ({ page, launchFrame }) => {
  const frame = await launchFrame();
  const asked: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/snapshot') asked.push(request.url());
  });
  await page.goto(frame.url);
  await expect(currentItem(page).locator('img')).toBeVisible();
  expect(asked).toHaveLength(1);
});

test('an item added on Wix appears after the next poll', async ({ page, wix, launchFrame }) => {
  const frame = await launchFrame({ FRAME_SLIDE_SECONDS: '1' });
  wix.items(PROJECT_A).splice(2);
  await page.goto(frame.url);
  await expect(currentItem(page)).toBeVisible();
  const added = { ...sampleItem(PROJECT_A, 40, wix.url), title: 'Just added', sortOrder: 1.5 };
  wix.items(PROJECT_A).push(added);
  await expect(page.locator(`[data-current="true"][data-item-id="${added.id}"]`)).toBeVisible({ timeout: 15_000 });
});

test('an item deleted on Wix leaves the screen', async ({ page, wix, launchFrame }) => {
  const frame = await launchFrame();
  await page.goto(frame.url);
  const shown = wix.items(PROJECT_A)[0]!;
  await expect(currentItem(page)).toHaveAttribute('data-item-id', shown.id);
  wix.items(PROJECT_A).shift();
  await expect(currentItem(page)).not.toHaveAttribute('data-item-id', shown.id, { timeout: 5_000 });
  await expect(currentItem(page)).toHaveAttribute('data-item-id', wix.items(PROJECT_A)[0]!.id);
});

test('Wix going down keeps the gallery on screen, and coming back recovers', async ({ page, wix, launchFrame }) => {
  test.setTimeout(90_000);
  const frame = await launchFrame();
  await page.goto(frame.url);
  const shown = wix.items(PROJECT_A)[0]!.id;
  await expect(currentItem(page)).toHaveAttribute('data-item-id', shown);
  wix.down = { kind: 'status', status: 503 };
  // The poller retries a 503 five times, backing off from 500 ms (8 to 15.5 s in all, with jitter), before it reports it.
  await expect.poll(async () => (await stateOf(frame.url)).lastError, { timeout: 30_000 }).toMatch(/unavailable/);
  await expect(page.getByTestId('status-note')).toBeVisible();
  await expect(currentItem(page)).toHaveAttribute('data-item-id', shown);
  expect((await stateOf(frame.url)).items).toHaveLength(6);
  wix.down = null;
  await expect.poll(async () => (await stateOf(frame.url)).lastError, { timeout: 15_000 }).toBeNull();
  await expect(page.getByTestId('status-note')).toBeHidden();
  await expect(currentItem(page)).toHaveAttribute('data-item-id', shown);
});

test('a restart with Wix down shows the persisted gallery', async ({ page, wix, launchFrame }) => {
  const first = await launchFrame();
  await expect.poll(async () => (await stateOf(first.url)).items.length).toBe(6);
  await first.stop();
  wix.down = { kind: 'reset' };
  const second = await launchFrame({}, first.dataDir);
  await page.goto(second.url);
  await expect(currentItem(page)).toHaveAttribute('data-item-id', wix.items(PROJECT_A)[0]!.id);
});

test('an empty project shows the calm empty screen, then photos when they arrive', async ({ page, wix, launchFrame }) => {
  const items = wix.items(PROJECT_A).splice(0);
  const frame = await launchFrame();
  await page.goto(frame.url);
  await expect(page.getByTestId('empty')).toBeVisible();
  wix.items(PROJECT_A).push(...items);
  await expect(currentItem(page)).toHaveAttribute('data-item-id', items[0]!.id, { timeout: 10_000 });
  await expect(page.getByTestId('empty')).toBeHidden();
});

test('the demo gallery works without a Wix account', async ({ page }) => {
  const { FrameProcess } = await import('./support/frame-process');
  const demo = await new FrameProcess({ env: {}, args: ['--demo'] }).start();
  try {
    await page.goto(demo.url);
    await expect(currentItem(page)).toBeVisible();
    const state = await stateOf(demo.url);
    expect(state.items.length).toBeGreaterThanOrEqual(12);
    await expect(currentItem(page)).toHaveAttribute('data-item-id', state.items[0]!.id);
  } finally {
    await demo.stop();
  }
});

test('a bad setting stops the frame with one clear line', async () => {
  const { FrameProcess } = await import('./support/frame-process');
  const frame = new FrameProcess({ env: { FRAME_POLL_SECONDS: 'soon' } });
  const error = await frame.start().then(
    () => null,
    (e: Error) => e.message,
  );
  expect(error).toContain('FRAME_POLL_SECONDS must be a number of seconds from 1 to 86400, got "soon".');
});


test('a rotated or resized screen gets media at its new size', async ({ page, wix, launchFrame }) => {
  const frame = await launchFrame({ FRAME_SLIDE_SECONDS: '2' });
  await page.goto(frame.url);
  await expect(currentItem(page)).toBeVisible();
  // Portrait, as after rotating the display.
  await page.setViewportSize({ width: 720, height: 1280 });
  await expect.poll(() => wix.mediaRequests.some((path) => /\/v1\/(fit|fill)\/w_720,h_1280,/.test(path)), { timeout: 10_000 }).toBe(true);
  await expect(currentItem(page).locator('img').first()).toHaveAttribute('src', /w=720&h=1280/, { timeout: 10_000 });
});

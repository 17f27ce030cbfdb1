// Issue 15, points 2 and 5: Ken Burns toward the focal point and the three
// transitions, all played by the compositor: only transform and opacity
// animate, and the page runs no script per frame.
import { PROJECT_A, expect, test } from './support/fixtures';
import { saveSettings, nextShown, shownIds, useGallery } from './support/show';

/** Counts requestAnimationFrame calls from the start of the page. */
const COUNT_RAF = `
  window.__rafCalls = 0;
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) => { window.__rafCalls++; return raf(cb); };
`;

/** Every animation running in the page: what it animates, and how. */
const RUNNING = () =>
  document.getAnimations().map((a) => ({
    kind: a.constructor.name,
    property: 'transitionProperty' in a ? (a as CSSTransition).transitionProperty : null,
    keyframes: (a.effect as KeyframeEffect | null)?.getKeyframes().flatMap((k) => Object.keys(k).filter((p) => !['offset', 'easing', 'composite', 'computedOffset'].includes(p))) ?? [],
    state: a.playState,
  }));

test('Ken Burns drifts toward the focal point from image.focalPoint, by the compositor alone', async ({ page, wix, launchFrame }) => {
  const [first] = useGallery(wix, 'LL');
  // As Wix sends it: the focal point beside imageInfo.
  first!.image!.focalPoint = { x: 0.2, y: 0.3 };
  const frame = await launchFrame({ FRAME_KEN_BURNS: 'on' });
  await page.addInitScript(COUNT_RAF);
  await page.goto(frame.url);
  const drift = page.locator('[data-current="true"] .layer__drift');
  await expect(drift).toBeAttached();
  await expect.poll(() => drift.evaluate((el) => el.getAnimations().length)).toBe(1);
  // A 6000×4000 photo whole on 1280×720 is 1080 px wide from x = 100: the focal point is at (316, 216).
  expect(await drift.evaluate((el) => el.style.transformOrigin)).toBe('316px 216px');
  const [animation] = await drift.evaluate((el) => el.getAnimations().map((a) => ({ state: a.playState, frames: (a.effect as KeyframeEffect).getKeyframes().map((k) => k.transform) })));
  expect(animation!.state).toBe('running');
  expect(animation!.frames[1]).toMatch(/^translate3d\([\d.]+px, [\d.]+px, 0px\) scale\(1\.1\)$/); // toward the middle: right and down
  // It moves while the page sleeps: two seconds of drift, no frame callbacks.
  const before = await drift.evaluate((el) => getComputedStyle(el).transform);
  await page.waitForTimeout(2_000);
  expect(await drift.evaluate((el) => getComputedStyle(el).transform)).not.toBe(before);
  expect(await page.evaluate(() => (window as unknown as { __rafCalls: number }).__rafCalls)).toBe(0);
  expect((await page.evaluate(RUNNING)).every((a) => a.keyframes.every((p) => p === 'transform'))).toBe(true);
});

test('without a focal point the drift goes to the centre, and it holds still while paused', async ({ page, wix, launchFrame }) => {
  useGallery(wix, 'LL');
  const frame = await launchFrame({ FRAME_KEN_BURNS: 'on' });
  await page.goto(frame.url);
  const drift = page.locator('[data-current="true"] .layer__drift');
  await expect.poll(() => drift.evaluate((el) => el.getAnimations().length)).toBe(1);
  expect(await drift.evaluate((el) => el.style.transformOrigin)).toBe('640px 360px');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('show')).toHaveAttribute('data-paused', 'true');
  await expect.poll(() => drift.evaluate((el) => el.getAnimations()[0]?.playState)).toBe('paused');
});

test('Ken Burns is off by default', async ({ page, launchFrame }) => {
  const frame = await launchFrame();
  await page.goto(frame.url);
  await expect(page.locator('[data-current="true"]')).toBeVisible();
  // Once the crossfade (1 s) and the first photo's backdrop fade (0.8 s after it)
  // are over, nothing runs; a drift would run for the whole slide (10 s and more).
  await expect.poll(() => page.evaluate(RUNNING), { timeout: 4_000 }).toEqual([]);
});

for (const transition of ['crossfade', 'slide', 'zoom-fade'] as const) {
  test(`the ${transition} moves the layers by transform and opacity only, then leaves nothing running`, async ({ page, wix, launchFrame }) => {
    const frame = await launchFrame();
    await saveSettings(frame.url, { transition });
    await page.addInitScript(COUNT_RAF);
    await page.goto(frame.url);
    await expect(page.locator('[data-current="true"]')).toHaveAttribute('data-item-id', wix.items(PROJECT_A)[0]!.id);
    await expect(page.locator('[data-current="true"]')).toHaveClass(new RegExp(`layer--t-${transition}`));
    await page.waitForTimeout(1_500);
    // Every transition that starts from here on, as the page sees it.
    await page.evaluate(() => {
      const w = window as unknown as { __transitions: string[] };
      w.__transitions = [];
      document.addEventListener('transitionrun', (e) => w.__transitions.push(`${(e.target as HTMLElement).className.split(' ')[0]}:${e.propertyName}`), true);
    });
    const before = await shownIds(page);
    await page.keyboard.press('ArrowRight');
    await nextShown(page, before);
    // Done: the old layer is gone and, once the last frame of the transition is drawn, nothing animates any more.
    await expect(page.locator('.layer')).toHaveCount(1, { timeout: 10_000 });
    await expect.poll(() => page.evaluate(RUNNING), { timeout: 5_000 }).toEqual([]);
    const ran = await page.evaluate(() => (window as unknown as { __transitions: string[] }).__transitions);
    // The layers came and went by transform and opacity alone.
    expect(ran.length).toBeGreaterThan(0);
    for (const entry of ran) expect(entry).toMatch(/^layer:(opacity|transform)$/);
    expect(await page.evaluate(() => (window as unknown as { __rafCalls: number }).__rafCalls)).toBe(0);
  });
}

test('the slide goes the way the show goes: onward from the right, back ("previous") from the left', async ({ page, launchFrame }) => {
  const frame = await launchFrame();
  await saveSettings(frame.url, { transition: 'slide' });
  await page.goto(frame.url);
  await expect(page.locator('[data-current="true"]')).toHaveClass(/layer--t-slide/);
  // Where the incoming layer starts, as its transform transition begins: right of the screen (+) or left (-).
  await page.evaluate(() => {
    const w = window as unknown as { __entered: number[] };
    w.__entered = [];
    document.addEventListener('transitionrun', (e) => {
      const layer = e.target as HTMLElement;
      if (e.propertyName === 'transform' && layer.dataset.current === 'true') w.__entered.push(Math.sign(new DOMMatrix(getComputedStyle(layer).transform).m41));
    }, true);
  });
  const entered = () => page.evaluate(() => (window as unknown as { __entered: number[] }).__entered);
  for (const [key, side] of [['ArrowRight', 1], ['ArrowLeft', -1]] as const) {
    const before = await shownIds(page);
    await expect(page.locator('.layer')).toHaveCount(1, { timeout: 10_000 });
    const count = (await entered()).length;
    await page.keyboard.press(key);
    await nextShown(page, before);
    await expect.poll(async () => (await entered()).slice(count)).toEqual([side]);
  }
});

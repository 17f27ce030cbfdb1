// Screenshots of every screen a person meets, at the sizes frames and phones
// have: the official 800×480 touchscreen, a 390×844 phone, a 1080p TV and a
// portrait 1080×1920 screen. All land in test-results/screens/ to be looked
// at; each scene also checks nothing runs off the side of the screen.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { PROJECT_B, TEST_KEY, TEST_SITE } from '../electron/core/test-support/fake-wix-fixture';
import { PROJECT_A, currentItem, expect, test } from './support/fixtures';

const SIZES = [
  [800, 480],
  [390, 844],
  [1920, 1080],
  [1080, 1920],
] as const;
const DIR = join('test-results', 'screens');
const FIRST_RUN = { WIX_API_KEY: '', WIX_SITE_ID: '', WIX_PROJECT_ID: '', FRAME_HTTP_HOST: '0.0.0.0' };
/** Saved, not environment-fixed settings: the screen as people mostly see it. */
const SAVED = { WIX_API_KEY: '', WIX_SITE_ID: '', WIX_PROJECT_ID: '', FRAME_SLIDE_SECONDS: '', FRAME_POLL_SECONDS: '', FRAME_HTTP_HOST: '0.0.0.0' };
/** A schedule that keeps the screen on whenever the test runs (off one minute before midnight). */
const ALWAYS_ON = Array.from({ length: 7 }, () => ({ enabled: true, on: '00:00', off: '23:59' }));
const LONG_TITLE = 'Grandma’s 90th birthday with the whole family at the lake house';

test.describe.configure({ timeout: 120_000 });
test.beforeAll(() => mkdirSync(DIR, { recursive: true }));

/** Shoots the scene at every size; `arrange` brings the scene back after a resize (scrolling, say). */
async function shoot(page: Page, name: string, arrange: () => Promise<void> = async () => undefined) {
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    await arrange();
    await page.evaluate(() => document.fonts.ready);
    writeFileSync(join(DIR, `${name}-${width}x${height}.png`), await page.screenshot());
    // When the page scrolls sideways, name what sticks out.
    const wide = await page.evaluate((w) => {
      if (document.documentElement.scrollWidth <= w) return [];
      return [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > w + 0.5).map((el) => `${el.tagName.toLowerCase()}.${el.className}`).slice(0, 5);
    }, width);
    expect(wide, `${name} at ${width}×${height} scrolls sideways`).toEqual([]);
  }
}

const toSection = (page: Page, id: string) => async () => {
  await page.locator(`#${id}`).evaluate((el) => el.scrollIntoView({ block: 'start' }));
};

async function saveSettings(url: string, token: string, patch: Record<string, unknown>) {
  const response = await fetch(`${url}/api/settings`, { method: 'PUT', headers: { 'content-type': 'application/json', 'x-frame-admin-token': token }, body: JSON.stringify(patch) });
  expect(response.status).toBe(200);
}

const tokenOf = async (url: string) => ((await (await fetch(`${url}/api/admin-token`)).json()) as { token: string }).token;

test('first run, the empty screen', async ({ page, wix, launchFrame }) => {
  wix.projects.get(PROJECT_A)!.coverFileId = 'cover~mv2.jpg';
  wix.projects.get(PROJECT_B)!.coverFileId = 'garden~mv2.jpg';
  wix.projects.get(PROJECT_B)!.title = LONG_TITLE;
  const frame = await launchFrame(FIRST_RUN);
  await page.goto(frame.url);
  await expect(page.getByTestId('setup-qr')).toBeVisible();
  await shoot(page, 'first-run', () => page.evaluate(() => window.scrollTo(0, 0)));

  await page.getByRole('radio', { name: 'API key' }).check();
  await page.locator('#field-apiKey').fill(TEST_KEY);
  await page.locator('#field-siteId').fill(TEST_SITE);
  await page.getByTestId('test-connection').click();
  await expect(page.getByTestId('project-option')).toHaveCount(2);
  await expect.poll(() => page.locator('.project__cover').evaluateAll((imgs) => imgs.every((img) => (img as HTMLImageElement).complete))).toBe(true);
  await shoot(page, 'first-run-tested', () => page.getByTestId('connection-ok').evaluate((el) => el.scrollIntoView({ block: 'start' })));

  await page.getByRole('button', { name: 'Back to the slideshow' }).click();
  await page.getByRole('button', { name: 'Don’t save' }).click();
  await expect(page.getByTestId('empty')).toBeVisible();
  await shoot(page, 'empty');
});

test('the show with captions', async ({ page, wix, launchFrame }) => {
  const titles = [
    ['Sunset over the lake', 'The last evening of the summer holidays, everyone on the jetty.'],
    ['Grandma’s garden in June', 'Peonies, roses and the old pear tree.'],
  ];
  wix.items(PROJECT_A).forEach((item, i) => Object.assign(item, { title: titles[i % 2]![0], description: titles[i % 2]![1] }));
  const frame = await launchFrame({ ...SAVED, WIX_API_KEY: TEST_KEY, WIX_SITE_ID: TEST_SITE, WIX_PROJECT_ID: PROJECT_A });
  await saveSettings(frame.url, await tokenOf(frame.url), { captions: 'title-description' });
  await page.goto(frame.url);
  await expect(currentItem(page)).toBeVisible();
  await shoot(page, 'show-captions', async () => {
    await expect(currentItem(page).locator('img').first()).toBeVisible();
    await page.waitForTimeout(1_200); // the crossfade and the caption's fade-in
  });
});

test('each settings section', async ({ page, wix, launchFrame }) => {
  wix.projects.get(PROJECT_A)!.coverFileId = 'cover~mv2.jpg';
  wix.projects.get(PROJECT_B)!.coverFileId = 'garden~mv2.jpg';
  wix.projects.get(PROJECT_B)!.title = LONG_TITLE;
  const frame = await launchFrame(SAVED);
  await saveSettings(frame.url, await tokenOf(frame.url), { authMode: 'apiKey', apiKey: TEST_KEY, siteId: TEST_SITE, projectId: PROJECT_B, scheduleEnabled: true, weekSchedule: ALWAYS_ON });
  await page.goto(`${frame.url}/settings`);
  await expect(page.getByTestId('project-option')).toHaveCount(2);
  await expect.poll(() => page.locator('.project__cover').evaluateAll((imgs) => imgs.every((img) => (img as HTMLImageElement).complete))).toBe(true);
  // Every target is at least 48 px tall, on the smallest screen too.
  await page.setViewportSize({ width: 800, height: 480 });
  const small = await page.locator('.settings button:visible, .settings input:visible:not([type=radio], [type=checkbox]), .choice__option:visible, .disclosure > summary').evaluateAll((els) =>
    els.filter((el) => el.getBoundingClientRect().height < 47.5).map((el) => el.outerHTML.slice(0, 80)),
  );
  expect(small).toEqual([]);
  for (const section of ['connection', 'project', 'show', 'schedule', 'autostart', 'phone']) {
    await shoot(page, `settings-${section}`, toSection(page, `section-${section}`));
  }
  // A refused field, and the question on leaving with changes.
  await page.locator('#field-slideSeconds').fill('0');
  await page.getByTestId('save-settings').click();
  await expect(page.getByTestId('field-error-slideSeconds')).toBeVisible();
  await shoot(page, 'settings-refused', async () => {
    await page.locator('#field-slideSeconds').evaluate((el) => el.scrollIntoView({ block: 'center' }));
  });
  await page.getByRole('button', { name: 'Back to the slideshow' }).click();
  await expect(page.getByTestId('leave-dialog')).toBeVisible();
  await shoot(page, 'settings-leave');
});

test('a problem being shown: on the show, at the top of the settings and next to the field', async ({ page, wix, launchFrame }) => {
  const frame = await launchFrame(SAVED);
  // A key Wix refuses, saved: the show says so, and the settings point at the key.
  await saveSettings(frame.url, await tokenOf(frame.url), { authMode: 'apiKey', apiKey: 'revoked-key', siteId: TEST_SITE, projectId: PROJECT_A });
  await page.goto(frame.url);
  await expect(page.getByTestId('empty').or(page.getByTestId('status-error')).or(page.getByTestId('status-note')).first()).toBeVisible();
  await expectEmptyScreenFits(page);
  await shoot(page, 'problem-show');
  await page.goto(`${frame.url}/settings`);
  await expect(page.getByTestId('settings-problems')).toBeVisible();
  await shoot(page, 'problem-settings', () => page.evaluate(() => window.scrollTo(0, 0)));
  await expect(page.getByTestId('field-problem-apiKey')).toBeVisible();
  await shoot(page, 'problem-field', async () => {
    await page.getByTestId('field-problem-apiKey').evaluate((el) => el.scrollIntoView({ block: 'center' }));
  });
  void wix;
});

/** The empty show with a problem: its title, its QR code and the status line all on screen, none over another. */
async function expectEmptyScreenFits(page: Page): Promise<void> {
  await expect(page.getByTestId('setup-qr')).toBeVisible();
  await expect(page.getByTestId('status-note')).toBeVisible();
  const viewport = page.viewportSize()!;
  const [title, qr, note] = await Promise.all([page.locator('.notice__title').boundingBox(), page.getByTestId('setup-qr').boundingBox(), page.getByTestId('status-note').boundingBox()]);
  for (const box of [title!, qr!, note!]) {
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
  }
  const apart = (a: typeof qr, b: typeof qr) => a!.x + a!.width <= b!.x || b!.x + b!.width <= a!.x || a!.y + a!.height <= b!.y || b!.y + b!.height <= a!.y;
  expect(apart(qr, note), 'the status line covers the QR code').toBe(true);
  expect(qr!.height).toBeLessThan(viewport.height / 2);
}

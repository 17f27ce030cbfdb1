// The settings on phones from 360 to 430 px wide: no sideways scroll at any
// step of the first run or of later visits, long titles kept inside their
// cards, and Save and Done always on screen.
import type { Page } from '@playwright/test';
import { PROJECT_B, TEST_KEY, TEST_SITE } from '../electron/core/test-support/fake-wix-fixture';
import { PROJECT_A, expect, test } from './support/fixtures';

const WIDTHS = [360, 390, 430];
const FIRST_RUN = { WIX_API_KEY: '', WIX_SITE_ID: '', WIX_PROJECT_ID: '', FRAME_SLIDE_SECONDS: '', FRAME_POLL_SECONDS: '' };
const LONG_TITLE = 'Grandma’s 90th birthday with the whole family at the lake house, summer 2024';

/** At every width: nothing wider than the screen, and the bar's two buttons in view at the top and the bottom of the page. */
async function fits(page: Page, step: string) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 844 });
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(sideways, `${step} at ${width} px scrolls sideways by ${sideways} px`).toBeLessThanOrEqual(0);
    for (const end of ['top', 'bottom'] as const) {
      await page.evaluate((to) => window.scrollTo(0, to === 'top' ? 0 : document.documentElement.scrollHeight), end);
      for (const button of [page.getByTestId('save-settings'), page.getByTestId('back-to-slideshow')]) {
        await expect(button, `${step} at ${width} px, page ${end}`).toBeInViewport({ ratio: 1 });
      }
    }
  }
}

test('every step of the first run fits a phone', async ({ page, wix, launchFrame }) => {
  wix.projects.get(PROJECT_B)!.title = LONG_TITLE;
  wix.projects.get(PROJECT_B)!.coverFileId = 'garden~mv2.jpg';
  const frame = await launchFrame(FIRST_RUN);
  await page.setViewportSize({ width: 360, height: 844 });
  await page.goto(`${frame.url}/settings`);
  await expect(page.getByTestId('first-run')).toBeVisible();
  await fits(page, 'first run');
  await page.getByRole('radio', { name: 'API key' }).check();
  await page.locator('#field-apiKey').fill('wrong');
  await page.locator('#field-siteId').fill(TEST_SITE);
  await page.getByTestId('test-connection').click();
  await expect(page.getByTestId('settings-error')).toBeVisible();
  await fits(page, 'a refused key');
  await page.locator('#field-apiKey').fill(TEST_KEY);
  await page.getByTestId('test-connection').click();
  await expect(page.getByTestId('project-option')).toHaveCount(2);
  await fits(page, 'projects listed');
  // The long title stays inside its card, cut with an ellipsis after two lines.
  const card = page.locator(`[data-project-id="${PROJECT_B}"]`);
  const title = card.locator('.project__title');
  expect((await title.boundingBox())!.x + (await title.boundingBox())!.width).toBeLessThanOrEqual((await card.boundingBox())!.x + (await card.boundingBox())!.width);
  expect(await title.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
  await page.getByText('Type a project ID instead').click();
  await page.locator('#field-projectId').fill('not-a-guid');
  await page.getByTestId('use-project-id').click();
  await expect(page.getByTestId('field-error-projectId')).toBeVisible();
  await fits(page, 'a refused project ID');
});

test('every section of a later visit fits a phone, with errors, problems and the leave question', async ({ page, wix, launchFrame }) => {
  wix.projects.get(PROJECT_A)!.title = LONG_TITLE;
  const frame = await launchFrame({ ...FIRST_RUN, FRAME_HTTP_HOST: '0.0.0.0' });
  const { token } = (await (await fetch(`${frame.url}/api/admin-token`)).json()) as { token: string };
  const put = (patch: object) => fetch(`${frame.url}/api/settings`, { method: 'PUT', headers: { 'content-type': 'application/json', 'x-frame-admin-token': token }, body: JSON.stringify(patch) });
  await put({ authMode: 'apiKey', apiKey: TEST_KEY, siteId: TEST_SITE, projectId: PROJECT_A, scheduleEnabled: true });
  await page.setViewportSize({ width: 360, height: 844 });
  await page.goto(`${frame.url}/settings`);
  await expect(page.getByTestId('project-option')).toHaveCount(2);
  await expect(page.locator(`[data-project-id="${PROJECT_A}"]`)).toContainText('Showing now');
  await fits(page, 'all sections');
  await page.locator('#field-slideSeconds').fill('0');
  await page.locator('#field-webhookPublicKey').fill('not a key');
  await page.getByTestId('save-settings').click();
  await expect(page.getByTestId('field-error-webhookPublicKey')).toBeVisible();
  await fits(page, 'refused fields');
  await page.getByTestId('back-to-slideshow').click();
  await expect(page.getByTestId('leave-dialog')).toBeVisible();
  await fits(page, 'the leave question');
  await page.getByRole('button', { name: 'Keep editing' }).click();
  await put({ apiKey: 'revoked-key' });
  await expect(page.getByTestId('settings-problems')).toBeVisible();
  await fits(page, 'a problem');
});

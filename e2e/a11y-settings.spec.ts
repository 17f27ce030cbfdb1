// axe-core on the settings screens (the show's own check is the show's spec):
// no serious or critical violations in any state a person meets.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { TEST_KEY, TEST_SITE } from '../electron/core/test-support/fake-wix-fixture';
import { PROJECT_A, expect, test } from './support/fixtures';

const FIRST_RUN = { WIX_API_KEY: '', WIX_SITE_ID: '', WIX_PROJECT_ID: '', FRAME_SLIDE_SECONDS: '', FRAME_POLL_SECONDS: '', FRAME_HTTP_HOST: '0.0.0.0' };

// axe walks the whole page each time: slow on a two-core machine.
test.describe.configure({ timeout: 180_000 });

async function expectNoSeriousViolations(page: Page, state: string) {
  const { violations, passes } = await new AxeBuilder({ page }).analyze();
  expect(passes.length, 'axe checked the page').toBeGreaterThan(10);
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  expect(serious, `${state}`).toEqual([]);
}

test('the first run, a refused key, the listed projects and a refused project ID', async ({ page, launchFrame }) => {
  const frame = await launchFrame(FIRST_RUN);
  await page.goto(frame.url);
  await expect(page.getByTestId('setup-qr')).toBeVisible();
  await expectNoSeriousViolations(page, 'first run');
  await page.getByRole('radio', { name: 'API key' }).check();
  await page.locator('#field-apiKey').fill('wrong');
  await page.locator('#field-siteId').fill(TEST_SITE);
  await page.getByTestId('test-connection').click();
  await expect(page.getByTestId('settings-error')).toBeVisible();
  await expectNoSeriousViolations(page, 'a refused key');
  await page.locator('#field-apiKey').fill(TEST_KEY);
  await page.getByTestId('test-connection').click();
  await expect(page.getByTestId('project-option')).toHaveCount(2);
  await page.getByText('Type a project ID instead').click();
  await page.locator('#field-projectId').fill('nope');
  await page.getByTestId('use-project-id').click();
  await expect(page.getByTestId('field-error-projectId')).toBeVisible();
  await expectNoSeriousViolations(page, 'projects listed, a refused project ID');
});

test('every section of a later visit, with refused fields, a problem and the leave question', async ({ page, launchFrame }) => {
  const frame = await launchFrame(FIRST_RUN);
  const { token } = (await (await fetch(`${frame.url}/api/admin-token`)).json()) as { token: string };
  await fetch(`${frame.url}/api/settings`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', 'x-frame-admin-token': token },
    body: JSON.stringify({ authMode: 'apiKey', apiKey: 'revoked-key', siteId: TEST_SITE, projectId: PROJECT_A, scheduleEnabled: true }),
  });
  await page.goto(`${frame.url}/settings`);
  await expect(page.getByTestId('settings-problems')).toBeVisible();
  await expect(page.getByTestId('autostart-switch')).toBeVisible();
  await expectNoSeriousViolations(page, 'all sections with a problem');
  await page.locator('#field-slideSeconds').fill('0');
  await page.getByTestId('save-settings').click();
  await expect(page.getByTestId('field-error-slideSeconds')).toBeVisible();
  await expectNoSeriousViolations(page, 'a refused field');
  await page.getByTestId('back-to-slideshow').click();
  await expect(page.getByTestId('leave-dialog')).toBeVisible();
  await expectNoSeriousViolations(page, 'the leave question');
});

test('a phone asked for the admin token', async ({ page, launchFrame }) => {
  const frame = await launchFrame(FIRST_RUN);
  await page.route(/\/api\/(admin-token|setup-link)$/, (route) => route.fulfill({ status: 403, json: { error: 'only shown on the frame itself' } }));
  await page.goto(`${frame.url}/settings`);
  await expect(page.getByTestId('admin-token-prompt')).toBeVisible();
  await expectNoSeriousViolations(page, 'the admin token prompt');
});

// The settings screen against a real web shell and a fake Wix: first run,
// connection errors, the project picker, live project switching, field
// errors, start on boot, the admin token beyond loopback (screenshots: screens.spec.ts).
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { PROJECT_B, TEST_KEY, TEST_SITE } from '../electron/core/test-support/fake-wix-fixture';
import type { FakeWix } from '../electron/core/demo/fake-wix';
import { PROJECT_A, currentItem, expect, test } from './support/fixtures';

/** Nothing configured by the environment: what a new frame looks like. */
const FIRST_RUN = { WIX_API_KEY: '', WIX_SITE_ID: '', WIX_PROJECT_ID: '' };
/** Connected by the environment, no project yet: the picker lists at once. */
const NO_PROJECT = { WIX_PROJECT_ID: '' };

const itemIdsOf = (wix: FakeWix, projectId: string) => new RegExp(`^(${wix.items(projectId).map((i) => i.id).join('|')})$`);

async function settingsOf(url: string, token?: string) {
  const response = await fetch(`${url}/api/settings`, token ? { headers: { 'x-frame-admin-token': token } } : {});
  return (await response.json()) as { projectId: string; transition: string; slideSeconds: number; screenPower: string };
}

async function fillConnection(page: Page, apiKey: string) {
  await page.getByRole('radio', { name: 'API key' }).check();
  await page.locator('#field-apiKey').fill(apiKey);
  await page.locator('#field-siteId').fill(TEST_SITE);
}

test('first run opens the settings by itself', async ({ page, launchFrame }) => {
  const frame = await launchFrame(FIRST_RUN);
  await page.goto(frame.url);
  await expect(page.getByTestId('settings')).toBeVisible();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByText('No project chosen yet.')).toBeVisible();
  // Going back is allowed: the empty show says what is missing, and settings do not jump back.
  await page.getByRole('button', { name: 'Back to the slideshow' }).click();
  await expect(page.getByTestId('empty')).toBeVisible();
  await page.waitForTimeout(500);
  await expect(page.getByTestId('settings')).toBeHidden();
});

test('first run in one flow: sign-in method, key and site ID, Test lists the projects with covers, one tap saves and starts the show', async ({ page, wix, launchFrame }) => {
  wix.projects.get(PROJECT_B)!.coverFileId = 'garden~mv2.jpg';
  const frame = await launchFrame(FIRST_RUN);
  await page.goto(frame.url);
  await expect(page.getByTestId('first-run')).toBeVisible();
  await expect(page.getByText('Test the connection above, and the site’s projects appear here')).toBeVisible();
  await fillConnection(page, 'wrong-key');
  await page.getByTestId('test-connection').click();
  // The refusal speaks of the sign-in method chosen, not of the other one.
  await expect(page.getByTestId('settings-error')).toContainText('Wix refused the credentials (HTTP 401): check the API key and the site ID.');
  await expect(page.getByTestId('settings-error')).not.toContainText('OAuth');
  expect((await settingsOf(frame.url)).projectId).toBe(''); // testing saved nothing

  await page.locator('#field-apiKey').fill(TEST_KEY);
  await page.getByTestId('test-connection').click();
  await expect(page.getByTestId('connection-ok')).toHaveText('Connected to Wix: 2 projects found. Pick one below to start the show.');
  // Listed at once, with covers, though nothing is saved yet: no Save in between.
  await expect(page.getByTestId('project-option')).toHaveCount(2);
  const cover = page.locator(`[data-project-id="${PROJECT_B}"] img`);
  await expect.poll(() => cover.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  expect((await fetch(`${frame.url}/api/settings`).then((r) => r.json())) as { authMode: string }).toMatchObject({ authMode: 'none' });

  await page.locator(`[data-project-id="${PROJECT_B}"]`).click();
  await expect(currentItem(page)).toHaveAttribute('data-item-id', itemIdsOf(wix, PROJECT_B));
  expect(await fetch(`${frame.url}/api/settings`).then((r) => r.json())).toMatchObject({ authMode: 'apiKey', apiKeySet: true, siteId: TEST_SITE, projectId: PROJECT_B });
});

test('an OAuth refusal speaks of the OAuth fields only', async ({ page, launchFrame }) => {
  const frame = await launchFrame(FIRST_RUN);
  await page.goto(`${frame.url}/settings`);
  await page.getByRole('radio', { name: 'OAuth app' }).check();
  await page.locator('#field-clientId').fill('some-client');
  await page.locator('#field-clientSecret').fill('wrong-secret');
  await page.locator('#field-instanceId').fill(TEST_SITE);
  await page.getByTestId('test-connection').click();
  await expect(page.getByTestId('settings-error')).toContainText("check the OAuth app's client ID, client secret and instance ID");
  await expect(page.getByTestId('settings-error')).not.toContainText('API key');
});

test('Save still works for those who save first: the projects are listed after it', async ({ page, launchFrame }) => {
  const frame = await launchFrame(FIRST_RUN);
  await page.goto(`${frame.url}/settings`);
  await fillConnection(page, TEST_KEY);
  await page.locator('#field-siteId').press('Enter'); // Enter saves
  await expect(page.getByTestId('settings-notice')).toHaveText('Saved.');
  await expect(page.locator('#field-apiKey')).toHaveValue('');
  await expect(page.locator('#field-apiKey')).toHaveAttribute('placeholder', '•••• saved');
  await expect(page.getByTestId('project-option')).toHaveCount(2);
});

test('the picker shows small covers; picking starts that show, and another swaps it live', async ({ page, wix, launchFrame }) => {
  wix.projects.get(PROJECT_A)!.coverFileId = 'cover~mv2.jpg';
  const frame = await launchFrame(NO_PROJECT);
  await page.goto(frame.url);
  await expect(page.getByTestId('settings')).toBeVisible(); // no project yet: opens by itself
  const options = page.getByTestId('project-option');
  await expect(options).toHaveCount(2);
  await expect(page.locator(`[data-project-id="${PROJECT_A}"]`)).toContainText('Holidays');
  await expect(page.locator(`[data-project-id="${PROJECT_A}"]`)).toContainText('6 photos');
  await expect(page.locator(`[data-project-id="${PROJECT_B}"]`)).toContainText('3 photos');

  const cover = page.locator(`[data-project-id="${PROJECT_A}"] img`);
  await expect(cover).toHaveAttribute('src', '/media/cover~mv2.jpg?w=240&h=160&fit=fill');
  await expect.poll(() => cover.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  const coverRequests = wix.mediaRequests.filter((path) => path.startsWith('/media/cover~mv2.jpg'));
  expect(coverRequests.length).toBeGreaterThan(0);
  for (const path of coverRequests) expect(path).toMatch(/\/v1\/fill\/w_240,h_160,/);

  // The page is never reloaded: the show's connection carries the switch.
  await page.evaluate(() => ((window as unknown as { samePage: boolean }).samePage = true));
  await page.locator(`[data-project-id="${PROJECT_A}"]`).click();
  await expect(page).not.toHaveURL(/settings/);
  await expect(currentItem(page)).toHaveAttribute('data-item-id', itemIdsOf(wix, PROJECT_A));

  await page.keyboard.press('s'); // a keyboard way into settings
  await expect(page.locator(`[data-project-id="${PROJECT_A}"]`)).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('current-project')).toContainText('Holidays');
  await page.locator(`[data-project-id="${PROJECT_B}"]`).click();
  await expect(currentItem(page)).toHaveAttribute('data-item-id', itemIdsOf(wix, PROJECT_B));
  expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true);
  expect((await settingsOf(frame.url)).projectId).toBe(PROJECT_B);
});

test('a project ID that is not a GUID is refused next to the field', async ({ page, wix, launchFrame }) => {
  const frame = await launchFrame(NO_PROJECT);
  await page.goto(`${frame.url}/settings`);
  await page.getByText('Type a project ID instead').click(); // a disclosure, folded at first
  const input = page.locator('#field-projectId');
  await input.fill('holidays-2024');
  await input.press('Enter');
  await expect(page.getByTestId('field-error-projectId')).toContainText('GUID');
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('settings')).toBeVisible();
  expect((await settingsOf(frame.url)).projectId).toBe('');

  // A good ID (a project the key can read) is used and the show starts.
  await input.fill(PROJECT_A);
  await expect(page.getByTestId('field-error-projectId')).toBeHidden();
  await page.getByTestId('use-project-id').click();
  await expect(currentItem(page)).toHaveAttribute('data-item-id', itemIdsOf(wix, PROJECT_A));
});

test('refused fields are named one by one and nothing is saved half-way', async ({ page, launchFrame }) => {
  const frame = await launchFrame({ FRAME_SLIDE_SECONDS: '' });
  await page.goto(`${frame.url}/settings`);
  // Fixed by the environment: shown, not editable.
  await expect(page.locator('#field-pollSeconds')).toHaveAttribute('readonly', '');
  await expect(page.getByText('Set by an environment variable (FRAME_POLL_SECONDS).')).toBeVisible();
  await expect(page.locator(`[data-project-id="${PROJECT_A}"]`)).toBeDisabled();

  await page.getByRole('radio', { name: 'None' }).first().check(); // transition: valid
  await page.locator('#field-slideSeconds').fill('0.5');
  await page.locator('#field-webhookPublicKey').fill('abc');
  await page.getByTestId('save-settings').click();
  await expect(page.getByTestId('field-error-slideSeconds')).toContainText('from 1 to 3600');
  await expect(page.getByTestId('field-error-webhookPublicKey')).toContainText('could not be read as an RSA public key');
  await expect(page.getByTestId('settings-notice')).toContainText('Nothing was saved: see the notes under the 2 marked fields.');
  await expect(page.locator('#field-slideSeconds')).toBeFocused();
  expect(await settingsOf(frame.url)).toMatchObject({ transition: 'crossfade', screenPower: 'wlopm' });

  // The shell reads the webhook key for real: a pasted fragment is refused by name.
  await page.locator('#field-slideSeconds').fill('12');
  await page.getByRole('radio', { name: 'Raspberry Pi HDMI (vcgencmd display_power)' }).check();
  await page.locator('#field-webhookPublicKey').fill('-----BEGIN PUBLIC KEY-----\nnot really\n-----END PUBLIC KEY-----');
  await page.getByTestId('save-settings').click();
  await expect(page.getByTestId('field-error-webhookPublicKey')).toContainText('RSA public key');
  await expect(page.getByTestId('field-error-slideSeconds')).toBeHidden();
  expect(await settingsOf(frame.url)).toMatchObject({ transition: 'crossfade' });

  await page.locator('#field-webhookPublicKey').fill('');
  await page.getByTestId('save-settings').click();
  await expect(page.getByTestId('settings-notice')).toHaveText('Saved.');
  await expect(page.getByTestId('field-error-webhookPublicKey')).toBeHidden();
  expect(await settingsOf(frame.url)).toMatchObject({ transition: 'none', slideSeconds: 12, screenPower: 'vcgencmd' });
});

test('ways in and out: a two-second hold in the corner (not a tap), Escape back', async ({ page, wix, launchFrame }) => {
  const frame = await launchFrame();
  await page.goto(frame.url);
  await expect(currentItem(page)).toHaveAttribute('data-item-id', itemIdsOf(wix, PROJECT_A));
  // A tap, and a swipe starting in the corner, do nothing.
  await page.mouse.move(20, 20);
  await page.mouse.down();
  await page.waitForTimeout(200);
  await page.mouse.up();
  await page.mouse.down();
  await page.mouse.move(200, 20, { steps: 5 });
  await page.waitForTimeout(2_300);
  await page.mouse.up();
  await expect(page.getByTestId('settings')).toBeHidden();
  // A hold opens settings while the finger is still down.
  await page.mouse.move(30, 30);
  await page.mouse.down();
  await expect(page.getByTestId('settings')).toBeVisible({ timeout: 3_500 });
  await page.mouse.up();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('settings')).toBeHidden();
  await expect(currentItem(page)).toBeVisible();
});

test('start on boot shows what is installed and installs it', async ({ page, launchFrame }) => {
  const configHome = mkdtempSync(join(tmpdir(), 'frame-xdg-'));
  const frame = await launchFrame({ XDG_CONFIG_HOME: configHome });
  await page.goto(`${frame.url}/settings`);
  const toggle = page.getByTestId('autostart-switch');
  await expect(toggle).not.toBeChecked();
  const desktopFile = join(configHome, 'autostart', 'frame.desktop');
  await expect(page.getByText(desktopFile)).toBeVisible();
  await toggle.click();
  await expect(toggle).toBeChecked();
  expect(existsSync(desktopFile)).toBe(true);
  await page.getByRole('radio', { name: 'systemd user service' }).check();
  await expect(page.getByText('systemctl --user daemon-reload')).toBeVisible();
  expect(existsSync(desktopFile)).toBe(false);
  expect(existsSync(join(configHome, 'systemd', 'user', 'frame.service'))).toBe(true);
  await page.reload();
  await expect(toggle).toBeChecked();
  await toggle.click();
  await expect(toggle).not.toBeChecked();
  expect(existsSync(join(configHome, 'systemd', 'user', 'frame.service'))).toBe(false);
});

test('beyond loopback the settings need the admin token, asked for once per tab', async ({ page, launchFrame }) => {
  const frame = await launchFrame({ ...NO_PROJECT, FRAME_HTTP_HOST: '0.0.0.0' });
  // The shell prints the address it bound (0.0.0.0). Tests only ever talk to loopback, so the
  // page plays the phone: a phone's /api/admin-token answers 403, as the server does to non-loopback peers.
  const port = new URL(frame.url).port;
  const local = `http://127.0.0.1:${port}`;
  const phone = local;
  await page.route(/\/api\/(admin-token|setup-link)$/, (route) => route.fulfill({ status: 403, json: { error: 'only shown on the frame itself' } }));

  for (const path of ['/api/settings', '/api/projects?q=', '/api/autostart']) expect((await fetch(`${phone}${path}`)).status).toBe(401);
  expect((await fetch(`${phone}/api/settings`, { method: 'PUT', body: '{"projectId":""}', headers: { 'content-type': 'application/json' } })).status).toBe(401);
  const { required, token } = (await (await fetch(`${local}/api/admin-token`)).json()) as { required: boolean; token: string };
  expect(required).toBe(true);

  await page.goto(`${phone}/settings`);
  const prompt = page.getByTestId('admin-token-prompt');
  await expect(prompt).toContainText('Enter the admin token shown on the frame’s screen');
  await prompt.getByLabel('Token').fill('not-the-token');
  await prompt.getByRole('button', { name: 'Continue' }).click();
  await expect(prompt).toContainText('not accepted');
  await prompt.getByLabel('Token').fill(token);
  await prompt.getByLabel('Token').press('Enter');
  await expect(prompt).toBeHidden();
  await expect(page.getByTestId('project-option')).toHaveCount(2);
  await expect(page.getByTestId('frame-admin-token')).toBeHidden(); // a phone is not shown the token

  await page.reload();
  await expect(page.getByTestId('project-option')).toHaveCount(2);
  await expect(prompt).toBeHidden();
});

test('the frame’s own screen needs no prompt and shows the token in small print', async ({ page, launchFrame }) => {
  const frame = await launchFrame({ ...NO_PROJECT, FRAME_HTTP_HOST: '0.0.0.0' });
  const local = `http://127.0.0.1:${new URL(frame.url).port}`;
  const { token } = (await (await fetch(`${local}/api/admin-token`)).json()) as { token: string };
  await page.goto(`${local}/settings`);
  await expect(page.getByTestId('project-option')).toHaveCount(2);
  await expect(page.getByTestId('frame-admin-token')).toContainText(token);
  await expect(page.getByTestId('admin-token-prompt')).toBeHidden();
});

test('problems are said at the top of the settings and next to the field that fixes them', async ({ page, launchFrame }) => {
  const frame = await launchFrame(FIRST_RUN);
  await fetch(`${frame.url}/api/settings`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ authMode: 'apiKey', apiKey: 'revoked-key', siteId: TEST_SITE, projectId: PROJECT_A }) });
  await page.goto(`${frame.url}/settings`);
  const summary = page.getByTestId('settings-problems');
  await expect(summary).toContainText('Wix refused the credentials (HTTP 401): check the API key and the site ID.');
  await expect(page.getByTestId('field-problem-apiKey')).toContainText('Wix refused the credentials');
  await expect(page.locator('#field-apiKey')).toHaveAttribute('aria-describedby', /problem-apiKey/);
  await summary.getByRole('button', { name: 'Go to API key' }).click();
  await expect(page.locator('#field-apiKey')).toBeFocused();
  // Fixed: both go away once Wix answers.
  await page.locator('#field-apiKey').fill(TEST_KEY);
  await page.getByTestId('save-settings').click();
  await expect(summary).toBeHidden();
  await expect(page.getByTestId('field-problem-apiKey')).toBeHidden();
});

test('leaving with unsaved changes asks first: keep editing, save, or leave them', async ({ page, launchFrame }) => {
  const frame = await launchFrame({ FRAME_SLIDE_SECONDS: '' });
  await page.goto(`${frame.url}/settings`);
  const seconds = page.locator('#field-slideSeconds');
  await seconds.fill('21');
  await page.getByTestId('back-to-slideshow').click();
  const dialog = page.getByTestId('leave-dialog');
  await expect(dialog).toContainText('Some settings were changed but not saved yet.');
  await dialog.getByRole('button', { name: 'Keep editing' }).click();
  await expect(dialog).toBeHidden();
  await expect(seconds).toHaveValue('21');

  await page.keyboard.press('Escape'); // Escape leaves too, and asks the same
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Don’t save' }).click();
  await expect(page.getByTestId('settings')).toBeHidden();
  expect((await settingsOf(frame.url)).slideSeconds).toBe(15);

  await page.keyboard.press('s');
  await seconds.fill('22');
  await page.getByTestId('back-to-slideshow').click();
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('settings')).toBeHidden();
  expect((await settingsOf(frame.url)).slideSeconds).toBe(22);

  // Nothing changed: no question.
  await page.keyboard.press('s');
  await page.getByTestId('back-to-slideshow').click();
  await expect(page.getByTestId('settings')).toBeHidden();
});

test('the keys the README names open the settings in the web shell too: F2, Ctrl+, S and ","', async ({ page, launchFrame }) => {
  const frame = await launchFrame();
  await page.goto(frame.url);
  await expect(currentItem(page)).toBeVisible();
  for (const key of ['F2', 'Control+Comma', 's', 'Comma']) {
    await page.keyboard.press(key);
    await expect(page.getByTestId('settings'), key).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('settings'), key).toBeHidden();
  }
});

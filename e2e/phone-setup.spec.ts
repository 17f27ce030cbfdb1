// A phone's way in: the QR code on the frame's own screens, what it encodes,
// what a phone that opens it gets, and the frame that listens on loopback only.
import { TEST_SITE } from '../electron/core/test-support/fake-wix-fixture';
import { expect, test } from './support/fixtures';
import { readQr } from './support/read-qr';

const FIRST_RUN = { WIX_API_KEY: '', WIX_SITE_ID: '', WIX_PROJECT_ID: '' };

test('the first-run and empty screens show a QR code of the LAN address, port and /settings, with the admin token in the fragment', async ({ page, launchFrame }) => {
  const frame = await launchFrame({ ...FIRST_RUN, FRAME_HTTP_HOST: '0.0.0.0' });
  const port = new URL(frame.url).port;
  const { token } = (await (await fetch(`${frame.url}/api/admin-token`)).json()) as { token: string };
  await page.goto(frame.url);
  await expect(page.getByTestId('first-run')).toBeVisible();
  const link = await readQr(page.getByTestId('setup-qr'));
  expect(link).toMatch(new RegExp(`^http://[^/]+:${port}/settings#token=${token}$`));
  const host = new URL(link!).hostname;
  expect(host).not.toMatch(/^(127\.|0\.0\.0\.0$|localhost$)/);
  // The same address in words, for typing, without the token in the address.
  await expect(page.getByText(`Or open http://${host}:${port}/settings and enter the admin token ${token}.`)).toBeVisible();

  await page.getByRole('button', { name: 'Back to the slideshow' }).click();
  const empty = page.getByTestId('empty');
  await expect(empty).toBeVisible();
  expect(await readQr(empty.getByTestId('setup-qr'))).toBe(link);
  // A wall display speaks to people, not developers.
  await expect(empty).not.toContainText('/settings');
  await expect(empty).not.toContainText('--demo');
  await expect(empty).toContainText('top-left corner');
});

test('a phone that opens the link is let in by the token from the fragment, which leaves the address bar, and sees no QR code', async ({ page, launchFrame }) => {
  const frame = await launchFrame({ ...FIRST_RUN, FRAME_HTTP_HOST: '0.0.0.0' });
  await page.goto(frame.url);
  const link = new URL((await readQr(page.getByTestId('setup-qr')))!);
  // Tests talk only to loopback: the page plays the phone, refused what the shell refuses a LAN peer.
  const phone = await page.context().newPage();
  await phone.route(/\/api\/(admin-token|setup-link)$/, (route) => route.fulfill({ status: 403, json: { error: 'only shown on the frame itself' } }));
  await phone.goto(`${frame.url}${link.pathname}${link.hash}`);
  await expect(phone.getByTestId('first-run')).toBeVisible();
  await expect(phone.getByTestId('admin-token-prompt')).toBeHidden();
  await expect(phone).toHaveURL(`${frame.url}/settings`);
  await expect(phone.getByTestId('setup-qr')).toHaveCount(0);
  await expect(phone.getByTestId('frame-admin-token')).toHaveCount(0);
  // And it may change settings: the token went with the request.
  await phone.getByRole('radio', { name: 'API key' }).check();
  await phone.locator('#field-siteId').fill(TEST_SITE);
  await phone.locator('#field-apiKey').fill('some-key');
  await phone.getByTestId('save-settings').click();
  await expect(phone.getByTestId('settings-notice')).toHaveText('Saved.');
});

test('a frame on loopback only says how to let phones in instead of showing a code that cannot work', async ({ page, launchFrame }) => {
  const frame = await launchFrame(FIRST_RUN);
  await page.goto(frame.url);
  await expect(page.getByTestId('first-run')).toBeVisible();
  await expect(page.getByTestId('setup-loopback')).toContainText('FRAME_HTTP_HOST=0.0.0.0');
  await expect(page.getByTestId('setup-qr')).toHaveCount(0);
  await page.getByRole('button', { name: 'Back to the slideshow' }).click();
  await expect(page.getByTestId('empty').getByTestId('setup-loopback')).toContainText('settings on this screen say how');
  await expect(page.getByTestId('empty')).not.toContainText('FRAME_HTTP_HOST');
});

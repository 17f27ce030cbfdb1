// A frame without Wix credentials on a real Mosquitto, fed by the relay
// process: it shows the relay's gallery, its picker lists the relay's
// projects, and its settings show the relay key it trusts, with screenshots.
import { mkdirSync } from 'node:fs';
import { RelayProcess } from './support/relay-process';
import { Mosquitto } from '../electron/core/test-support/mosquitto';
import { frameEnvFor, PROJECT_B } from '../electron/core/test-support/fake-wix-fixture';
import { currentItem, expect, test } from './support/fixtures';

test('a fleet frame shows the relay\'s gallery, lists its projects and shows the pinned key', async ({ page, wix, launchFrame }) => {
  const broker = await Mosquitto.start();
  const relay = await new RelayProcess(frameEnvFor(wix.url, { FRAME_POLL_SECONDS: '3600', FRAME_MQTT_URL: broker.url, WIX_PROJECT_ID: '' })).start();
  try {
    // No credentials and no project: the relay's projects are what the picker offers.
    const frame = await launchFrame({ WIX_API_KEY: '', WIX_SITE_ID: '', WIX_PROJECT_ID: '', WIX_API_BASE_URL: 'http://127.0.0.1:9', FRAME_MQTT_URL: broker.url, FRAME_ID: 'kitchen' });
    const { keyFingerprint } = (await (await fetch(relay.healthUrl)).json()) as { keyFingerprint: string };
    await page.goto(`${frame.url}/settings`);
    await expect(page.getByTestId('relay-key')).toContainText(keyFingerprint);
    await expect(page.getByTestId('relay-key')).toContainText('trusted on first use');
    await expect(page.getByTestId('fleet-section')).toContainText('kitchen');
    await expect(page.getByTestId('relay-source')).toContainText('needs no Wix sign-in');
    const garden = page.getByRole('button', { name: /Garden/ }).first();
    await expect(garden).toBeVisible();
    mkdirSync('test-results/screenshots', { recursive: true });
    for (const [name, size] of [['fleet-settings-800x480', { width: 800, height: 480 }], ['fleet-settings-390x844', { width: 390, height: 844 }], ['fleet-settings-1920x1080', { width: 1920, height: 1080 }]] as const) {
      await page.setViewportSize(size);
      await page.getByTestId('fleet-section').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `test-results/screenshots/${name}.png` });
    }
    // The tap saves the project; leaving the page before the save is answered would race it (and lose on a busy machine).
    const saved = page.waitForResponse((r) => r.request().method() === 'PUT' && new URL(r.url()).pathname === '/api/settings');
    await garden.click();
    expect((await saved).ok()).toBe(true);
    await page.goto(frame.url);
    await expect(currentItem(page).first()).toHaveAttribute('data-item-id', new RegExp(`^(${wix.items(PROJECT_B).map((i) => i.id).join('|')})$`));
  } finally {
    await relay.stop();
    await broker.stop();
  }
});

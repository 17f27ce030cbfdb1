import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportSPKI, generateKeyPair, type CryptoKey } from 'jose';
import { sampleItem } from '../electron/core/demo/sample-project';
import { signWixEvent } from '../electron/core/webhook/sign-event';
import { ensureTestKeys } from '../electron/core/webhook/test-keys';
import { PROJECT_A, currentItem, expect, test } from './support/fixtures';

let privateKey: CryptoKey;
let publicPem: string;

test.beforeAll(async () => {
  const pair = await generateKeyPair('RS256', { extractable: true });
  privateKey = pair.privateKey;
  publicPem = await exportSPKI(pair.publicKey);
});

// Polling is set to an hour: whatever changes on screen came by webhook.
const NO_POLL = { FRAME_POLL_SECONDS: '3600', WIX_WEBHOOK_PUBLIC_KEY: '' };

async function post(url: string, token: string): Promise<number> {
  return (await fetch(url, { method: 'POST', body: token })).status;
}

test('a signed created event shows the new photo without any poll', async ({ page, wix, launchFrame }) => {
  const items = wix.items(PROJECT_A).splice(0);
  const frame = await launchFrame({ ...NO_POLL, WIX_WEBHOOK_PUBLIC_KEY: publicPem });
  await page.goto(frame.url);
  await expect(page.getByTestId('empty')).toBeVisible();
  const requestsBefore = wix.apiRequestCount();
  const created = items[0]!;
  wix.items(PROJECT_A).push(created);
  expect(await post(frame.webhookUrl, await signWixEvent(privateKey, { kind: 'created', itemId: created.id, entity: { ...created } }))).toBe(200);
  await expect(currentItem(page)).toHaveAttribute('data-item-id', created.id, { timeout: 2_000 });
  expect(wix.apiRequestCount()).toBe(requestsBefore);
});

test('a signed deleted event for the photo on screen replaces it', async ({ page, wix, launchFrame }) => {
  const frame = await launchFrame({ ...NO_POLL, WIX_WEBHOOK_PUBLIC_KEY: publicPem });
  await page.goto(frame.url);
  const [shown, next] = wix.items(PROJECT_A);
  await expect(currentItem(page)).toHaveAttribute('data-item-id', shown!.id);
  const requestsBefore = wix.apiRequestCount();
  wix.items(PROJECT_A).shift();
  expect(await post(frame.webhookUrl, await signWixEvent(privateKey, { kind: 'deleted', itemId: shown!.id }))).toBe(200);
  await expect(currentItem(page)).toHaveAttribute('data-item-id', next!.id, { timeout: 2_000 });
  expect(wix.apiRequestCount()).toBe(requestsBefore);
});

test('a forged event changes nothing on screen', async ({ page, wix, launchFrame }) => {
  const frame = await launchFrame({ ...NO_POLL, WIX_WEBHOOK_PUBLIC_KEY: publicPem });
  await page.goto(frame.url);
  const shown = wix.items(PROJECT_A)[0]!;
  await expect(currentItem(page)).toHaveAttribute('data-item-id', shown.id);
  const forger = (await generateKeyPair('RS256')).privateKey;
  expect(await post(frame.webhookUrl, await signWixEvent(forger, { kind: 'deleted', itemId: shown.id }))).toBe(401);
  const health = (await (await fetch(`${frame.url}/healthz`)).json()) as { webhook: { rejected: number } };
  expect(health.webhook.rejected).toBe(1);
  await expect(currentItem(page)).toHaveAttribute('data-item-id', shown.id);
});

test('an updated event with new media shows the new photo', async ({ page, wix, launchFrame }) => {
  const frame = await launchFrame({ ...NO_POLL, WIX_WEBHOOK_PUBLIC_KEY: publicPem });
  await page.goto(frame.url);
  const shown = wix.items(PROJECT_A)[0]!;
  await expect(currentItem(page)).toHaveAttribute('data-item-id', shown.id);
  const replacement = sampleItem(PROJECT_A, 77, wix.url).image!;
  const updated = { ...shown, image: replacement, updatedDate: new Date().toISOString() };
  wix.items(PROJECT_A)[0] = updated;
  expect(await post(frame.webhookUrl, await signWixEvent(privateKey, { kind: 'updated', itemId: shown.id, entity: { ...updated } }))).toBe(200);
  await expect(currentItem(page).locator('img').first()).toHaveAttribute('src', new RegExp(encodeURIComponent(replacement.imageInfo.id).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), { timeout: 2_000 });
});

test('npm run webhook:test updates an item on screen with a visible test title, says so, and says Wix’s version comes back', async ({ page, wix, launchFrame }) => {
  test.setTimeout(90_000); // a real command, compiled by tsx, on a shared two-core machine
  const dataDir = mkdtempSync(join(tmpdir(), 'frame-e2e-'));
  const keys = await ensureTestKeys(dataDir);
  const frame = await launchFrame({ FRAME_POLL_SECONDS: '3600', WIX_WEBHOOK_PUBLIC_KEY: keys.paths.publicKey }, dataDir);
  await fetch(`${frame.url}/api/settings`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ captions: 'title' }) });
  await page.goto(frame.url);
  const first = wix.items(PROJECT_A)[0]!;
  await expect(currentItem(page)).toHaveAttribute('data-item-id', first.id);
  await expect(page.getByText(first.title, { exact: true })).toBeVisible();

  // The real command, as a person runs it, pointed at this frame's ports.
  const run = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'electron/cli.ts', 'webhook-test'], {
    env: { PATH: process.env.PATH ?? '', FRAME_DATA_DIR: dataDir, FRAME_WEBHOOK_PORT: new URL(frame.webhookUrl).port, FRAME_HTTP_PORT: new URL(frame.url).port },
  });
  let output = '';
  run.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  run.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => run.on('exit', resolve));
  // The title on screen changes while the command watches…
  await expect(page.getByText(/^Webhook test \d\d:\d\d:\d\d$/)).toBeVisible({ timeout: 20_000 }); // tsx compiles the CLI first
  // …and comes back to Wix's once the confirming sync has run.
  await expect(page.getByText(first.title, { exact: true })).toBeVisible({ timeout: 10_000 });
  const code = await exited;
  expect(output).toContain(`Accepted: a signed "updated" event for item ${first.id} in project ${PROJECT_A}.`);
  expect(output).toMatch(/The frame applied it: the item shows the title "Webhook test \d\d:\d\d:\d\d" at once/);
  expect(output).toContain(`the confirming sync about 3 seconds after the event restores Wix's version (title "${first.title}")`);
  expect(output).toMatch(/Restored after \d+ s: the frame shows what Wix has again\./);
  expect(output).not.toContain('first in the gallery');
  expect(code).toBe(0);
});

// The Electron kiosk end to end: the built app (dist/electron/main.cjs, as
// `npm start -- --demo` runs it) in a real Electron with a temporary data dir.
// Skipped, with the reason, where Electron's binary is not installed
// (ELECTRON_SKIP_BINARY_DOWNLOAD=1) or there is no display to open a window on.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';
import type { PreloadApi } from '../shared/channels';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MAIN = join(ROOT, 'dist/electron/main.cjs');

/**
 * The Electron executable, found the way node_modules/electron/index.js finds
 * it, without requiring that file: it starts a download when the binary is
 * missing, and this machine may be offline.
 */
function electronBinary(): string | null {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? join(override, relative || 'electron') : relative ? join(packageDir, 'dist', relative) : null;
  return binary && existsSync(binary) ? binary : null;
}

const binary = electronBinary();
const hasDisplay = process.platform !== 'linux' || !!process.env.DISPLAY || !!process.env.WAYLAND_DISPLAY;

test.skip(!binary, 'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD=1 or offline install): run `npx install-electron` to enable this test.');
test.skip(!hasDisplay, 'No display for the kiosk window: run under a desktop session or `xvfb-run npx playwright test e2e/electron.spec.ts`.');

test('the kiosk shows the demo gallery through the preload bridge and frame-media://', async () => {
  const testInfo = test.info();
  expect(existsSync(MAIN), `${MAIN} is missing: run "npm run build" first`).toBe(true);
  const dataDir = mkdtempSync(join(tmpdir(), 'frame-electron-e2e-'));
  const app = await electron.launch({
    executablePath: binary!,
    args: [MAIN, '--demo'],
    env: { ...process.env, FRAME_DATA_DIR: dataDir, FRAME_WEBHOOK_PORT: '0' },
    timeout: 30_000,
  });
  const output: string[] = [];
  app.process().stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  app.process().stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  await app.context().tracing.start({ screenshots: true, snapshots: true });
  let failed = true;
  try {
    const page = await app.firstWindow();
    const current = page.locator('[data-current="true"]');
    await expect(current).toBeVisible({ timeout: 20_000 });
    await expect(current).toHaveAttribute('data-item-id', /.+/);

    // The photo came through the media protocol and actually decoded.
    const image = current.locator('img').first();
    await expect(image).toHaveAttribute('src', /^frame-media:\/\/media\/media\//);
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);

    // The page sees the typed bridge and nothing of Node or Electron.
    const exposed = await page.evaluate(() => {
      const scope = window as unknown as Record<string, unknown>;
      const bridge = scope.frameBridge as Record<string, unknown> | undefined;
      return { bridge: bridge ? Object.keys(bridge).sort() : null, require: typeof scope.require, process: typeof scope.process };
    });
    expect(exposed).toEqual({
      bridge: ['getAutostart', 'getSettings', 'getSnapshot', 'listProjects', 'mediaOrigin', 'onOpenSettings', 'onSnapshot', 'saveSettings', 'setAutostart', 'setupLink', 'testConnection'],
      require: 'undefined',
      process: 'undefined',
    });

    // window.open is denied: no handle, still exactly one window.
    expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
    expect(app.windows()).toHaveLength(1);

    // Settings over IPC: secrets never come back, main refuses a malformed request.
    const settings = await page.evaluate(() => (window as unknown as { frameBridge: PreloadApi }).frameBridge.getSettings());
    expect(settings).toHaveProperty('apiKeySet');
    expect(settings).not.toHaveProperty('apiKey');
    const refused = await page.evaluate(() => (window as unknown as { frameBridge: PreloadApi }).frameBridge.listProjects('x'.repeat(201)));
    expect(refused).toMatchObject({ ok: false });

    // The kiosk's settings shortcut reaches the page through the bridge.
    await page.evaluate(() => {
      const scope = window as unknown as { frameBridge: PreloadApi; settingsRequests: number };
      scope.settingsRequests = 0;
      scope.frameBridge.onOpenSettings(() => (scope.settingsRequests += 1));
    });
    await page.keyboard.press('F2');
    await expect.poll(() => page.evaluate(() => (window as unknown as { settingsRequests: number }).settingsRequests)).toBe(1);
    failed = false;
  } finally {
    // Traces and the app's own log are kept only when something went wrong.
    await app.context().tracing.stop(failed ? { path: testInfo.outputPath('trace.zip') } : undefined);
    if (failed) await testInfo.attach('electron output', { body: output.join(''), contentType: 'text/plain' });
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeWix } from '../demo/fake-wix';
import { startFrame, type StartedFrame } from '../frame';
import type { Logger } from '../frame-types';
import { FREE_PORTS, PROJECT_A, PROJECT_B, TEST_KEY, TEST_SITE, startFakeWix } from '../test-support/fake-wix-fixture';

let wix: FakeWix;
let frame: StartedFrame;
let dir: string;
let logLines: string[];

const logger: Logger = { info: (m) => logLines.push(m), warn: (m) => logLines.push(m), error: (m) => logLines.push(m) };

async function start(env: Record<string, string> = {}) {
  frame = await startFrame({
    env: { WIX_API_BASE_URL: wix.url, WIX_MEDIA_BASE_URL: wix.url, FRAME_DATA_DIR: dir, XDG_CONFIG_HOME: join(dir, 'home-config'), ...FREE_PORTS, ...env },
    argv: [],
    defaultDataDir: dir,
    logger,
  });
  return frame;
}

beforeEach(async () => {
  logLines = [];
  wix = await startFakeWix(5);
  wix.projects.get(PROJECT_A)!.coverFileId = 'cover-a~mv2.jpg';
  dir = await mkdtemp(join(tmpdir(), 'frame-svc-'));
});
afterEach(async () => {
  await frame?.stop();
  await wix.stop();
});

describe('settings operations', () => {
  it('first run: setup needed, nothing shown, a calm message', async () => {
    await start();
    expect(frame.getSnapshot().status.setupNeeded).toBe(true);
    expect(frame.getSnapshot().gallery.items).toEqual([]);
  });

  it('a wrong API key fails the connection test with the precise reason and saves nothing', async () => {
    await start();
    const result = await frame.settings.testConnection({ authMode: 'apiKey', apiKey: 'wrong', siteId: TEST_SITE });
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/refused the credentials \(HTTP 401\)/) });
    expect((await frame.settings.getSettings()).authMode).toBe('none');
  });

  it('tests, saves, lists projects with covers and counts, and picking one starts its show', async () => {
    await start();
    const connection = { authMode: 'apiKey' as const, apiKey: TEST_KEY, siteId: TEST_SITE };
    const tested = await frame.settings.testConnection(connection);
    // The test lists the projects at once, before anything is saved.
    expect(tested).toEqual({ ok: true, message: 'Connected to Wix: 2 projects found. Pick one below to start the show.', projects: expect.arrayContaining([expect.objectContaining({ id: PROJECT_A, itemCount: 5 })]) });
    expect(tested.projects).toHaveLength(2);
    expect((await frame.settings.getSettings()).authMode).toBe('none');
    expect((await frame.settings.saveSettings(connection)).ok).toBe(true);
    const listed = await frame.settings.listProjects('');
    expect(listed).toEqual({
      ok: true,
      projects: expect.arrayContaining([
        { id: PROJECT_A, title: 'Holidays', coverFileId: 'cover-a~mv2.jpg', itemCount: 5 },
        { id: PROJECT_B, title: 'Garden', itemCount: 3 },
      ]),
    });
    expect(await frame.settings.listProjects('gar')).toMatchObject({ ok: true, projects: [{ id: PROJECT_B }] });
    expect((await frame.settings.saveSettings({ projectId: PROJECT_A })).ok).toBe(true);
    await frame.sync!.whenIdle();
    expect(frame.getSnapshot().gallery.items).toHaveLength(5);
    expect(frame.getSnapshot().status.setupNeeded).toBe(false);

    // Switching project swaps the gallery live.
    await frame.settings.saveSettings({ projectId: PROJECT_B });
    await new Promise((r) => setTimeout(r, 20));
    await frame.sync!.whenIdle();
    expect(frame.getSnapshot().gallery).toMatchObject({ projectId: PROJECT_B, items: expect.any(Array) });
    expect(frame.getSnapshot().gallery.items).toHaveLength(3);

    // Timing applies to the display at once.
    await frame.settings.saveSettings({ slideSeconds: 7, transition: 'none', order: 'shuffle', captions: 'title' });
    expect(frame.getSnapshot().display).toEqual({ slideSeconds: 7, transition: 'none', fit: 'fit', order: 'shuffle', captions: 'title', pairPortraits: true, kenBurns: false, clock: 'off' });
  });

  it('an invalid project ID is refused', async () => {
    await start();
    const result = await frame.settings.saveSettings({ projectId: 'my holiday photos' });
    expect(result).toEqual({ ok: false, errors: { projectId: expect.stringMatching(/^Project ID must be a GUID like/) } });
  });

  it('secrets never appear in responses, snapshots, logs or the settings file', async () => {
    await start();
    await frame.settings.saveSettings({ authMode: 'apiKey', apiKey: TEST_KEY, siteId: TEST_SITE, projectId: PROJECT_A });
    await frame.settings.saveSettings({ authMode: 'oauth', clientId: 'c', clientSecret: 'VERY-SECRET-OAUTH', instanceId: TEST_SITE });
    const view = await frame.settings.getSettings();
    expect(view).toMatchObject({ apiKeySet: true, clientSecretSet: true });
    const seen = [JSON.stringify(view), JSON.stringify(frame.getSnapshot()), JSON.stringify(frame.health()), logLines.join('\n'), await readFile(join(dir, 'settings.json'), 'utf8')];
    for (const text of seen) {
      expect(text).not.toContain(TEST_KEY);
      expect(text).not.toContain('VERY-SECRET-OAUTH');
    }
    // An empty secret in a patch keeps the saved one.
    await frame.settings.saveSettings({ authMode: 'apiKey', apiKey: '' });
    expect((await frame.settings.getSettings()).apiKeySet).toBe(true);
  });

  it('environment variables win and are shown as fixed', async () => {
    await start({ WIX_API_KEY: TEST_KEY, WIX_SITE_ID: TEST_SITE, WIX_PROJECT_ID: PROJECT_A, FRAME_SLIDE_SECONDS: '5' });
    await frame.settings.saveSettings({ projectId: PROJECT_B, slideSeconds: 30, fit: 'fill' });
    const view = await frame.settings.getSettings();
    expect(view).toMatchObject({ projectId: PROJECT_A, slideSeconds: 5, fit: 'fill' });
    expect(view.lockedByEnv.sort()).toEqual(['apiKey', 'authMode', 'projectId', 'siteId', 'slideSeconds']);
  });

  it('start on boot through the same operations', async () => {
    await start();
    expect((await frame.settings.setAutostart(true, 'xdg')).installed.xdg).toBe(true);
    expect(await readdir(join(dir, 'home-config', 'autostart'))).toEqual(['frame.desktop']);
    expect((await frame.settings.getAutostart()).installed.xdg).toBe(true);
  });
});

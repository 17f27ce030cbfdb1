// The frame killed with SIGKILL at random points while it writes settings and
// the gallery, again and again: every restart finds valid files and shows the
// last gallery it saved.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exportSPKI, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FrameProcess } from '../../e2e/support/frame-process';
import type { FakeWix } from '../../electron/core/demo/fake-wix';
import { sampleItem } from '../../electron/core/demo/sample-project';
import { signWixEvent } from '../../electron/core/webhook/sign-event';
import { PROJECT_A, frameEnvFor, startFakeWix } from '../../electron/core/test-support/fake-wix-fixture';
import { SettingsStore } from '../../electron/core/settings/settings-store';
import { readStoredSettings } from '../../shared/settings';

const ROUNDS = 100;
let wix: FakeWix;
beforeAll(async () => {
  wix = await startFakeWix(20);
});
afterAll(async () => wix.stop());

describe('crash safety', () => {
  it(`${ROUNDS} SIGKILLs during settings and gallery writes leave valid files every time`, async () => {
    const pair = await generateKeyPair('RS256', { extractable: true });
    const env = frameEnvFor(wix.url, { FRAME_POLL_SECONDS: '3600', WIX_WEBHOOK_PUBLIC_KEY: await exportSPKI(pair.publicKey) });
    let dataDir: string | undefined;
    let writes = 0;
    let settingsSaved = false;
    for (let round = 0; round < ROUNDS; round++) {
      const frame = await new FrameProcess({ env, ...(dataDir ? { dataDir } : {}) }).start();
      dataDir = frame.dataDir;
      // Every restart finds the saved gallery intact (the first start syncs it).
      let items = 0;
      for (let tries = 0; tries < 100 && items < 20; tries++) {
        items = ((await (await fetch(`${frame.url}/api/state`)).json()) as { items: unknown[] }).items.length;
        if (items < 20) await new Promise((r) => setTimeout(r, 50));
      }
      expect(items, `round ${round}`).toBeGreaterThanOrEqual(20);
      let stop = false;
      const writer = (async () => {
        for (let i = 0; !stop; i++) {
          const item = sampleItem(PROJECT_A, 100 + round * 1000 + i, wix.url);
          const token = await signWixEvent(pair.privateKey, { kind: 'created', itemId: item.id, entity: { ...item } });
          const settings = fetch(`${frame.url}/api/settings`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ slideSeconds: 2 + (i % 50), captions: i % 2 ? 'title' : 'none' }) });
          const event = fetch(frame.webhookUrl, { method: 'POST', body: token });
          const results = await Promise.allSettled([settings, event]);
          if (results[0].status === 'fulfilled' && results[0].value.ok) settingsSaved = true;
          writes += results.filter((r) => r.status === 'fulfilled' && r.value.ok).length;
        }
      })();
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 250));
      frame.kill();
      stop = true;
      await writer.catch(() => undefined);
      await frame.stop();
      // The committed settings load whole (settings.json may be missing only before the first save finished).
      const settingsText = await readFile(join(dataDir, 'settings.json'), 'utf8').catch(() => null);
      if (settingsText !== null) expect(readStoredSettings(JSON.parse(settingsText)).invalid).toEqual([]);
      else expect(settingsSaved, 'settings.json is there once a save was acknowledged').toBe(false);
      const lines: string[] = [];
      await new SettingsStore(dataDir, { info: () => undefined, warn: (m) => lines.push(m), error: (m) => lines.push(m) }).load();
      expect(lines.filter((l) => / is damaged| is unreadable|No whole saved settings/.test(l)), `round ${round}`).toEqual([]);
      const gallery = JSON.parse(await readFile(join(dataDir, 'gallery.json'), 'utf8')) as { version: number; items: unknown[] };
      expect(gallery.version).toBe(1);
    }
    expect(writes).toBeGreaterThanOrEqual(100);
  }, 240_000);
});

// What every composition root starts from: the configuration (environment over
// saved settings over defaults), the data dir and its storage health, the demo
// Wix when asked for, and the settings store and operations. Storage never
// stops a start: a full, read-only, missing or forbidden data dir is reported
// (log, /healthz, the screen) and the frame goes on without saving.
import { mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Settings } from '../../../shared/settings';
import { loadEnvConfig, type FrameConfig } from '../config/env-config';
import { startDemoWix } from '../demo/demo-wix';
import type { FakeWix } from '../demo/fake-wix';
import { DEMO_API_KEY, DEMO_PROJECT_ID, DEMO_SITE_ID } from '../demo/sample-project';
import type { Logger, StartFrameOptions } from '../frame-types';
import { envOverrides } from '../settings/env-overrides';
import { SettingsService } from '../settings/settings-service';
import { SettingsStore } from '../settings/settings-store';
import { StorageHealth } from '../storage/storage-health';
import { consoleLogger } from '../util/logger';
import { ensureTestKeys } from '../webhook/test-keys';

export interface FrameSetup {
  config: FrameConfig;
  logger: Logger;
  settingsStore: SettingsStore;
  settings: SettingsService;
  demoWix: FakeWix | null;
  storage: StorageHealth;
  /** Tells the storage health of a failed write; true when it was a storage fault. */
  writeFailed(error: unknown, path: string): boolean;
}

export async function openFrameSetup(options: StartFrameOptions): Promise<FrameSetup> {
  const logger = options.logger ?? consoleLogger();
  let config = loadEnvConfig(options.env, options.argv, options.defaultDataDir);
  const storage = new StorageHealth({ dataDir: config.dataDir, logger });
  const writeFailed = (error: unknown, path: string) => storage.report(error, path);
  await mkdir(config.dataDir, { recursive: true }).catch((error: unknown) => writeFailed(error, config.dataDir));
  const overrides = envOverrides(config);
  let demoWix: FakeWix | null = null;
  if (config.demo) {
    // The demo keeps its settings and gallery apart from a real setup's.
    const keys = await ensureTestKeys(config.dataDir, writeFailed);
    ({ wix: demoWix, config } = await startDemoWix({ ...config, dataDir: join(config.dataDir, 'demo') }));
    await mkdir(config.dataDir, { recursive: true }).catch((error: unknown) => writeFailed(error, config.dataDir));
    Object.assign(overrides, { authMode: 'apiKey', apiKey: DEMO_API_KEY, siteId: DEMO_SITE_ID } satisfies Partial<Settings>);
    delete overrides.projectId;
    overrides.webhookPublicKey ??= keys.publicPem;
    logger.info(`Demo mode: built-in Wix-compatible server at ${demoWix.url}; webhooks signed with ${keys.paths.privateKey} are accepted.`);
  }

  const settingsStore = new SettingsStore(config.dataDir, logger, options.secretCodec, writeFailed);
  await settingsStore.load();
  await storage.check();
  if (config.demo && !settingsStore.current.projectId) {
    // Saved so the demo can switch projects like a real frame; fixed for this run when it cannot be.
    await settingsStore.save({ projectId: DEMO_PROJECT_ID }).catch((error: unknown) => {
      writeFailed(error, settingsStore.settingsPath);
      overrides.projectId = DEMO_PROJECT_ID;
    });
  }
  const settings = new SettingsService({
    store: settingsStore,
    overrides,
    apiBaseUrl: config.wix.apiBaseUrl,
    autostart: {
      home: homedir(),
      ...(options.env.XDG_CONFIG_HOME ? { configHome: options.env.XDG_CONFIG_HOME } : {}),
      platform: process.platform,
      wayland: Boolean(options.env.WAYLAND_DISPLAY) || options.env.XDG_SESSION_TYPE === 'wayland',
      launch: options.launch ?? { command: [process.execPath, ...process.argv.slice(1)], electron: false, env: {} },
    },
  });
  return { config, logger, settingsStore, settings, demoWix, storage, writeFailed };
}

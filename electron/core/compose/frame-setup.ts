// What every composition root starts from: the configuration (environment over
// saved settings over defaults), a writable data dir, the demo Wix when asked
// for, and the settings store and operations.
import { mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Settings } from '../../../shared/settings';
import { loadEnvConfig, type FrameConfig } from '../config/env-config';
import { startDemoWix } from '../demo/demo-wix';
import type { FakeWix } from '../demo/fake-wix';
import { DEMO_API_KEY, DEMO_PROJECT_ID, DEMO_SITE_ID } from '../demo/sample-project';
import { ConfigError, type Logger, type StartFrameOptions } from '../frame-types';
import { envOverrides } from '../settings/env-overrides';
import { SettingsService } from '../settings/settings-service';
import { SettingsStore } from '../settings/settings-store';
import { consoleLogger } from '../util/logger';
import { ensureTestKeys } from '../webhook/test-keys';

export interface FrameSetup {
  config: FrameConfig;
  logger: Logger;
  settingsStore: SettingsStore;
  settings: SettingsService;
  demoWix: FakeWix | null;
}

export async function openFrameSetup(options: StartFrameOptions): Promise<FrameSetup> {
  const logger = options.logger ?? consoleLogger();
  let config = loadEnvConfig(options.env, options.argv, options.defaultDataDir);
  await ensureDir(config.dataDir);
  const overrides = envOverrides(config);
  let demoWix: FakeWix | null = null;
  if (config.demo) {
    // The demo keeps its settings and gallery apart from a real setup's.
    const keys = await ensureTestKeys(config.dataDir);
    ({ wix: demoWix, config } = await startDemoWix({ ...config, dataDir: join(config.dataDir, 'demo') }));
    await mkdir(config.dataDir, { recursive: true });
    Object.assign(overrides, { authMode: 'apiKey', apiKey: DEMO_API_KEY, siteId: DEMO_SITE_ID } satisfies Partial<Settings>);
    delete overrides.projectId;
    overrides.webhookPublicKey ??= keys.publicPem;
    logger.info(`Demo mode: built-in Wix-compatible server at ${demoWix.url}; webhooks signed with ${keys.paths.privateKey} are accepted.`);
  }

  const settingsStore = new SettingsStore(config.dataDir, logger, options.secretCodec);
  await settingsStore.load();
  if (config.demo && !settingsStore.current.projectId) await settingsStore.save({ projectId: DEMO_PROJECT_ID });
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
  return { config, logger, settingsStore, settings, demoWix };
}

async function ensureDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new ConfigError(`FRAME_DATA_DIR must be a writable folder; "${dir}" could not be created (${(error as Error).message}).`);
  }
}

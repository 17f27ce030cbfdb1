// Assembles the sync core for either shell: configuration (environment over
// saved settings over defaults), demo Wix, the gallery and where it comes
// from, webhooks, and the settings operations. Settings apply live.
import { mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { displayOf, type FrameSnapshot } from '../../shared/display';
import { EMPTY_GALLERY } from '../../shared/gallery';
import { loadEnvConfig, type FrameConfig } from './config/env-config';
import { startDemoWix } from './demo/demo-wix';
import type { FakeWix } from './demo/fake-wix';
import { DEMO_API_KEY, DEMO_PROJECT_ID, DEMO_SITE_ID } from './demo/sample-project';
import { ConfigError, type HealthReport, type RunningFrame, type StartFrameOptions } from './frame-types';
import { GallerySource } from './gallery/gallery-source';
import { GallerySnapshotFile } from './gallery/snapshot-file';
import { GalleryStore } from './gallery/store';
import type { GallerySync } from './gallery/sync';
import { MediaCache } from './media/media-cache';
import { createMediaProxy } from './media/media-proxy';
import { cachedFileIds, Prefetcher } from './media/prefetch';
import { fetchVideoFor } from './media/video-source';
import { envOverrides } from './settings/env-overrides';
import { SettingsService } from './settings/settings-service';
import { SettingsStore } from './settings/settings-store';
import { ProblemList } from './status/problems';
import { createScreenSwitch } from './system/screen-switch';
import { ScreenPower } from './system/screen-power';
import { consoleLogger } from './util/logger';
import { throttled } from './util/throttled';
import { ensureTestKeys } from './webhook/test-keys';
import { startWebhooks, type Webhooks } from './webhook/webhooks';

export { NOT_CONFIGURED } from './gallery/gallery-source';

export interface StartedFrame extends RunningFrame {
  config: FrameConfig;
  store: GalleryStore;
  /** The poller of the current project, null while not configured. */
  readonly sync: GallerySync | null;
  readonly webhooks: Webhooks;
  settings: SettingsService;
  cache: MediaCache;
  demoWix: FakeWix | null;
}

export async function startFrame(options: StartFrameOptions): Promise<StartedFrame> {
  const logger = options.logger ?? consoleLogger();
  let config = loadEnvConfig(options.env, options.argv, options.defaultDataDir);
  try {
    await mkdir(config.dataDir, { recursive: true });
  } catch (error) {
    throw new ConfigError(`FRAME_DATA_DIR must be a writable folder; "${config.dataDir}" could not be created (${(error as Error).message}).`);
  }
  const overrides = envOverrides(config);
  let demoWix: FakeWix | null = null;
  if (config.demo) {
    // The demo keeps its settings and gallery apart from a real setup's.
    const keys = await ensureTestKeys(config.dataDir);
    ({ wix: demoWix, config } = await startDemoWix({ ...config, dataDir: join(config.dataDir, 'demo') }));
    await mkdir(config.dataDir, { recursive: true });
    Object.assign(overrides, { authMode: 'apiKey', apiKey: DEMO_API_KEY, siteId: DEMO_SITE_ID });
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

  const store = new GalleryStore(EMPTY_GALLERY);
  const snapshotFile = new GallerySnapshotFile(config.dataDir, logger);
  const source = new GallerySource(store, snapshotFile, config.wix.apiBaseUrl, logger);
  const listeners = new Set<(snapshot: FrameSnapshot) => void>();
  const problems = new ProblemList();
  // Started below, once the gallery source exists; snapshots taken before then see it off.
  let webhooks: Webhooks | null = null;
  const getSnapshot = (): FrameSnapshot => {
    const effective = settings.effective();
    const setupNeeded = !config.demo && (effective.authMode === 'none' || !effective.projectId);
    const problemList = problems.assemble({
      setupNeeded,
      wixError: store.state.lastError,
      hasPhotos: store.state.items.length > 0,
      screenCommandError: screenPower.lastCommandError,
      webhook: webhooks?.health() ?? { enabled: false, accepted: 0, ignored: 0, rejected: 0 },
    });
    return {
      gallery: store.state,
      display: displayOf(effective),
      status: { setupNeeded, demo: config.demo, screen: screenPower.state, problems: problemList },
    };
  };
  const publish = () => {
    const snapshot = getSnapshot();
    for (const listener of listeners) listener(snapshot);
  };
  const cache = new MediaCache({
    dir: join(config.dataDir, 'media-cache'),
    capBytes: config.cacheMegabytes * 1024 * 1024,
    fetchUpstream: createMediaProxy({ mediaBaseUrl: config.wix.mediaBaseUrl }),
    logger,
  });
  await cache.open();
  const prefetcher = new Prefetcher(
    cache,
    () => store.state.items,
    () => settings.effective().order === 'sorted',
  );
  store.subscribe((state, change) => {
    if (change.added.length || change.updated.length || change.removed.length) {
      void snapshotFile.save(state);
      // Photos deleted on Wix (or of another project) leave the cache too.
      if (state.syncedAt) void cache.retainOnly(new Set(state.items.flatMap(cachedFileIds)));
    }
    publish();
  });

  const screenPower = new ScreenPower({
    switchScreen: options.switchScreen ?? createScreenSwitch(),
    logger,
    onChange(state) {
      void source.setPaused(state === 'off');
      publish();
    },
  });
  await screenPower.apply(settings.effective());

  // A refused webhook is said on the show; a flood of them publishes at most once a few seconds.
  const publishRefusal = throttled(publish, 3_000);
  const startHooks = (publicKeyPem: string) =>
    startWebhooks({ config: { ...config.webhook, publicKeyPem: publicKeyPem || null }, store, getSync: () => source.currentSync, logger, onRejected: publishRefusal });
  let webhookKey = settings.effective().webhookPublicKey;
  webhooks = await startHooks(webhookKey);
  await source.apply(settings.effective());

  settingsStore.onChange(async () => {
    const effective = settings.effective();
    publish();
    await screenPower.apply(effective);
    await source.apply(effective);
    if (effective.webhookPublicKey !== webhookKey) {
      webhookKey = effective.webhookPublicKey;
      await webhooks?.close();
      webhooks = await startHooks(webhookKey).catch((error: Error) => {
        logger.error(`Webhook receiver could not restart: ${error.message}`);
        return startHooks('');
      });
    }
  });

  const health = (): HealthReport => ({
    ok: store.state.lastError === null,
    projectId: store.state.projectId,
    items: store.state.items.length,
    syncedAt: store.state.syncedAt,
    lastError: store.state.lastError,
    demo: config.demo,
    webhook: webhooks!.health(),
    display: { screen: screenPower.state, scheduleEnabled: settings.effective().scheduleEnabled, commandError: screenPower.lastCommandError },
    process: { rssBytes: process.memoryUsage().rss, heapUsedBytes: process.memoryUsage().heapUsed, uptimeSeconds: Math.round(process.uptime()) },
    cache: { files: cache.count, bytes: cache.bytes, capBytes: config.cacheMegabytes * 1024 * 1024, ...cache.stats },
  });

  return {
    config,
    store,
    get sync() {
      return source.currentSync;
    },
    get webhooks() {
      return webhooks!;
    },
    settings,
    demoWix,
    getSnapshot,
    onSnapshot(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    cache,
    async fetchMedia(request, signal) {
      const response = await cache.get(request, signal);
      prefetcher.after(request);
      return response;
    },
    fetchVideo: (request, range, signal) => fetchVideoFor(store.state.items, cache, request, range, signal),
    health,
    async stop() {
      listeners.clear();
      screenPower.stop();
      await webhooks?.close();
      await source.stop();
      await snapshotFile.flush();
      await demoWix?.stop();
    },
  };
}

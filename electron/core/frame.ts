// Assembles the sync core for either shell: configuration, demo Wix, Wix
// client, gallery store with its snapshot file, and the poller.
import { mkdir } from 'node:fs/promises';
import { DEFAULT_DISPLAY, type DisplaySettings, type FrameSnapshot } from '../../shared/display';
import { EMPTY_GALLERY } from '../../shared/gallery';
import { loadEnvConfig, type FrameConfig, type WixAuthConfig } from './config/env-config';
import { startDemoWix } from './demo/demo-wix';
import type { FakeWix } from './demo/fake-wix';
import { ConfigError, type HealthReport, type RunningFrame, type StartFrameOptions } from './frame-types';
import { GallerySnapshotFile } from './gallery/snapshot-file';
import { GalleryStore } from './gallery/store';
import { GallerySync } from './gallery/sync';
import { createMediaProxy } from './media/media-proxy';
import { consoleLogger } from './util/logger';
import { ApiKeyAuth, OAuthAuth, type WixAuth } from './wix/auth';
import { WixClient } from './wix/client';
import { ensureTestKeys } from './webhook/test-keys';
import { startWebhooks, type Webhooks } from './webhook/webhooks';

export const NOT_CONFIGURED =
  'Frame is not connected to Wix yet: set WIX_API_KEY and WIX_SITE_ID (or the OAuth variables) and WIX_PROJECT_ID, or start with --demo.';

export interface StartedFrame extends RunningFrame {
  config: FrameConfig;
  store: GalleryStore;
  sync: GallerySync | null;
  webhooks: Webhooks;
  demoWix: FakeWix | null;
}

function createAuth(auth: WixAuthConfig, apiBaseUrl: string): WixAuth {
  if (auth.kind === 'apiKey') return new ApiKeyAuth(auth.apiKey, auth.siteId);
  return new OAuthAuth({ baseUrl: apiBaseUrl, clientId: auth.clientId, clientSecret: auth.clientSecret, instanceId: auth.instanceId });
}

export async function startFrame(options: StartFrameOptions): Promise<StartedFrame> {
  const logger = options.logger ?? consoleLogger();
  let config = loadEnvConfig(options.env, options.argv, options.defaultDataDir);
  try {
    await mkdir(config.dataDir, { recursive: true });
  } catch (error) {
    throw new ConfigError(`FRAME_DATA_DIR must be a writable folder; "${config.dataDir}" could not be created (${(error as Error).message}).`);
  }
  let demoWix: FakeWix | null = null;
  if (config.demo) {
    ({ wix: demoWix, config } = await startDemoWix(config));
    logger.info(`Demo mode: built-in Wix-compatible server at ${demoWix.url}.`);
    if (!config.webhook.publicKeyPem) {
      // So `npm run webhook:test` works against the demo out of the box.
      const keys = await ensureTestKeys(config.dataDir);
      config = { ...config, webhook: { ...config.webhook, publicKeyPem: keys.publicPem } };
      logger.info(`Demo mode: webhooks signed with the local test key ${keys.paths.privateKey} are accepted.`);
    }
  }
  const { projectId, auth, apiBaseUrl, mediaBaseUrl } = config.wix;
  const snapshotFile = new GallerySnapshotFile(config.dataDir, logger);
  const saved = projectId ? await snapshotFile.load(projectId) : null;
  if (saved) logger.info(`Showing the saved gallery of ${saved.items.length} item(s) until Wix answers.`);
  const store = new GalleryStore(saved ?? { ...EMPTY_GALLERY, projectId });
  const display: DisplaySettings = { ...DEFAULT_DISPLAY, slideSeconds: config.slideSeconds };

  let sync: GallerySync | null = null;
  if (projectId && auth) {
    const client = new WixClient({ baseUrl: apiBaseUrl, auth: createAuth(auth, apiBaseUrl) });
    sync = new GallerySync({ source: client, store, projectId, pollMs: config.pollSeconds * 1000, logger });
  } else {
    store.setError(NOT_CONFIGURED);
    logger.warn(NOT_CONFIGURED);
  }

  const listeners = new Set<(snapshot: FrameSnapshot) => void>();
  const getSnapshot = (): FrameSnapshot => ({ gallery: store.state, display });
  store.subscribe((state, change) => {
    if (change.added.length || change.updated.length || change.removed.length) void snapshotFile.save(state);
    const snapshot = getSnapshot();
    for (const listener of listeners) listener(snapshot);
  });
  const webhooks = await startWebhooks({ config: config.webhook, store, sync, logger });
  void sync?.start();

  const health = (): HealthReport => ({
    ok: store.state.lastError === null,
    projectId: store.state.projectId,
    items: store.state.items.length,
    syncedAt: store.state.syncedAt,
    lastError: store.state.lastError,
    demo: config.demo,
    webhook: webhooks.health(),
  });

  return {
    config,
    store,
    sync,
    webhooks,
    demoWix,
    getSnapshot,
    onSnapshot(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    fetchMedia: createMediaProxy({ mediaBaseUrl }),
    health,
    async stop() {
      listeners.clear();
      await webhooks.close();
      await sync?.stop();
      await snapshotFile.flush();
      await demoWix?.stop();
    },
  };
}

// The gallery straight from Wix: the poller of the configured project and the
// webhook receiver, which restarts when its public key changes.
import { join } from 'node:path';
import type { Settings } from '../../../shared/settings';
import type { FrameConfig } from '../config/env-config';
import type { Logger } from '../frame-types';
import { GallerySource } from '../gallery/gallery-source';
import type { GallerySnapshotFile } from '../gallery/snapshot-file';
import type { GalleryStore } from '../gallery/store';
import type { GallerySync } from '../gallery/sync';
import { startWebhooks, type Webhooks } from '../webhook/webhooks';
import type { GalleryFeed } from './gallery-feed';
import { projectEventHandler } from './project-events';

export interface WixFeed extends GalleryFeed {
  /** The poller of the current project, null while not configured. */
  readonly currentSync: GallerySync | null;
  readonly webhooks: Webhooks;
}

export interface WixFeedOptions {
  config: FrameConfig;
  store: GalleryStore;
  snapshotFile: GallerySnapshotFile;
  logger: Logger;
  settings: Settings;
  /** The screen is already off: start without fetching. */
  paused: boolean;
  /** A webhook request was refused: the status line may say so. */
  onRejected?: () => void;
}

/** The Wix instance this frame belongs to: the OAuth app's, or FRAME_WIX_INSTANCE_ID for an API-key frame. */
export function frameInstanceId(settings: Settings, fromEnv: string | null): string | null {
  if (settings.authMode === 'oauth' && settings.instanceId) return settings.instanceId;
  return fromEnv;
}

export async function startWixFeed({ config, store, snapshotFile, logger, settings, paused, onRejected }: WixFeedOptions): Promise<WixFeed> {
  const source = new GallerySource(store, snapshotFile, config.wix.apiBaseUrl, logger);
  const onItemEvent = projectEventHandler(store, () => source.currentSync);
  let instanceId = frameInstanceId(settings, config.wix.instanceId);
  const startHooks = (publicKeyPem: string) =>
    startWebhooks({
      config: { ...config.webhook, publicKeyPem: publicKeyPem || null },
      onItemEvent,
      logger,
      ...(onRejected ? { onRejected } : {}),
      instanceId: () => instanceId,
      seenEventsPath: join(config.dataDir, 'webhook-events.log'),
    });
  let webhookKey = settings.webhookPublicKey;
  let webhooks = await startHooks(webhookKey);
  if (paused) await source.setPaused(true);
  await source.apply(settings);

  return {
    kind: 'wix',
    get currentSync() {
      return source.currentSync;
    },
    get webhooks() {
      return webhooks;
    },
    async apply(effective) {
      instanceId = frameInstanceId(effective, config.wix.instanceId);
      await source.apply(effective);
      if (effective.webhookPublicKey === webhookKey) return;
      webhookKey = effective.webhookPublicKey;
      await webhooks.close();
      webhooks = await startHooks(webhookKey).catch((error: Error) => {
        logger.error(`Webhook receiver could not restart: ${error.message}`);
        return startHooks('');
      });
    },
    setPaused: (paused) => source.setPaused(paused),
    webhookHealth: () => webhooks.health(),
    async stop() {
      await webhooks.close();
      await source.stop();
    },
  };
}

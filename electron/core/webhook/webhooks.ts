// The webhook path of the core: verifier, receiver and applier wired to the
// gallery. Off (and saying why) without a public key: never unsigned.
import type { FrameConfig } from '../config/env-config';
import { ConfigError, type Logger, type WebhookHealth } from '../frame-types';
import type { GalleryStore } from '../gallery/store';
import type { GallerySync } from '../gallery/sync';
import { EventApplier } from './event-applier';
import { startWebhookReceiver, WEBHOOK_PATH, type RunningReceiver } from './receiver-server';
import { createTokenVerifier } from './verify-token';

/** A confirming sync this long after the last event heals anything missed. */
export const CONFIRM_SYNC_MS = 3_000;

export interface Webhooks {
  health(): WebhookHealth;
  close(): Promise<void>;
}

export interface WebhooksOptions {
  config: FrameConfig['webhook'];
  store: GalleryStore;
  /** The poller of the moment: it changes when the project does. */
  getSync(): GallerySync | null;
  logger: Logger;
  /** A request was refused (bad signature, malformed…): the status line may say so. */
  onRejected?: () => void;
}

const OFF_REASON = 'off: no WIX_WEBHOOK_PUBLIC_KEY configured, so only polling keeps the gallery current';

export async function startWebhooks({ config, store, getSync, logger, onRejected }: WebhooksOptions): Promise<Webhooks> {
  if (!config.publicKeyPem) {
    logger.info(`Webhook receiver ${OFF_REASON}.`);
    return { health: () => ({ enabled: false, reason: OFF_REASON, accepted: 0, ignored: 0, rejected: 0 }), close: async () => undefined };
  }
  const verify = await createTokenVerifier(config.publicKeyPem);
  const applier = new EventApplier(store);
  let receiver: RunningReceiver;
  try {
    receiver = await startWebhookReceiver({
      host: config.host,
      port: config.port,
      verify,
      logger,
      ...(onRejected ? { onRejected } : {}),
      onEvent(unwrapped) {
        if (unwrapped.type === 'other') return 'ignored';
        const result = applier.apply(unwrapped.event);
        const sync = getSync();
        if (result === 'applied') sync?.noteLocalChange();
        if (result === 'applied' || result === 'stale') sync?.syncSoon(CONFIRM_SYNC_MS);
        return result === 'applied' ? 'accepted' : 'ignored';
      },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new ConfigError(`FRAME_WEBHOOK_PORT ${config.port} is already in use on ${config.host}: stop the other program or choose another port.`);
    }
    throw error;
  }
  const url = `${receiver.url}${WEBHOOK_PATH}`;
  logger.info(`Webhook receiver at ${url}`);
  return {
    health: () => ({ enabled: true, url, ...receiver.counters }),
    close: () => receiver.close(),
  };
}

// The webhook path of the core: verifier and receiver, handing each verified
// item event to whoever keeps galleries (one frame's, or the relay's many).
// Off (and saying why) without a public key: never unsigned.
import type { FrameConfig } from '../config/env-config';
import { ConfigError, type Logger, type WebhookHealth } from '../frame-types';
import type { ItemEvent } from './item-event';
import { startWebhookReceiver, WEBHOOK_PATH, type RunningReceiver } from './receiver-server';
import { createTokenVerifier } from './verify-token';

export interface Webhooks {
  health(): WebhookHealth;
  close(): Promise<void>;
}

export interface WebhooksOptions {
  config: FrameConfig['webhook'];
  /** Applies one verified item event; says whether it changed a gallery. */
  onItemEvent(event: ItemEvent): 'accepted' | 'ignored';
  logger: Logger;
  /** A request was refused (bad signature, malformed…): the status line may say so. */
  onRejected?: () => void;
}

const OFF_REASON = 'off: no WIX_WEBHOOK_PUBLIC_KEY configured, so only polling keeps the gallery current';

export async function startWebhooks({ config, onItemEvent, logger, onRejected }: WebhooksOptions): Promise<Webhooks> {
  if (!config.publicKeyPem) {
    logger.info(`Webhook receiver ${OFF_REASON}.`);
    return { health: () => ({ enabled: false, reason: OFF_REASON, accepted: 0, ignored: 0, rejected: 0 }), close: async () => undefined };
  }
  const verify = await createTokenVerifier(config.publicKeyPem);
  let receiver: RunningReceiver;
  try {
    receiver = await startWebhookReceiver({
      host: config.host,
      port: config.port,
      verify,
      logger,
      ...(onRejected ? { onRejected } : {}),
      onEvent: (unwrapped) => (unwrapped.type === 'other' ? 'ignored' : onItemEvent(unwrapped.event)),
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

// The webhook path of the core: verifier and receiver, handing each verified
// item event to whoever keeps galleries (one frame's, or the relay's many).
// Off (and saying why) without a public key: never unsigned. An event must
// also be fresh and for this install (event-admission.ts), and one already
// taken, before a restart too, is a duplicate (seen-events.ts).
import type { FrameConfig } from '../config/env-config';
import { ConfigError, type Logger, type WebhookHealth } from '../frame-types';
import { admitEvent } from './event-admission';
import type { ItemEvent } from './item-event';
import { SeenEventLog, seenEventsInMemory } from './seen-events';
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
  /** This install's Wix instance, when known: events of any other are refused. */
  instanceId?(): string | null;
  /** Where taken event ids are kept across restarts; in memory only when absent. */
  seenEventsPath?: string;
  now?(): number;
}

const OFF_REASON = 'off: no WIX_WEBHOOK_PUBLIC_KEY configured, so only polling keeps the gallery current';

export async function startWebhooks({ config, onItemEvent, logger, onRejected, instanceId, seenEventsPath, now = Date.now }: WebhooksOptions): Promise<Webhooks> {
  if (!config.publicKeyPem) {
    logger.info(`Webhook receiver ${OFF_REASON}.`);
    return { health: () => ({ enabled: false, reason: OFF_REASON, accepted: 0, ignored: 0, rejected: 0 }), close: async () => undefined };
  }
  const verify = await createTokenVerifier(config.publicKeyPem);
  const log = seenEventsPath ? await SeenEventLog.open(seenEventsPath, logger) : null;
  const seen = log ?? seenEventsInMemory();
  const onItem = (event: ItemEvent) => {
    if (seen.has(event.eventId)) return 'ignored';
    seen.add(event.eventId);
    return onItemEvent(event);
  };
  let receiver: RunningReceiver;
  try {
    receiver = await startWebhookReceiver({
      host: config.host,
      port: config.port,
      verify,
      logger,
      ...(onRejected ? { onRejected } : {}),
      admit: (payload, event) => admitEvent(payload, event, { now: now(), instanceId: instanceId?.() ?? null }),
      onEvent: (unwrapped) => (unwrapped.type === 'other' ? 'ignored' : onItem(unwrapped.event)),
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
    async close() {
      await receiver.close();
      await log?.flush();
    },
  };
}

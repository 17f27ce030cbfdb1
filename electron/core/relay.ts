// Composition root of the relay (`npm run relay`): the setup, the webhook
// receiver and Wix pollers of every project the fleet wants, and a signed
// publisher on the MQTT broker. No screen; GET /healthz on FRAME_HTTP_PORT.
import { createServer } from 'node:http';
import { join } from 'node:path';
import type { ProjectChoice } from '../../shared/settings-api';
import { openFrameSetup } from './compose/frame-setup';
import type { FleetConfig } from './config/fleet-config';
import { listAllProjects, type CatalogBody } from './fleet/relay-catalog';
import { openMqttLink, type MqttLink } from './fleet/mqtt-link';
import { RelayProjects } from './fleet/relay-projects';
import { nextEpoch, RelaySigner } from './fleet/relay-signer';
import { loadRelayKeys } from './fleet/relay-signing';
import { fleetTopics } from './fleet/topics';
import { ConfigError, type StartFrameOptions } from './frame-types';
import { clientFor } from './gallery/gallery-source';
import { frameInstanceId } from './source/wix-source';
import { listen } from './util/listen';
import { startWebhooks, type Webhooks } from './webhook/webhooks';

export interface RunningRelay {
  url: string;
  keyFingerprint: string;
  publicKeyPath: string;
  projects: RelayProjects;
  webhooks: Webhooks;
  link: MqttLink;
  health(): RelayHealth;
  stop(): Promise<void>;
}

export interface RelayHealth {
  ok: boolean;
  mqtt: { connected: boolean; error: string | null };
  keyFingerprint: string;
  epoch: number;
  frames: number;
  projects: { projectId: string; items: number; seq: number; syncedAt: string | null; lastError: string | null }[];
  webhook: ReturnType<Webhooks['health']>;
}

export async function startRelay(options: StartFrameOptions): Promise<RunningRelay> {
  const { config, logger, settings } = await openFrameSetup(options);
  const fleet: FleetConfig | null = config.fleet;
  if (!fleet) throw new ConfigError('FRAME_MQTT_URL must be set for the relay: the address of the MQTT broker, such as mqtt://127.0.0.1:1883.');
  const effective = settings.effective();
  const client = clientFor(effective, config.wix.apiBaseUrl);
  if (!client) throw new ConfigError('WIX_API_KEY and WIX_SITE_ID (or WIX_CLIENT_ID, WIX_CLIENT_SECRET and WIX_INSTANCE_ID) must be set: the relay is the one process that talks to Wix.');

  const topics = fleetTopics(fleet.prefix);
  const keys = await loadRelayKeys(config.dataDir);
  const signer = new RelaySigner(keys, await nextEpoch(config.dataDir));
  const offline = await signer.sign(topics.relayStatus, 0, { online: false });
  const link = await openMqttLink({ fleet, clientId: `${fleet.prefix.replace(/\//g, '-')}-relay`, will: { topic: topics.relayStatus, payload: offline }, logger });
  signer.link = link;

  const projects = new RelayProjects({ client, pollMs: effective.pollSeconds * 1000, signer, topics, logger, always: effective.projectId || null });
  let catalog: ProjectChoice[] | null = null;
  const publishCatalog = () => {
    if (!catalog) return;
    const counted = catalog.map((p) => {
      const served = projects.served.get(p.id.toLowerCase())?.store.state;
      return served?.syncedAt ? { ...p, itemCount: served.items.length } : p;
    });
    void signer.publish<CatalogBody>(topics.relayProjects, 0, { projects: counted }, { retain: true });
  };
  const refreshCatalog = async () => {
    catalog = (await listAllProjects(client, logger)) ?? catalog;
    publishCatalog();
  };
  // Titles and covers change seldom: the list is refreshed every ten minutes, or per poll when that is rarer.
  const catalogTimer = setInterval(() => void refreshCatalog(), Math.max(effective.pollSeconds, 600) * 1000);
  catalogTimer.unref();

  // After every (re)connect: the key, "online", and every retained message, in case the broker forgot them.
  link.onConnect(() => {
    void signer.publish(topics.relayKey, 0, { publicKeyPem: keys.publicPem }, { retain: true });
    void signer.publish(topics.relayStatus, 0, { online: true }, { retain: true });
    publishCatalog();
    projects.republish();
  });
  link.subscribe(topics.wants, (topic, payload) => void projects.noteWant(topic.split('/').pop()!, payload));
  void refreshCatalog();
  await projects.start();

  // Fresh events of this install only, each taken once, across restarts too (as on a single frame).
  const instanceId = frameInstanceId(effective, config.wix.instanceId);
  const webhooks = await startWebhooks({
    config: { ...config.webhook, publicKeyPem: effective.webhookPublicKey || null },
    onItemEvent: (event) => projects.apply(event),
    logger,
    instanceId: () => instanceId,
    seenEventsPath: join(config.dataDir, 'webhook-events.log'),
  });

  const health = (): RelayHealth => {
    const served = [...projects.served.values()].map((p) => ({ projectId: p.projectId, items: p.store.state.items.length, seq: p.seq, syncedAt: p.store.state.syncedAt, lastError: p.store.state.lastError }));
    return {
      ok: link.connected && served.every((p) => p.lastError === null),
      mqtt: { connected: link.connected, error: link.error },
      keyFingerprint: keys.fingerprint,
      epoch: signer.epoch,
      frames: projects.frameCount,
      projects: served,
      webhook: webhooks.health(),
    };
  };
  const server = createServer((req, res) => {
    const ok = req.method === 'GET' && (req.url ?? '').split('?')[0] === '/healthz';
    const body = JSON.stringify(ok ? health() : { error: 'not found' });
    res.writeHead(ok ? 200 : 404, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(body);
  });
  const http = await listen(server, config.http.port, config.http.host).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') throw new ConfigError(`FRAME_HTTP_PORT ${config.http.port} is already in use on ${config.http.host}: stop the other program or choose another port.`);
    throw error;
  });
  logger.info(`Frame relay health at ${http.url}/healthz; signing key ${keys.fingerprint} (frames pin ${keys.publicKeyPath} as FRAME_RELAY_PUBLIC_KEY, or trust it on first use).`);

  return {
    url: http.url,
    keyFingerprint: keys.fingerprint,
    publicKeyPath: keys.publicKeyPath,
    projects,
    webhooks,
    link,
    health,
    async stop() {
      clearInterval(catalogTimer);
      await http.close();
      await webhooks.close();
      await projects.stop();
      await link.close({ topic: topics.relayStatus, payload: offline });
    },
  };
}

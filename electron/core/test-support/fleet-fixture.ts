// A fleet for tests: a real Mosquitto, a fake Wix, the relay and frames as
// in-process cores, and a client playing Home Assistant on the broker.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportSPKI, generateKeyPair, type CryptoKey } from 'jose';
import mqtt, { type MqttClient } from 'mqtt';
import type { FakeWix } from '../demo/fake-wix';
import { startFrame, type StartedFrame } from '../frame';
import { startRelay, type RunningRelay } from '../relay';
import { silentLogger } from '../util/logger';
import { frameEnvFor, PROJECT_A, startFakeWix, TEST_KEY, TEST_SITE } from './fake-wix-fixture';
import { Mosquitto } from './mosquitto';

export async function until<T>(probe: () => T | Promise<T>, what: string, timeoutMs = 10_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export const tempDir = () => mkdtemp(join(tmpdir(), 'frame-fleet-'));

/** Records every message on the broker, last payload per topic, like Home Assistant's view. */
export class BrokerWatcher {
  readonly last = new Map<string, Buffer>();
  readonly seen: { topic: string; payload: string }[] = [];
  private constructor(readonly client: MqttClient) {}

  static async connect(url: string, filters = ['#'], options: mqtt.IClientOptions = {}): Promise<BrokerWatcher> {
    const client = await mqtt.connectAsync(url, { reconnectPeriod: 200, ...options });
    const watcher = new BrokerWatcher(client);
    client.on('message', (topic, payload) => {
      watcher.last.set(topic, payload);
      watcher.seen.push({ topic, payload: payload.toString() });
    });
    await client.subscribeAsync(filters, { qos: 1 });
    return watcher;
  }

  text(topic: string): string | undefined {
    return this.last.get(topic)?.toString();
  }

  json<T = Record<string, unknown>>(topic: string): T | undefined {
    const text = this.text(topic);
    return text ? (JSON.parse(text) as T) : undefined;
  }

  async close(): Promise<void> {
    await this.client.endAsync(true);
  }
}

export class FleetFixture {
  readonly stops: (() => Promise<void>)[] = [];
  wix!: FakeWix;
  broker!: Mosquitto;
  webhookKey!: CryptoKey;
  webhookPem!: string;

  static async start(items = 5): Promise<FleetFixture> {
    const fleet = new FleetFixture();
    fleet.wix = await startFakeWix(items);
    fleet.stops.push(() => fleet.wix.stop());
    fleet.broker = await Mosquitto.start();
    fleet.stops.push(() => fleet.broker.stop());
    const pair = await generateKeyPair('RS256', { extractable: true });
    fleet.webhookKey = pair.privateKey;
    fleet.webhookPem = await exportSPKI(pair.publicKey);
    return fleet;
  }

  relayEnv(dataDir: string, extra: Record<string, string> = {}): Record<string, string> {
    return frameEnvFor(this.wix.url, {
      FRAME_DATA_DIR: dataDir,
      FRAME_HTTP_PORT: '0',
      FRAME_WEBHOOK_PORT: '0',
      FRAME_POLL_SECONDS: '3600',
      WIX_WEBHOOK_PUBLIC_KEY: this.webhookPem,
      FRAME_MQTT_URL: this.broker.url,
      ...extra,
    });
  }

  async relay(dataDir?: string, extra: Record<string, string> = {}): Promise<RunningRelay> {
    const relay = await startRelay({ env: this.relayEnv(dataDir ?? (await tempDir()), extra), argv: [], defaultDataDir: '/nonexistent', logger: silentLogger });
    this.stops.push(() => relay.stop());
    return relay;
  }

  /** A frame without Wix credentials: its gallery comes from the relay. */
  async frame(frameId: string, extra: Record<string, string> = {}, dataDir?: string): Promise<StartedFrame> {
    const env = {
      FRAME_DATA_DIR: dataDir ?? (await tempDir()),
      FRAME_WEBHOOK_PORT: '0',
      WIX_MEDIA_BASE_URL: this.wix.url,
      WIX_PROJECT_ID: PROJECT_A,
      FRAME_MQTT_URL: this.broker.url,
      FRAME_ID: frameId,
      ...extra,
    };
    const frame = await startFrame({ env, argv: [], defaultDataDir: '/nonexistent', logger: silentLogger, switchScreen: async () => ({ ok: true, detail: '' }) });
    this.stops.push(() => frame.stop());
    return frame;
  }

  /** A frame with its own Wix credentials that also joins the broker (Home Assistant only). */
  async wixFrame(frameId: string, extra: Record<string, string> = {}): Promise<StartedFrame> {
    return this.frame(frameId, { WIX_API_BASE_URL: this.wix.url, WIX_API_KEY: TEST_KEY, WIX_SITE_ID: TEST_SITE, ...extra });
  }

  async watcher(filters?: string[]): Promise<BrokerWatcher> {
    const watcher = await BrokerWatcher.connect(this.broker.url, filters);
    this.stops.push(() => watcher.close());
    return watcher;
  }

  async stop(): Promise<void> {
    for (const stop of this.stops.splice(0).reverse()) await stop().catch(() => undefined);
  }
}

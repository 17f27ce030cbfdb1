// One MQTT connection (MQTT.js) for a frame or the relay: mqtt:// or mqtts://,
// user and password, a Last Will, reconnects with growing pauses, a session
// the broker keeps for an hour so QoS 1 messages wait for a frame that was
// briefly away, subscriptions renewed at every connect (so retained messages
// come again), and hooks that re-announce retained state after every
// (re)connect, in case the broker restarted and forgot it.
import type { IClientOptions, MqttClient, connect as mqttConnect } from 'mqtt';
import type { FleetConfig } from '../config/fleet-config';
import type { Logger } from '../frame-types';
import { topicMatches } from './topics';

export type MessageHandler = (topic: string, payload: Buffer) => void;

export interface LinkOptions {
  fleet: FleetConfig;
  clientId: string;
  /** Published by the broker when this client vanishes without saying goodbye. */
  will: { topic: string; payload: string | Buffer };
  logger: Logger;
  /** Reconnect pauses: first, then doubling up to max. */
  minReconnectMs?: number;
  maxReconnectMs?: number;
}

export interface PublishOptions {
  retain?: boolean;
  qos?: 0 | 1;
}

const SESSION_SECONDS = 3600;

type Connect = typeof mqttConnect;

/**
 * MQTT.js takes ~150 ms to load, a third of the frame's start: it is loaded
 * here, when a fleet is configured, so a frame without one never pays it
 * before its first photo.
 */
export async function openMqttLink(options: LinkOptions): Promise<MqttLink> {
  // From the sources MQTT.js's functions are named exports; bundled into
  // dist/node, its CommonJS build arrives as the module's default export.
  const loaded = (await import('mqtt')) as unknown as { connect?: Connect; default?: { connect?: Connect } };
  const connect = loaded.connect ?? loaded.default?.connect;
  if (!connect) throw new Error('MQTT.js has no connect function');
  return new MqttLink(options, connect);
}

export class MqttLink {
  readonly client: MqttClient;
  private readonly handlers = new Map<string, Set<MessageHandler>>();
  private readonly connectHooks = new Set<() => void>();
  private readonly stateListeners = new Set<(connected: boolean) => void>();
  private failures = 0;
  private wasConnected = false;
  private lastError: string | null = null;

  /** Through openMqttLink(), which loads MQTT.js first. */
  constructor(
    private readonly options: LinkOptions,
    connect: Connect,
  ) {
    const { fleet } = options;
    const min = options.minReconnectMs ?? 500;
    const max = options.maxReconnectMs ?? 30_000;
    const clientOptions: IClientOptions = {
      clientId: options.clientId,
      protocolVersion: 5,
      clean: false,
      properties: { sessionExpiryInterval: SESSION_SECONDS },
      keepalive: 30,
      connectTimeout: 10_000,
      reconnectPeriod: min,
      // Subscriptions are renewed by hand after every connect (below), session kept or not.
      resubscribe: false,
      will: { topic: options.will.topic, payload: Buffer.from(options.will.payload), qos: 1, retain: true },
      ...(fleet.username ? { username: fleet.username } : {}),
      ...(fleet.password ? { password: fleet.password } : {}),
      ...(fleet.caPem ? { ca: fleet.caPem } : {}),
    };
    this.client = connect(fleet.url, clientOptions);
    this.client.on('connect', (connack) => {
      // Small messages go out at once: Nagle's algorithm would hold one back for the previous one's ACK.
      (this.client.stream as { setNoDelay?: (on: boolean) => void }).setNoDelay?.(true);
      this.failures = 0;
      this.lastError = null;
      this.client.options.reconnectPeriod = min;
      options.logger.info(`MQTT connected to ${redact(fleet.url)}${connack.sessionPresent ? ' (session kept)' : ''}.`);
      this.wasConnected = true;
      // A fresh SUBSCRIBE makes the broker send the retained messages again, even for a kept session.
      for (const filter of this.handlers.keys()) this.client.subscribe(filter, { qos: 1 });
      for (const hook of this.connectHooks) hook();
      for (const listener of this.stateListeners) listener(true);
    });
    this.client.on('close', () => {
      // Pauses double while the broker stays away, with jitter so a fleet does not return in lockstep.
      this.failures++;
      this.client.options.reconnectPeriod = Math.round(Math.min(max, min * 2 ** Math.min(this.failures, 10)) * (0.75 + Math.random() * 0.5));
      if (this.wasConnected) {
        this.wasConnected = false;
        options.logger.warn(`MQTT connection to ${redact(fleet.url)} lost; retrying.`);
        for (const listener of this.stateListeners) listener(false);
      }
    });
    this.client.on('error', (error) => {
      if (error.message !== this.lastError) options.logger.warn(`MQTT: ${error.message}`);
      this.lastError = error.message;
    });
    this.client.on('message', (topic, payload) => {
      for (const [filter, handlers] of this.handlers) {
        if (!topicMatches(filter, topic)) continue;
        for (const handler of handlers) handler(topic, payload);
      }
    });
  }

  get connected(): boolean {
    return this.client.connected;
  }

  get error(): string | null {
    return this.lastError;
  }

  /** Runs now if connected, and after every reconnect. */
  onConnect(hook: () => void): () => void {
    this.connectHooks.add(hook);
    if (this.client.connected) hook();
    return () => this.connectHooks.delete(hook);
  }

  onState(listener: (connected: boolean) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  subscribe(filter: string, handler: MessageHandler): () => void {
    let set = this.handlers.get(filter);
    if (!set) {
      set = new Set();
      this.handlers.set(filter, set);
      this.client.subscribe(filter, { qos: 1 });
    }
    set.add(handler);
    return () => {
      set.delete(handler);
      if (set.size === 0 && this.handlers.get(filter) === set) {
        this.handlers.delete(filter);
        this.client.unsubscribe(filter);
      }
    };
  }

  /** Asks the broker again, which answers with the retained message (if any). */
  resubscribe(filter: string): void {
    if (!this.handlers.has(filter)) return;
    this.client.unsubscribe(filter, () => this.client.subscribe(filter, { qos: 1 }));
  }

  /** QoS 1 by default; while offline MQTT.js queues it and sends it on reconnect. */
  publish(topic: string, payload: string | Buffer, options: PublishOptions = {}): Promise<void> {
    return new Promise((resolve) => {
      this.client.publish(topic, payload, { qos: options.qos ?? 1, retain: options.retain ?? false }, (error) => {
        if (error && !this.closing) this.options.logger.warn(`MQTT publish on ${topic} failed: ${error.message}`);
        resolve();
      });
    });
  }

  private closing = false;

  /** A clean goodbye: the broker does not send the Last Will, so say what it would have first. */
  async close(finalWords?: { topic: string; payload: string | Buffer }): Promise<void> {
    this.closing = true;
    if (finalWords && this.client.connected) await this.publish(finalWords.topic, finalWords.payload, { retain: true });
    // Waits for what is in flight, but never hangs a shutdown on a broker that is gone.
    const ended = this.client.endAsync(!this.client.connected).catch(() => undefined);
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, 2_000).unref());
    await Promise.race([ended, timeout]);
    if (!this.client.disconnected) this.client.end(true);
  }
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return 'the broker';
  }
}

// A frame's place on the MQTT broker: the connection (its Last Will says
// "offline"), the relay it trusts and what that relay offers, and the words
// for the status line when the broker or the relay is away.
import type { FleetStatus, StatusProblem } from '../../../shared/display';
import type { FleetConfig } from '../config/fleet-config';
import type { Logger } from '../frame-types';
import { openMqttLink, type MqttLink } from './mqtt-link';
import { RelayDirectory } from './relay-directory';
import { RelayTrust } from './relay-trust';
import { fleetTopics, type FleetTopics } from './topics';

export interface FrameFleet {
  readonly config: FleetConfig;
  readonly link: MqttLink;
  readonly trust: RelayTrust;
  readonly directory: RelayDirectory;
  readonly topics: FleetTopics;
  status(source: FleetStatus['source']): FleetStatus;
  problem(source: FleetStatus['source']): Omit<StatusProblem, 'since'> | null;
  /** Called when the broker, the relay or its key changes. */
  onChange(listener: () => void): () => void;
  stop(): Promise<void>;
}

export async function joinFleet(config: FleetConfig, dataDir: string, logger: Logger): Promise<FrameFleet> {
  const topics = fleetTopics(config.prefix);
  const trust = await RelayTrust.open(dataDir, config.relayPublicKeyPem, logger);
  const statusTopic = topics.frameStatus(config.frameId);
  const link = await openMqttLink({ fleet: config, clientId: `${config.prefix.replace(/\//g, '-')}-frame-${config.frameId}`, will: { topic: statusTopic, payload: 'offline' }, logger });
  const directory = new RelayDirectory(link, trust, topics);
  link.onConnect(() => void link.publish(statusTopic, 'online', { retain: true }));
  logger.info(`Joining the fleet as "${config.frameId}" on ${config.prefix}/…; relay key ${trust.pinned ? `${trust.pinned.fingerprint} (${trust.pinned.source === 'env' ? 'FRAME_RELAY_PUBLIC_KEY' : 'trusted on first use'})` : 'not known yet: the first relay met will be trusted'}.`);

  return {
    config,
    link,
    trust,
    directory,
    topics,
    status: (source) => ({
      frameId: config.frameId,
      broker: link.connected ? 'connected' : 'away',
      relay: directory.relayOnline === null ? 'unknown' : directory.relayOnline ? 'online' : 'offline',
      relayKey: trust.pinned,
      source,
    }),
    problem(source) {
      const host = new URL(config.url).host;
      if (!link.connected) {
        return {
          area: 'relay',
          message: source === 'relay' ? `The MQTT broker at ${host} cannot be reached: the show goes on with the photos it has.` : `The MQTT broker at ${host} cannot be reached: Home Assistant cannot see or control this frame.`,
          action: 'Check that Mosquitto runs and the network is up; the frame reconnects by itself.',
        };
      }
      if (source !== 'relay') return null;
      if (!trust.pinned) return { area: 'relay', message: 'No relay has announced itself on the broker yet, so this frame has no photos to show.', action: 'Start the relay (npm run relay) with the same FRAME_MQTT_URL and FRAME_MQTT_PREFIX.' };
      if (directory.relayOnline === false) return { area: 'relay', message: 'The relay is offline: the show goes on with the photos it has and catches up when it is back.', action: 'Check the relay (npm run relay) on its machine; its /healthz says what it sees.' };
      return null;
    },
    onChange(listener) {
      const stops = [directory.onChange(listener), trust.onPinned(listener)];
      return () => stops.forEach((stop) => stop());
    },
    async stop() {
      directory.stop();
      await link.close({ topic: statusTopic, payload: 'offline' });
    },
  };
}

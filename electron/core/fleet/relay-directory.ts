// What a frame knows about the relay: its key (pinned, or met first), whether
// it is online (its signed status and Last Will), and the projects it offers
// for the picker. Messages that arrive before a key is pinned are kept and
// checked once it is.
import type { ProjectChoice } from '../../../shared/settings-api';
import type { MqttLink } from './mqtt-link';
import type { CatalogBody } from './relay-catalog';
import type { RelayTrust } from './relay-trust';
import type { FleetTopics } from './topics';

export class RelayDirectory {
  relayOnline: boolean | null = null;
  projects: ProjectChoice[] | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly unverified = new Map<string, Buffer>();
  private readonly stops: (() => void)[] = [];

  constructor(
    private readonly link: MqttLink,
    private readonly trust: RelayTrust,
    private readonly topics: FleetTopics,
  ) {
    this.stops.push(
      link.subscribe(topics.relayKey, (topic, payload) => void trust.offer(topic, payload)),
      link.subscribe(topics.relayStatus, (topic, payload) => void this.receive(topic, payload)),
      link.subscribe(topics.relayProjects, (topic, payload) => void this.receive(topic, payload)),
      trust.onPinned(() => {
        for (const [topic, payload] of this.unverified) void this.receive(topic, payload);
        this.unverified.clear();
      }),
      link.onState(() => this.changed()),
    );
  }

  /** The broker is reachable and the relay has not said (or been said) to be gone. */
  get available(): boolean {
    return this.link.connected && this.relayOnline !== false;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stop(): void {
    for (const stop of this.stops.splice(0)) stop();
    this.listeners.clear();
  }

  private async receive(topic: string, payload: Buffer): Promise<void> {
    if (!this.trust.pinned) {
      this.unverified.set(topic, payload);
      return;
    }
    const envelope = await this.trust.verify(topic, payload);
    if (!envelope) return;
    if (topic === this.topics.relayStatus) this.relayOnline = (envelope.body as { online?: unknown }).online === true;
    else {
      const projects = (envelope.body as Partial<CatalogBody>).projects;
      if (!Array.isArray(projects)) return;
      this.projects = projects.filter((p): p is ProjectChoice => typeof p?.id === 'string' && typeof p.title === 'string');
    }
    this.changed();
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

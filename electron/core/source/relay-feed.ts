// A frame's gallery from the relay over MQTT: it announces the project it
// wants, takes the project's retained snapshot, then applies the numbered
// change events one after another. A gap, a new relay epoch or a reconnect
// makes it take the snapshot again. Only messages signed by the pinned relay
// key count. While the broker or the relay is away it keeps showing the
// last gallery.
import type { GalleryItem } from '../../../shared/gallery';
import type { Settings } from '../../../shared/settings';
import type { ProjectsResult } from '../../../shared/settings-api';
import type { Logger, WebhookHealth } from '../frame-types';
import { isStoredItem } from '../gallery/stored-item';
import type { GallerySnapshotFile } from '../gallery/snapshot-file';
import type { GalleryStore } from '../gallery/store';
import type { MqttLink } from '../fleet/mqtt-link';
import type { RelayDirectory } from '../fleet/relay-directory';
import type { ChangeBody, SnapshotBody } from '../fleet/relay-project';
import { compareVersion, type RelayEnvelope } from '../fleet/relay-signing';
import type { RelayTrust } from '../fleet/relay-trust';
import type { FleetTopics } from '../fleet/topics';
import type { GalleryFeed } from './gallery-feed';

export const PICK_A_PROJECT = 'This frame takes its photos from the relay: pick a project in the settings (/settings).';

type Version = { epoch: number; seq: number };

export interface RelayFeedOptions {
  link: MqttLink;
  trust: RelayTrust;
  directory: RelayDirectory;
  topics: FleetTopics;
  frameId: string;
  store: GalleryStore;
  snapshotFile: GallerySnapshotFile;
  logger: Logger;
}

export class RelayFeed implements GalleryFeed {
  readonly kind = 'relay';
  private projectId: string | null = null;
  private known: Version | null = null;
  /** Change events held while a snapshot is awaited. */
  private held: RelayEnvelope<ChangeBody>[] = [];
  /** Set while subscribed to the snapshot topic, waiting for one newer than what is known. */
  private snapshotSubscription: (() => void) | null = null;
  private relayError: string | null = null;
  private unsubscribe: (() => void)[] = [];
  private readonly stops: (() => void)[];
  private applying: Promise<void> = Promise.resolve();

  constructor(private readonly options: RelayFeedOptions) {
    const { link, directory, trust } = options;
    let relayUp = false;
    this.stops = [
      link.onConnect(() => {
        this.announceWant();
        this.requestSnapshot();
      }),
      directory.onChange(() => {
        // The relay is back: what it has now may be newer than the last change seen.
        const up = directory.available && directory.relayOnline === true;
        if (up && !relayUp) this.requestSnapshot();
        relayUp = up;
        this.showError();
      }),
      trust.onPinned(() => this.requestSnapshot()),
    ];
  }

  apply(settings: Settings): Promise<void> {
    this.applying = this.applying.then(() => this.follow(settings.projectId || null));
    return this.applying;
  }

  /** Nothing to pause: the relay polls Wix, not the frame. */
  setPaused(): Promise<void> {
    return Promise.resolve();
  }

  webhookHealth(): WebhookHealth {
    return { enabled: false, reason: 'off: the relay receives the webhooks and passes them on over MQTT', accepted: 0, ignored: 0, rejected: 0 };
  }

  async listProjects(query: string): Promise<ProjectsResult> {
    const projects = this.options.directory.projects;
    if (!projects) return { ok: false, message: 'The relay has not listed its projects yet: check that it runs and reaches the broker.' };
    const prefix = query.trim().toLowerCase();
    return { ok: true, projects: projects.filter((p) => p.title.toLowerCase().startsWith(prefix)) };
  }

  async stop(): Promise<void> {
    await this.applying;
    for (const stop of [...this.stops, ...this.unsubscribe]) stop();
    this.unsubscribe = [];
    this.doneWithSnapshot();
  }

  private async follow(projectId: string | null): Promise<void> {
    if (projectId === this.projectId && this.unsubscribe.length) return;
    for (const stop of this.unsubscribe) stop();
    this.unsubscribe = [];
    this.doneWithSnapshot();
    this.projectId = projectId;
    this.known = null;
    this.held = [];
    this.relayError = null;
    const { store, snapshotFile, link, topics, logger } = this.options;
    if (projectId !== store.state.projectId) {
      store.switchProject(projectId);
      const saved = projectId ? await snapshotFile.load(projectId) : null;
      if (saved?.syncedAt) {
        logger.info(`Showing the saved gallery of ${saved.items.length} item(s) until the relay answers.`);
        store.replaceAll(projectId!, saved.items, saved.syncedAt);
      }
    }
    this.announceWant();
    if (!projectId) {
      store.setError(PICK_A_PROJECT);
      return;
    }
    this.unsubscribe.push(link.subscribe(topics.changes(projectId), (topic, payload) => void this.receive(topic, payload)));
    this.requestSnapshot();
    this.showError();
  }

  private announceWant(): void {
    const { link, topics, frameId } = this.options;
    void link.publish(topics.want(frameId), this.projectId ? JSON.stringify({ projectId: this.projectId }) : '', { retain: true });
  }

  /** Subscribing to the snapshot topic makes the broker send the retained snapshot; `again` asks anew. */
  private requestSnapshot(again = true): void {
    if (!this.projectId) return;
    const topic = this.options.topics.snapshot(this.projectId);
    if (this.snapshotSubscription) {
      if (again) this.options.link.resubscribe(topic);
      return;
    }
    this.snapshotSubscription = this.options.link.subscribe(topic, (t, payload) => void this.receive(t, payload));
  }

  private doneWithSnapshot(): void {
    this.snapshotSubscription?.();
    this.snapshotSubscription = null;
  }

  private async receive(topic: string, payload: Buffer): Promise<void> {
    const projectId = this.projectId;
    if (!projectId) return;
    const envelope = await this.options.trust.verify(topic, payload);
    if (!envelope || this.projectId !== projectId) {
      if (!envelope && payload.length) this.options.logger.warn(`Ignored a message on ${topic} that the relay did not sign.`);
      return;
    }
    if (topic === this.options.topics.snapshot(projectId)) this.takeSnapshot(envelope as RelayEnvelope<SnapshotBody>);
    else this.held.push(envelope as RelayEnvelope<ChangeBody>);
    this.drain();
  }

  private takeSnapshot(envelope: RelayEnvelope<SnapshotBody>): void {
    const body = envelope.body;
    if (this.known && compareVersion(envelope, this.known) <= 0) return;
    if (body?.projectId !== this.projectId || !Array.isArray(body.items)) return;
    this.known = { epoch: envelope.epoch, seq: envelope.seq };
    const items = body.items.filter(isStoredItem);
    if (body.syncedAt) this.options.store.replaceAll(body.projectId, items, body.syncedAt);
    this.relayError = typeof body.lastError === 'string' ? body.lastError : null;
    this.showError();
  }

  /** Applies held changes that follow what is known; a gap waits for a snapshot. */
  private drain(): void {
    const known = this.known;
    if (!known) return void this.requestSnapshot(false);
    this.held.sort(compareVersion);
    this.held = this.held.filter((e) => compareVersion(e, known) > 0);
    while (this.held[0] && this.held[0].epoch === known.epoch && this.held[0].seq === known.seq + 1) {
      this.applyChange(this.held.shift()!);
      known.seq++;
    }
    if (this.held.length) this.requestSnapshot(false);
    else this.doneWithSnapshot();
  }

  private applyChange(envelope: RelayEnvelope<ChangeBody>): void {
    const { store } = this.options;
    const body = envelope.body;
    for (const id of Array.isArray(body?.removed) ? body.removed : []) if (typeof id === 'string') store.remove(id);
    for (const item of Array.isArray(body?.upserts) ? (body.upserts as GalleryItem[]) : []) if (isStoredItem(item)) store.upsert(item);
    this.relayError = typeof body?.lastError === 'string' ? body.lastError : null;
    this.showError();
  }

  /** The relay's own trouble with Wix; the relay or broker being away is a problem of its own (fleet status). */
  private showError(): void {
    if (this.projectId) this.options.store.setError(this.relayError);
  }
}

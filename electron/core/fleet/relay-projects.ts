// The projects the relay serves: the union of what the frames on the broker
// want (their retained want messages) and WIX_PROJECT_ID. A project nobody
// wants any more stops polling; its numbering is kept for when it returns.
import { isGuid } from '../config/env-config';
import type { Logger } from '../frame-types';
import type { ItemEvent } from '../webhook/item-event';
import type { WixClient } from '../wix/client';
import { RelayProject } from './relay-project';
import type { RelaySigner } from './relay-signer';
import type { FleetTopics } from './topics';

/** A bound on what frames (or anyone on the broker) can make the relay poll. */
export const MAX_PROJECTS = 50;

export class RelayProjects {
  readonly served = new Map<string, RelayProject>();
  private readonly wants = new Map<string, string>();
  private readonly lastSeq = new Map<string, number>();
  private reconciling: Promise<void> = Promise.resolve();

  constructor(
    private readonly options: { client: WixClient; pollMs: number; signer: RelaySigner; topics: FleetTopics; logger: Logger; always: string | null },
  ) {}

  /** A frame's retained want: {"projectId": "<guid>"}, or empty when it wants nothing. */
  noteWant(frameId: string, payload: Buffer): Promise<void> {
    let projectId: unknown = null;
    try {
      projectId = payload.length ? (JSON.parse(payload.toString()) as { projectId?: unknown }).projectId : null;
    } catch {
      // Anything but the expected shape counts as wanting nothing.
    }
    if (typeof projectId === 'string' && isGuid(projectId)) this.wants.set(frameId, projectId.toLowerCase());
    else this.wants.delete(frameId);
    return this.reconcile();
  }

  /** Serves WIX_PROJECT_ID (if set) before any frame asks. */
  start(): Promise<void> {
    return this.reconcile();
  }

  get frameCount(): number {
    return this.wants.size;
  }

  /** Hands a webhook event to every served project; each takes only its own. */
  apply(event: ItemEvent): 'accepted' | 'ignored' {
    let outcome: 'accepted' | 'ignored' = 'ignored';
    for (const project of this.served.values()) if (project.onEvent(event) === 'accepted') outcome = 'accepted';
    return outcome;
  }

  republish(): void {
    for (const project of this.served.values()) project.queueSnapshot();
  }

  async stop(): Promise<void> {
    await this.reconciling;
    await Promise.all([...this.served.values()].map((p) => p.stop()));
    this.served.clear();
  }

  private reconcile(): Promise<void> {
    this.reconciling = this.reconciling.then(async () => {
      const { logger } = this.options;
      const wanted = new Set(this.wants.values());
      if (this.options.always) wanted.add(this.options.always.toLowerCase());
      for (const [id, project] of this.served) {
        if (wanted.has(id)) continue;
        this.served.delete(id);
        this.lastSeq.set(id, project.seq);
        await project.stop();
        logger.info(`Relay stops serving project ${id}: no frame wants it.`);
      }
      for (const id of wanted) {
        if (this.served.has(id)) continue;
        if (this.served.size >= MAX_PROJECTS) {
          logger.warn(`Relay serves at most ${MAX_PROJECTS} projects; project ${id} is not served.`);
          continue;
        }
        const { client, pollMs, signer, topics } = this.options;
        const project = new RelayProject({ projectId: id, source: client, pollMs, signer, topics, logger, firstSeq: this.lastSeq.get(id) ?? 0 });
        this.served.set(id, project);
        project.start();
        logger.info(`Relay serves project ${id}.`);
      }
    });
    return this.reconciling;
  }
}

// Home Assistant over MQTT discovery (prefix "homeassistant"): one device per
// frame with buttons next and previous, switches pause and screen, a select
// for the project, a sensor with the current photo's title and an image
// entity with the current photo (a screen-sized Wix URL). Availability is the
// frame's status topic, set "offline" by the broker's Last Will.
import type { ProjectChoice } from '../../../shared/settings-api';
import type { ShowCommand, ShowingNow } from '../../../shared/show';
import type { Logger } from '../frame-types';
import type { MqttLink } from './mqtt-link';
import type { FleetTopics } from './topics';

export type { ShowCommand, ShowingNow };

/** The show's controls (electron/core/show), as far as Home Assistant needs them. */
export interface ShowPort {
  control(command: ShowCommand): void;
  showing(): ShowingNow | null;
  onShowing(listener: (now: ShowingNow) => void): () => void;
}

/** What the Home Assistant side reads from and does to its frame. */
export interface FrameControls {
  show: ShowPort;
  paused(): boolean;
  screen(): 'on' | 'off';
  setScreen(on: boolean): Promise<void>;
  projectId(): string | null;
  projects(): ProjectChoice[];
  selectProject(projectId: string): Promise<void>;
  /** A screen-sized address of the item's photo that Home Assistant can load, or null. */
  imageUrl(itemId: string): string | null;
  /** Called whenever any of the above may have changed. Returns unsubscribe. */
  onChange(listener: () => void): () => void;
}

export const DISCOVERY_PREFIX = 'homeassistant';

interface Entity {
  component: 'button' | 'switch' | 'select' | 'sensor' | 'image';
  object: string;
  config: Record<string, unknown>;
}

export class HomeAssistantLink {
  private readonly published = new Map<string, string>();
  private readonly stops: (() => void)[] = [];
  private labels = new Map<string, string>();

  constructor(
    private readonly link: MqttLink,
    private readonly topics: FleetTopics,
    private readonly frameId: string,
    private readonly controls: FrameControls,
    private readonly logger: Logger,
    private readonly version = '0.1.0',
  ) {
    this.stops.push(
      link.onConnect(() => {
        // The broker may have restarted and forgotten every retained message: say everything again.
        this.published.clear();
        this.announce();
      }),
      // Home Assistant says "online" when it (re)starts: it wants the discovery again.
      link.subscribe(`${DISCOVERY_PREFIX}/status`, (_topic, payload) => {
        if (payload.toString() === 'online') {
          this.published.clear();
          this.announce();
        }
      }),
      link.subscribe(topics.frameCommands(frameId), (topic, payload) => void this.command(topic.split('/').pop() ?? '', payload.toString().trim())),
      controls.onChange(() => this.announce()),
      controls.show.onShowing(() => this.announce()),
    );
  }

  stop(): void {
    for (const stop of this.stops.splice(0)) stop();
  }

  /** Discovery and state, each published only when it differs from what the broker has. */
  announce(): void {
    this.send(this.topics.frameStatus(this.frameId), 'online');
    for (const entity of this.entities()) this.send(`${DISCOVERY_PREFIX}/${entity.component}/${this.nodeId}/${entity.object}/config`, JSON.stringify(entity.config));
    const now = this.controls.show.showing();
    this.send(this.state('paused'), this.controls.paused() ? 'ON' : 'OFF');
    this.send(this.state('screen'), this.controls.screen() === 'on' ? 'ON' : 'OFF');
    const current = this.controls.projectId();
    this.send(this.state('project'), current ? (this.labels.get(current) ?? current) : '');
    this.send(this.state('title'), now?.title ?? '');
    const url = now?.itemIds[0] ? this.controls.imageUrl(now.itemIds[0]) : null;
    if (url) this.send(this.state('image'), url);
  }

  private get nodeId(): string {
    return `frame_${this.frameId.replace(/-/g, '_')}`;
  }

  private state(what: string): string {
    return this.topics.frameState(this.frameId, what);
  }

  private send(topic: string, payload: string): void {
    if (this.published.get(topic) === payload) return;
    this.published.set(topic, payload);
    void this.link.publish(topic, payload, { retain: true });
  }

  private entities(): Entity[] {
    const device = { identifiers: [this.nodeId], name: `Frame ${this.frameId}`, manufacturer: 'Frame', model: 'Wix Portfolio photo frame', sw_version: this.version };
    const common = (object: string, name: string, icon: string) => ({
      name,
      unique_id: `${this.nodeId}_${object}`,
      object_id: `${this.nodeId}_${object}`,
      icon,
      device,
      availability_topic: this.topics.frameStatus(this.frameId),
      payload_available: 'online',
      payload_not_available: 'offline',
    });
    const command = (what: string) => this.topics.frameCommand(this.frameId, what);
    this.labels = projectLabels(this.controls.projects());
    const current = this.controls.projectId();
    const options = [...this.labels.values()];
    if (current && !this.labels.has(current)) options.push(current);
    const entities: Entity[] = [
      { component: 'button', object: 'next', config: { ...common('next', 'Next photo', 'mdi:skip-next'), command_topic: command('next'), payload_press: 'PRESS' } },
      { component: 'button', object: 'previous', config: { ...common('previous', 'Previous photo', 'mdi:skip-previous'), command_topic: command('previous'), payload_press: 'PRESS' } },
      { component: 'switch', object: 'pause', config: { ...common('pause', 'Paused', 'mdi:pause'), command_topic: command('pause'), state_topic: this.state('paused'), payload_on: 'ON', payload_off: 'OFF' } },
      { component: 'switch', object: 'screen', config: { ...common('screen', 'Screen', 'mdi:monitor'), command_topic: command('screen'), state_topic: this.state('screen'), payload_on: 'ON', payload_off: 'OFF' } },
      { component: 'sensor', object: 'title', config: { ...common('title', 'Photo title', 'mdi:image-text'), state_topic: this.state('title') } },
      { component: 'image', object: 'photo', config: { ...common('photo', 'Photo', 'mdi:image'), url_topic: this.state('image') } },
    ];
    // Home Assistant refuses a select without options: it appears once projects are known.
    if (options.length) {
      entities.push({ component: 'select', object: 'project', config: { ...common('project', 'Project', 'mdi:image-album'), command_topic: command('project'), state_topic: this.state('project'), options } });
    }
    return entities;
  }

  private async command(what: string, payload: string): Promise<void> {
    const { show } = this.controls;
    this.logger.info(`Home Assistant: ${what} ${payload}`.trim());
    try {
      if (what === 'next' || what === 'previous') show.control(what);
      else if (what === 'pause' && (payload === 'ON' || payload === 'OFF')) show.control(payload === 'ON' ? 'pause' : 'resume');
      else if (what === 'screen' && (payload === 'ON' || payload === 'OFF')) await this.controls.setScreen(payload === 'ON');
      else if (what === 'project') {
        const id = [...this.labels.entries()].find(([, label]) => label === payload)?.[0] ?? (/^[0-9a-f-]{36}$/i.test(payload) ? payload : null);
        if (id) await this.controls.selectProject(id);
        else this.logger.warn(`Home Assistant asked for an unknown project "${payload}".`);
      }
    } catch (error) {
      this.logger.warn(`Home Assistant command ${what} failed: ${(error as Error).message}`);
    }
    this.announce();
  }
}

/** One label per project: its title, made unique with the start of its id when titles repeat. */
export function projectLabels(projects: ProjectChoice[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const p of projects) counts.set(p.title, (counts.get(p.title) ?? 0) + 1);
  return new Map(projects.map((p) => [p.id, (counts.get(p.title) ?? 0) > 1 || !p.title ? `${p.title || 'Untitled'} (${p.id.slice(0, 8)})` : p.title]));
}

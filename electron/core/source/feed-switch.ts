// A frame on a broker takes its gallery from the relay while it has no Wix
// credentials, and from Wix itself once it has: when the settings move it
// from one to the other, the old feed stops and the new one starts.
import type { Settings } from '../../../shared/settings';
import type { ProjectsResult } from '../../../shared/settings-api';
import type { GalleryFeed } from './gallery-feed';

export type FeedKind = GalleryFeed['kind'];

export class FeedSwitch implements GalleryFeed {
  private paused = false;
  private applying: Promise<void> = Promise.resolve();

  private constructor(
    private current: GalleryFeed,
    private readonly choose: (settings: Settings) => FeedKind,
    private readonly start: (kind: FeedKind, settings: Settings, paused: boolean) => Promise<GalleryFeed>,
  ) {}

  static async open(settings: Settings, paused: boolean, choose: (settings: Settings) => FeedKind, start: (kind: FeedKind, settings: Settings, paused: boolean) => Promise<GalleryFeed>): Promise<FeedSwitch> {
    const feed = new FeedSwitch(await start(choose(settings), settings, paused), choose, start);
    feed.paused = paused;
    return feed;
  }

  get kind(): FeedKind {
    return this.current.kind;
  }

  get feed(): GalleryFeed {
    return this.current;
  }

  apply(settings: Settings): Promise<void> {
    this.applying = this.applying.then(async () => {
      const kind = this.choose(settings);
      if (kind === this.current.kind) return this.current.apply(settings);
      await this.current.stop();
      this.current = await this.start(kind, settings, this.paused);
    });
    return this.applying;
  }

  setPaused(paused: boolean): Promise<void> {
    this.paused = paused;
    return this.current.setPaused(paused);
  }

  webhookHealth() {
    return this.current.webhookHealth();
  }

  /** The picker's projects from the feed (the relay's list), or null to ask Wix directly. */
  projectsFromFeed(query: string): Promise<ProjectsResult> | null {
    return this.current.listProjects?.(query) ?? null;
  }

  async stop(): Promise<void> {
    await this.applying;
    await this.current.stop();
  }
}

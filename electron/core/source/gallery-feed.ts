// What a display needs from wherever its gallery comes from: Wix itself
// (poll + webhooks) or the relay over MQTT. A feed keeps one GalleryStore
// current and follows the settings.
import type { Settings } from '../../../shared/settings';
import type { ProjectsResult } from '../../../shared/settings-api';
import type { WebhookHealth } from '../frame-types';

export interface GalleryFeed {
  readonly kind: 'wix' | 'relay';
  /** The settings changed (project, credentials, poll interval): follow them. */
  apply(settings: Settings): Promise<void>;
  /** Screen off: no fetching. On again: catch up at once. */
  setPaused(paused: boolean): Promise<void>;
  webhookHealth(): WebhookHealth;
  /** Projects for the picker, when the feed knows them better than a Wix client would. */
  listProjects?(query: string): Promise<ProjectsResult>;
  stop(): Promise<void>;
}

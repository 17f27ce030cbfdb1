// What a frame on a broker adds to its composition: the relay's words on the
// status line, and its Home Assistant device.
import type { Display } from '../display/display';
import type { Logger } from '../frame-types';
import type { GalleryStore } from '../gallery/store';
import type { SettingsService } from '../settings/settings-service';
import type { FeedKind } from '../source/feed-switch';
import type { FrameFleet } from './frame-fleet';
import { frameControls } from './frame-controls';
import { HomeAssistantLink, type ShowPort } from './home-assistant';

export interface FleetWiring {
  fleet: FrameFleet;
  display: Display;
  store: GalleryStore;
  settings: SettingsService;
  feedKind(): FeedKind;
  show: ShowPort;
  paused(): boolean;
  mediaBaseUrl: string;
  logger: Logger;
}

export function wireFleet({ fleet, display, store, settings, feedKind, show, paused, mediaBaseUrl, logger }: FleetWiring): HomeAssistantLink {
  const reportRelay = () => {
    display.problems.report('relay', fleet.problem(feedKind()));
    display.publish();
  };
  fleet.onChange(reportRelay);
  fleet.link.onState(reportRelay);
  reportRelay();
  const controls = frameControls({ settings, display, store, fleet, show, paused, mediaBaseUrl, logger });
  return new HomeAssistantLink(fleet.link, fleet.topics, fleet.config.frameId, controls, logger);
}

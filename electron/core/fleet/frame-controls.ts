// What Home Assistant may read and do on one frame, in the frame's own terms:
// the show, the screen (by the same manual override the settings screen
// uses), the project (saved like a pick in the settings), the photo on screen.
import type { ProjectChoice } from '../../../shared/settings-api';
import type { Display } from '../display/display';
import type { Logger } from '../frame-types';
import type { GalleryStore } from '../gallery/store';
import { displayFileId } from '../media/prefetch';
import { wixResizedUrl } from '../media/wix-media-url';
import type { SettingsService } from '../settings/settings-service';
import type { FrameFleet } from './frame-fleet';
import type { FrameControls, ShowPort } from './home-assistant';

export interface FrameControlsOptions {
  settings: SettingsService;
  display: Display;
  store: GalleryStore;
  fleet: FrameFleet;
  show: ShowPort;
  paused(): boolean;
  mediaBaseUrl: string;
  logger: Logger;
}

/** Size of the photo Home Assistant shows on a dashboard card. */
const IMAGE_SIZE = 640;

export function frameControls(options: FrameControlsOptions): FrameControls {
  const { settings, display, store, fleet, logger } = options;
  // A frame fed by Wix itself lists its own projects, once, for when no relay lists them.
  let own: ProjectChoice[] = [];
  let listed = false;
  const listedListeners = new Set<() => void>();
  fleet.link.onConnect(() => {
    if (listed) return;
    listed = true;
    void settings.listProjects('').then((result) => {
      if (result.ok) own = result.projects;
      listedListeners.forEach((listener) => listener());
    });
  });
  return {
    show: options.show,
    paused: options.paused,
    screen: () => display.screenPower.state,
    async setScreen(on) {
      const effective = settings.effective();
      const wanted = on ? 'on' : 'off';
      // Back to the schedule when it agrees, so a switch by hand does not outlive the night.
      const scheduled = display.screenPower.desired({ ...effective, screenMode: 'auto' });
      await settings.saveSettings({ screenMode: scheduled === wanted ? 'auto' : wanted });
    },
    projectId: () => store.state.projectId,
    projects: () => fleet.directory.projects ?? own,
    async selectProject(projectId) {
      const result = await settings.saveSettings({ projectId });
      if (!result.ok || result.settings.projectId !== projectId) logger.warn(`Home Assistant could not choose project ${projectId}${result.ok ? ': WIX_PROJECT_ID fixes it' : ''}.`);
    },
    imageUrl(itemId) {
      const item = store.state.items.find((i) => i.id === itemId);
      const fileId = item ? displayFileId(item) : undefined;
      return fileId ? wixResizedUrl(options.mediaBaseUrl, { fileId, width: IMAGE_SIZE, height: IMAGE_SIZE, fit: 'fit' }) : null;
    },
    onChange(listener) {
      listedListeners.add(listener);
      const stops = [display.onSnapshot(() => listener()), fleet.onChange(listener), () => listedListeners.delete(listener)];
      return () => stops.forEach((stop) => stop());
    },
  };
}

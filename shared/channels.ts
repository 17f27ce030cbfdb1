// The one IPC contract between Electron main and the preload bridge.
// One preload method per channel; main validates what it receives.

import type { FrameSnapshot } from './display';
import type { SettingsPatch } from './settings';
import type { AutostartMethod, AutostartStatus, ConnectionResult, ProjectsResult, SaveSettingsResult, SettingsApi, SetupLink } from './settings-api';
import type { PublicSettings } from './settings';
import type { ShowCommand, ShowingNow } from './show';

export const IpcChannels = {
  /** renderer → main (invoke): current snapshot */
  getSnapshot: 'frame:get-snapshot',
  /** main → renderer (send): snapshot after every change */
  snapshot: 'frame:snapshot',
  /** main → renderer (send): open the settings screen (keyboard shortcut in the kiosk) */
  openSettings: 'frame:open-settings',
  getSettings: 'settings:get',
  saveSettings: 'settings:save',
  testConnection: 'settings:test-connection',
  listProjects: 'settings:list-projects',
  getAutostart: 'settings:get-autostart',
  setAutostart: 'settings:set-autostart',
  /** The phone's way into the settings, for the QR code (null when the web shell is not running). */
  setupLink: 'settings:setup-link',
  /** renderer → main (invoke): next, previous, pause, resume */
  showControl: 'show:control',
  /** renderer → main (invoke): what is on screen now */
  showShowing: 'show:showing',
  /** main → renderer (send): next or previous, from any source */
  showCommand: 'frame:show-command',
} as const;

export interface IpcInvokeMap {
  [IpcChannels.getSnapshot]: { request: []; response: FrameSnapshot };
  [IpcChannels.getSettings]: { request: []; response: PublicSettings };
  [IpcChannels.saveSettings]: { request: [patch: SettingsPatch]; response: SaveSettingsResult };
  [IpcChannels.testConnection]: { request: [patch: SettingsPatch]; response: ConnectionResult };
  [IpcChannels.listProjects]: { request: [query: string]; response: ProjectsResult };
  [IpcChannels.getAutostart]: { request: []; response: AutostartStatus };
  [IpcChannels.setAutostart]: { request: [enabled: boolean, method: AutostartMethod]; response: AutostartStatus };
  [IpcChannels.setupLink]: { request: []; response: SetupLink | null };
  [IpcChannels.showControl]: { request: [command: ShowCommand]; response: boolean };
  [IpcChannels.showShowing]: { request: [now: ShowingNow]; response: boolean };
}

export interface IpcPushMap {
  [IpcChannels.snapshot]: FrameSnapshot;
  [IpcChannels.openSettings]: null;
  [IpcChannels.showCommand]: ShowCommand;
}

/** What preload exposes as window.frameBridge (Electron only). */
export interface PreloadApi extends SettingsApi {
  getSnapshot(): Promise<FrameSnapshot>;
  /** Returns an unsubscribe function. */
  onSnapshot(listener: (snapshot: FrameSnapshot) => void): () => void;
  /** The kiosk's keyboard shortcut asks the page to show its settings. Returns unsubscribe. */
  onOpenSettings(listener: () => void): () => void;
  /** The QR code's link: the kiosk window is always the frame's own screen. */
  setupLink(): Promise<SetupLink | null>;
  /** Next, previous, pause or resume; false when main refused the command. */
  control(command: ShowCommand): Promise<boolean>;
  /** Tells main what is on screen now. */
  reportShowing(now: ShowingNow): Promise<boolean>;
  /** Next or previous, from keys, taps, the API or Home Assistant. Returns unsubscribe. */
  onShowCommand(listener: (command: ShowCommand) => void): () => void;
  /** Scheme + host the renderer prefixes media paths with. */
  mediaOrigin: string;
}

export const PRELOAD_GLOBAL = 'frameBridge';
export const ELECTRON_MEDIA_SCHEME = 'frame-media';

// The kiosk's keyboard way into settings: F2, or Ctrl+, (Cmd+, on a Mac).
// Main sees the key before the page does ('before-input-event'), swallows it
// and asks the app's own page to show its settings screen.
import { IpcChannels } from '../../shared/channels';
import { isAppUrl } from './app-url';
import type { GuardLogger } from './session-guard';
import type { PreventableEvent } from './web-contents-guard';

/** The part of Electron's Input the shortcut looks at. */
export interface KeyInput {
  type: string;
  key: string;
  isAutoRepeat: boolean;
  shift: boolean;
  control: boolean;
  alt: boolean;
  meta: boolean;
}

export interface ShortcutContents {
  on(event: 'before-input-event', listener: (event: PreventableEvent, input: KeyInput) => void): unknown;
  send(channel: typeof IpcChannels.openSettings, payload: null): void;
  getURL(): string;
  isDestroyed(): boolean;
}

export const SETTINGS_SHORTCUT_LABEL = 'F2 or Ctrl+,';

export function isOpenSettingsShortcut(input: KeyInput): boolean {
  if (input.type !== 'keyDown' || input.isAutoRepeat || input.alt || input.shift) return false;
  if (input.key === 'F2') return !input.control && !input.meta;
  return input.key === ',' && (input.control || input.meta);
}

export function forwardSettingsShortcut(contents: ShortcutContents, indexUrl: string, logger?: GuardLogger): void {
  contents.on('before-input-event', (event, input) => {
    if (!isOpenSettingsShortcut(input)) return;
    event.preventDefault();
    if (contents.isDestroyed() || !isAppUrl(contents.getURL(), indexUrl)) {
      logger?.warn('Settings shortcut pressed while the app page is not shown: ignored.');
      return;
    }
    contents.send(IpcChannels.openSettings, null);
  });
}

// FrameBridge over the preload API (window.frameBridge). IPC keeps messages in
// order, so the invoke reply and the pushes can simply be applied as they come.
import type { PreloadApi } from '../../shared/channels';
import type { SettingsApi } from '../../shared/settings-api';
import type { ShowCommand, ShowingNow } from '../../shared/show';
import type { FrameBridge } from './frame-bridge';

const RETRY_MS = 2_000;

/** The preload API as the renderer uses it; an older preload may lack onOpenSettings. */
export type SnapshotApi = Pick<PreloadApi, 'getSnapshot' | 'onSnapshot' | 'mediaOrigin' | keyof SettingsApi> &
  Partial<Pick<PreloadApi, 'onOpenSettings' | 'setupLink' | 'control' | 'reportShowing' | 'onShowCommand'>>;

export function electronBridge(api: SnapshotApi): FrameBridge {
  const { onOpenSettings, setupLink, control, reportShowing, onShowCommand } = api;
  return {
    subscribe(listener, onStatus) {
      let active = true;
      let retry: ReturnType<typeof setTimeout> | undefined;
      const unsubscribe = api.onSnapshot((snapshot) => {
        if (active) listener(snapshot);
      });
      const fetchSnapshot = () => {
        api.getSnapshot().then(
          (snapshot) => {
            if (!active) return;
            listener(snapshot);
            onStatus?.('connected');
          },
          () => {
            // Main not ready yet (or a handler error): ask again shortly.
            if (!active) return;
            onStatus?.('reconnecting');
            retry = setTimeout(fetchSnapshot, RETRY_MS);
          },
        );
      };
      onStatus?.('connecting');
      fetchSnapshot();
      return () => {
        active = false;
        clearTimeout(retry);
        unsubscribe();
      };
    },
    mediaUrl: (path) => api.mediaOrigin + path,
    // Settings calls go straight to main over IPC; main validates them.
    getSettings: () => api.getSettings(),
    saveSettings: (patch) => api.saveSettings(patch),
    testConnection: (patch) => api.testConnection(patch),
    listProjects: (query) => api.listProjects(query),
    getAutostart: () => api.getAutostart(),
    setAutostart: (enabled, method) => api.setAutostart(enabled, method),
    ...(onOpenSettings ? { onOpenSettings: (listener: () => void) => onOpenSettings(listener) } : {}),
    ...(setupLink ? { setupLink: () => setupLink() } : {}),
    // Show controls go to main over IPC; main checks them.
    ...(control ? { control: (command: ShowCommand) => control(command).then(() => undefined, () => undefined) } : {}),
    ...(reportShowing ? { reportShowing: (now: ShowingNow) => reportShowing(now).then(() => undefined, () => undefined) } : {}),
    ...(onShowCommand ? { onShowCommand: (listener: (command: ShowCommand) => void) => onShowCommand(listener) } : {}),
  };
}

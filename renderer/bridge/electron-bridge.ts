// FrameBridge over the preload API (window.frameBridge). IPC keeps messages in
// order, so the invoke reply and the pushes can simply be applied as they come.
import type { PreloadApi } from '../../shared/channels';
import type { FrameBridge } from './frame-bridge';

const RETRY_MS = 2_000;

/** The part of the preload API the renderer's bridge uses (settings calls go elsewhere). */
export type SnapshotApi = Pick<PreloadApi, 'getSnapshot' | 'onSnapshot' | 'mediaOrigin'> & Partial<Pick<PreloadApi, 'onOpenSettings'>>;

export function electronBridge(api: SnapshotApi): FrameBridge {
  const onOpenSettings = api.onOpenSettings;
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
    ...(onOpenSettings ? { onOpenSettings: (listener: () => void) => onOpenSettings(listener) } : {}),
  };
}

// The object preload.ts exposes as window.frameBridge: one method per channel
// of shared/channels.ts. Built from an injected ipcRenderer so tests need no
// Electron, and so ipcRenderer itself (which can send on any channel) never
// reaches the page.
import { IpcChannels, type PreloadApi } from '../../shared/channels';
import type { FrameSnapshot } from '../../shared/display';

type IpcListener = (event: unknown, ...args: unknown[]) => void;

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: IpcListener): unknown;
  removeListener(channel: string, listener: IpcListener): unknown;
}

export function createPreloadApi(ipc: IpcRendererLike, mediaOrigin: string): PreloadApi {
  return {
    getSnapshot: () => ipc.invoke(IpcChannels.getSnapshot) as Promise<FrameSnapshot>,
    onSnapshot(listener) {
      // The IPC event (with its sender) stays here: the page only sees the payload.
      const wrapped: IpcListener = (_event, snapshot) => listener(snapshot as FrameSnapshot);
      ipc.on(IpcChannels.snapshot, wrapped);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        ipc.removeListener(IpcChannels.snapshot, wrapped);
      };
    },
    mediaOrigin,
  };
}

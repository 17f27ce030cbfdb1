// The one IPC contract between Electron main and the preload bridge.
// One preload method per channel; main validates what it receives.

import type { FrameSnapshot } from './display';

export const IpcChannels = {
  /** renderer → main (invoke): current snapshot */
  getSnapshot: 'frame:get-snapshot',
  /** main → renderer (send): snapshot after every change */
  snapshot: 'frame:snapshot',
} as const;

export interface IpcInvokeMap {
  [IpcChannels.getSnapshot]: { request: void; response: FrameSnapshot };
}

export interface IpcPushMap {
  [IpcChannels.snapshot]: FrameSnapshot;
}

/** What preload exposes as window.frameBridge (Electron only). */
export interface PreloadApi {
  getSnapshot(): Promise<FrameSnapshot>;
  /** Returns an unsubscribe function. */
  onSnapshot(listener: (snapshot: FrameSnapshot) => void): () => void;
  /** Scheme + host the renderer prefixes media paths with. */
  mediaOrigin: string;
}

export const PRELOAD_GLOBAL = 'frameBridge';
export const ELECTRON_MEDIA_SCHEME = 'frame-media';

// The only thing the renderer knows about its shell: snapshots come in, media
// paths go out as URLs. Electron and the web shell each implement it.
import type { FrameSnapshot } from '../../shared/display';

/** 'reconnecting' means the last snapshot may be stale: the show goes on with it. */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting';

export interface FrameBridge {
  /** Calls `listener` with the current snapshot and after every change. Returns unsubscribe. */
  subscribe(listener: (snapshot: FrameSnapshot) => void, onStatus?: (status: ConnectionStatus) => void): () => void;
  /** Turns a shared/media.ts path into a URL this page can load. */
  mediaUrl(path: string): string;
  /** The shell asks for the settings screen (Electron's kiosk shortcut). Returns unsubscribe. */
  onOpenSettings?(listener: () => void): () => void;
}

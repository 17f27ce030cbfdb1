// The only thing the renderer knows about its shell: snapshots come in, media
// paths go out as URLs, settings are read and saved. Electron and the web
// shell each implement it.
import type { FrameSnapshot } from '../../shared/display';
import type { SettingsApi, SetupLink } from '../../shared/settings-api';
import type { ShowCommand, ShowingNow } from '../../shared/show';
import type { AdminTokenGate } from './admin-token';

/** 'reconnecting' means the last snapshot may be stale: the show goes on with it. */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting';

export interface FrameBridge extends SettingsApi {
  /** Calls `listener` with the current snapshot and after every change. Returns unsubscribe. */
  subscribe(listener: (snapshot: FrameSnapshot) => void, onStatus?: (status: ConnectionStatus) => void): () => void;
  /** Turns a shared/media.ts path into a URL this page can load. */
  mediaUrl(path: string): string;
  /** The shell asks for the settings screen (Electron's kiosk shortcut). Returns unsubscribe. */
  onOpenSettings?(listener: () => void): () => void;
  /** The address and QR code a phone opens for the settings; null (or a rejection) anywhere but on the frame itself. */
  setupLink?(): Promise<SetupLink | null>;
  /** Next, previous, pause or resume, through the core (so every screen and Home Assistant agree). */
  control?(command: ShowCommand): Promise<void>;
  /** Tells the core what is on screen now. */
  reportShowing?(now: ShowingNow): Promise<void>;
  /** Next or previous, from wherever they were asked for. Returns unsubscribe. */
  onShowCommand?(listener: (command: ShowCommand) => void): () => void;
  /** Web shell only: the admin token a shell listening beyond loopback asks for. */
  adminToken?: AdminTokenGate;
}

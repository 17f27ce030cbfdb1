// What a running frame core offers to the shells (Electron main, web server).
// The shells only present it; they never reach into its parts.

import type { FleetStatus, FrameSnapshot } from '../../shared/display';
import type { MediaRequest, VideoRequest } from '../../shared/media';
import type { SettingsApi } from '../../shared/settings-api';
import type { ShowCommand, ShowingNow } from '../../shared/show';
import type { SecretCodec } from './settings/secret-codec';
import type { LaunchCommand } from './system/autostart';
import type { ScreenSwitch } from './system/screen-switch';
import type { StorageFault } from './storage/storage-failure';
import type { StorageStatus } from './storage/storage-health';

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface HealthReport {
  ok: boolean;
  projectId: string | null;
  items: number;
  syncedAt: string | null;
  lastError: string | null;
  demo: boolean;
  webhook: WebhookHealth;
  display: { screen: 'on' | 'off'; scheduleEnabled: boolean; commandError: string | null };
  process: { rssBytes: number; heapUsedBytes: number; uptimeSeconds: number };
  cache: { files: number; bytes: number; capBytes: number; hits: number; downloads: number; failures: number; evictions: number; uncached: number };
  storage: StorageHealthReport;
  /** Present only on a frame with FRAME_MQTT_URL. */
  fleet?: FleetStatus;
}

/** The data dir's health for /healthz: `problem` is the sentence the screen shows. */
export interface StorageHealthReport {
  ok: boolean;
  problem: string | null;
  fault?: StorageFault;
  path?: string;
  action?: string;
  since?: string;
}

export function storageHealthOf(status: StorageStatus): StorageHealthReport {
  const p = status.problem;
  return p ? { ok: false, problem: p.message, fault: p.fault, path: p.path, action: p.action, since: p.since } : { ok: true, problem: null };
}

export interface WebhookHealth {
  enabled: boolean;
  /** Why it is off, when it is. */
  reason?: string;
  url?: string;
  accepted: number;
  ignored: number;
  rejected: number;
  lastRejected?: { at: string; reason: string };
  lastAcceptedAt?: string;
}

export interface RunningFrame {
  getSnapshot(): FrameSnapshot;
  /** Called after every change of gallery or display settings. Returns unsubscribe. */
  onSnapshot(listener: (snapshot: FrameSnapshot) => void): () => void;
  /** A resized image for the screen, as a fetch Response (status, headers, body stream). */
  fetchMedia(request: MediaRequest, signal?: AbortSignal): Promise<Response>;
  /** An item's video at the rendition for the screen; `range` is the HTTP Range header, if any. */
  fetchVideo(request: VideoRequest, range?: string, signal?: AbortSignal): Promise<Response>;
  health(): HealthReport;
  /** Settings screen operations (read masked, save validated, test, pick project, autostart). */
  settings: SettingsApi;
  /** Next/previous go to every renderer (onShowCommand); pause/resume change status.paused. */
  control(command: ShowCommand): void;
  /** Returns unsubscribe. */
  onShowCommand(listener: (command: ShowCommand) => void): () => void;
  /** The renderer says what it shows now. */
  reportShowing(now: ShowingNow): void;
  showing(): ShowingNow | null;
  /** Returns unsubscribe. */
  onShowing(listener: (now: ShowingNow) => void): () => void;
  stop(): Promise<void>;
}

export interface StartFrameOptions {
  env: NodeJS.ProcessEnv;
  /** Command-line arguments after the script name, e.g. ['--demo']. */
  argv: string[];
  /** Used when FRAME_DATA_DIR is not set (Electron: app.getPath('userData')). */
  defaultDataDir: string;
  logger?: Logger;
  /** Seals secrets at rest (Electron: safeStorage). Default: plain text in a 0600 file. */
  secretCodec?: SecretCodec;
  /** How this shell is started, for start-on-boot entries. */
  launch?: LaunchCommand;
  /** Switches the display (the chosen method); tests pass a recorder. */
  switchScreen?: ScreenSwitch;
}

/** Thrown by startFrame for a bad environment variable or setting: one clear line. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

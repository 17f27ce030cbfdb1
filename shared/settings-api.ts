// The settings operations both shells offer the renderer: over IPC in
// Electron, over HTTP (below) in the web shell. Same shapes either way.
import type { FieldErrors, PublicSettings, SettingsPatch } from './settings';

export type SaveSettingsResult = { ok: true; settings: PublicSettings } | { ok: false; errors: FieldErrors };

export interface ConnectionResult {
  ok: boolean;
  /** A sentence for the person: what worked, or precisely what failed. */
  message: string;
  /** On success, the site's projects (as listProjects('') gives them), so one can be picked before saving. */
  projects?: ProjectChoice[];
}

export interface ProjectChoice {
  id: string;
  title: string;
  /** Wix media file id of the cover, for a thumbnail through mediaPath(). */
  coverFileId?: string;
  itemCount?: number;
}

export type ProjectsResult = { ok: true; projects: ProjectChoice[] } | { ok: false; message: string };

export type AutostartMethod = 'xdg' | 'systemd';

export interface AutostartStatus {
  /** False where start-on-boot is not offered (not Linux). */
  supported: boolean;
  /** What is actually installed now, read from disk. */
  installed: Record<AutostartMethod, boolean>;
  /** Where the files live, for people checking by hand. */
  paths: Record<AutostartMethod, string>;
  message?: string;
}

export interface SettingsApi {
  getSettings(): Promise<PublicSettings>;
  /** Validates field by field; nothing is saved unless everything is valid. */
  saveSettings(patch: SettingsPatch): Promise<SaveSettingsResult>;
  /** Tries the saved connection settings with the patch applied, without saving. */
  testConnection(patch: SettingsPatch): Promise<ConnectionResult>;
  /** Projects of the connected site whose title starts with the query (all when empty). */
  listProjects(query: string): Promise<ProjectsResult>;
  getAutostart(): Promise<AutostartStatus>;
  setAutostart(enabled: boolean, method: AutostartMethod): Promise<AutostartStatus>;
}

/** Web shell routes for the same operations. */
export const SettingsPaths = {
  settings: '/api/settings', // GET, PUT (SettingsPatch)
  testConnection: '/api/settings/test', // POST (SettingsPatch)
  projects: '/api/projects', // GET ?q=
  autostart: '/api/autostart', // GET, PUT {enabled, method}
  /** GET, answered only to the frame itself (loopback peer): the token to show on its screen. */
  adminToken: '/api/admin-token',
  /** GET, answered only to the frame itself (loopback peer and Host): the phone's way in, as SetupLink. */
  setupLink: '/api/setup-link',
} as const;

/**
 * How a phone on the same network reaches this frame's settings, for the QR
 * code on the frame's own screen. `url` carries the admin token, when one is
 * needed, in its fragment (#token=…), which browsers never send to a server.
 */
export type SetupLink =
  | { reachable: true; url: string; /** The QR code: one string per row, "1" for a dark module. */ qr: string[] }
  | { reachable: false; /** FRAME_HTTP_HOST now: loopback, so phones cannot connect. */ host: string };

/** The fragment key that carries the admin token in a setup link. */
export const SETUP_TOKEN_KEY = 'token';

/** Header carrying the admin token when the web shell listens beyond loopback. */
export const ADMIN_TOKEN_HEADER = 'x-frame-admin-token';

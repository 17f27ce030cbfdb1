// A RunningFrame for shell tests: snapshots on demand, recorded media and
// video requests, and a settings API that records every call and answers with
// canned results the test can change. The shell only passes these through;
// what they mean is the core's business (and its tests').
import type { FrameSnapshot } from '../../../shared/display';
import { DEFAULT_DISPLAY } from '../../../shared/display';
import { EMPTY_GALLERY } from '../../../shared/gallery';
import type { MediaRequest, VideoRequest } from '../../../shared/media';
import { DEFAULT_SETTINGS, toPublicSettings, type PublicSettings, type SettingsPatch } from '../../../shared/settings';
import type { AutostartMethod, AutostartStatus, ConnectionResult, ProjectsResult, SaveSettingsResult, SettingsApi } from '../../../shared/settings-api';
import type { ShowCommand, ShowingNow } from '../../../shared/show';
import type { HealthReport, RunningFrame } from '../../core/frame-types';

export function sampleSnapshot(projectId = 'project-1'): FrameSnapshot {
  return {
    gallery: { ...EMPTY_GALLERY, projectId, items: [] },
    display: DEFAULT_DISPLAY,
    status: { setupNeeded: false, demo: true, screen: 'on', problems: [], paused: false },
  };
}

export function sampleHealth(): HealthReport {
  return {
    ok: true,
    projectId: 'project-1',
    items: 0,
    syncedAt: null,
    lastError: null,
    demo: true,
    webhook: { enabled: false, reason: 'test', accepted: 0, ignored: 0, rejected: 0 },
    display: { screen: 'on', scheduleEnabled: false, commandError: null },
    process: { rssBytes: 0, heapUsedBytes: 0, uptimeSeconds: 0 },
    cache: { files: 0, bytes: 0, capBytes: 0, hits: 0, downloads: 0, failures: 0, evictions: 0, uncached: 0 },
    storage: { ok: true, problem: null },
  };
}

export function sampleAutostart(installed: Partial<Record<AutostartMethod, boolean>> = {}): AutostartStatus {
  return {
    supported: true,
    installed: { xdg: false, systemd: false, ...installed },
    paths: { xdg: '/home/pi/.config/autostart/frame.desktop', systemd: '/home/pi/.config/systemd/user/frame.service' },
  };
}

export type SettingsCall =
  | { method: 'getSettings' | 'getAutostart'; args: [] }
  | { method: 'saveSettings' | 'testConnection'; args: [SettingsPatch] }
  | { method: 'listProjects'; args: [string] }
  | { method: 'setAutostart'; args: [boolean, AutostartMethod] };

export class FakeSettings implements SettingsApi {
  readonly calls: SettingsCall[] = [];
  settings: PublicSettings = toPublicSettings(DEFAULT_SETTINGS, []);
  saveResult: SaveSettingsResult = { ok: true, settings: this.settings };
  connection: ConnectionResult = { ok: true, message: 'Connected to Wix.' };
  projects: ProjectsResult = { ok: true, projects: [{ id: 'p1', title: 'Garden' }] };
  autostart: AutostartStatus = sampleAutostart();

  async getSettings(): Promise<PublicSettings> {
    this.calls.push({ method: 'getSettings', args: [] });
    return this.settings;
  }

  async saveSettings(patch: SettingsPatch): Promise<SaveSettingsResult> {
    this.calls.push({ method: 'saveSettings', args: [patch] });
    return this.saveResult;
  }

  async testConnection(patch: SettingsPatch): Promise<ConnectionResult> {
    this.calls.push({ method: 'testConnection', args: [patch] });
    return this.connection;
  }

  async listProjects(query: string): Promise<ProjectsResult> {
    this.calls.push({ method: 'listProjects', args: [query] });
    return this.projects;
  }

  async getAutostart(): Promise<AutostartStatus> {
    this.calls.push({ method: 'getAutostart', args: [] });
    return this.autostart;
  }

  async setAutostart(enabled: boolean, method: AutostartMethod): Promise<AutostartStatus> {
    this.calls.push({ method: 'setAutostart', args: [enabled, method] });
    this.autostart = { ...this.autostart, installed: { ...this.autostart.installed, [method]: enabled } };
    return this.autostart;
  }
}

export class FakeFrame implements RunningFrame {
  /** The part of the core's config main.ts reads (the web shell beside the kiosk). */
  readonly config = { http: { host: '127.0.0.1', port: 0, adminToken: null }, dataDir: '/tmp/frame-fake' };
  snapshot: FrameSnapshot = sampleSnapshot();
  readonly settings = new FakeSettings();
  readonly mediaRequests: { request: MediaRequest; signal: AbortSignal | undefined }[] = [];
  mediaResponse: () => Promise<Response> = async () => new Response('jpeg bytes', { status: 200, headers: { 'content-type': 'image/jpeg' } });
  readonly videoRequests: { request: VideoRequest; range: string | undefined; signal: AbortSignal | undefined }[] = [];
  videoResponse: () => Promise<Response> = async () =>
    new Response('mp4 bytes', { status: 206, headers: { 'content-type': 'video/mp4', 'content-range': 'bytes 0-8/100', 'accept-ranges': 'bytes' } });
  stopped = 0;
  private readonly listeners = new Set<(snapshot: FrameSnapshot) => void>();

  getSnapshot(): FrameSnapshot {
    return this.snapshot;
  }

  onSnapshot(listener: (snapshot: FrameSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  /** Changes the snapshot and tells every listener, as the core does after a sync. */
  change(snapshot: FrameSnapshot): void {
    this.snapshot = snapshot;
    for (const listener of this.listeners) listener(snapshot);
  }

  async fetchMedia(request: MediaRequest, signal?: AbortSignal): Promise<Response> {
    this.mediaRequests.push({ request, signal });
    return this.mediaResponse();
  }

  async fetchVideo(request: VideoRequest, range?: string, signal?: AbortSignal): Promise<Response> {
    this.videoRequests.push({ request, range, signal });
    return this.videoResponse();
  }

  health(): HealthReport {
    return sampleHealth();
  }

  readonly commands: ShowCommand[] = [];
  private readonly commandListeners = new Set<(command: ShowCommand) => void>();
  now: ShowingNow | null = null;

  control(command: ShowCommand): void {
    this.commands.push(command);
    if (command === 'next' || command === 'previous') for (const listener of this.commandListeners) listener(command);
  }

  onShowCommand(listener: (command: ShowCommand) => void): () => void {
    this.commandListeners.add(listener);
    return () => this.commandListeners.delete(listener);
  }

  reportShowing(now: ShowingNow): void {
    this.now = now;
  }

  showing(): ShowingNow | null {
    return this.now;
  }

  onShowing(): () => void {
    return () => {};
  }

  async stop(): Promise<void> {
    this.stopped += 1;
  }
}

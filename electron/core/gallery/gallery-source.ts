// Which Wix project feeds the store, and with which credentials. When the
// settings change, the old poller stops and a new one starts: switching
// project shows the new gallery without a restart.
import type { Settings } from '../../../shared/settings';
import type { Logger } from '../frame-types';
import { ApiKeyAuth, OAuthAuth, type WixAuth } from '../wix/auth';
import { WixClient, type WixClientOptions } from '../wix/client';
import type { GallerySnapshotFile } from './snapshot-file';
import type { GalleryStore } from './store';
import { GallerySync } from './sync';

/** Shown on the frame (people's words); the log line adds the developer's ways in. */
export const NOT_CONFIGURED = 'This frame is not connected to Wix yet: open its settings to connect it.';

type Connection = Pick<Settings, 'authMode' | 'apiKey' | 'siteId' | 'clientId' | 'clientSecret' | 'instanceId' | 'projectId' | 'pollSeconds'>;

export function authFor(settings: Connection, apiBaseUrl: string): WixAuth | null {
  if (settings.authMode === 'apiKey' && settings.apiKey && settings.siteId) return new ApiKeyAuth(settings.apiKey, settings.siteId);
  if (settings.authMode === 'oauth' && settings.clientId && settings.clientSecret && settings.instanceId) {
    return new OAuthAuth({ baseUrl: apiBaseUrl, clientId: settings.clientId, clientSecret: settings.clientSecret, instanceId: settings.instanceId });
  }
  return null;
}

export function clientFor(settings: Connection, apiBaseUrl: string, options: Partial<WixClientOptions> = {}): WixClient | null {
  const auth = authFor(settings, apiBaseUrl);
  return auth ? new WixClient({ baseUrl: apiBaseUrl, auth, ...options }) : null;
}

function connectionKey(s: Connection): string {
  return JSON.stringify([s.authMode, s.apiKey, s.siteId, s.clientId, s.clientSecret, s.instanceId, s.projectId, s.pollSeconds]);
}

export class GallerySource {
  private sync: GallerySync | null = null;
  private key = '';
  private paused = false;
  private last: Connection | null = null;
  /** Settings changes are applied one after another, never interleaved. */
  private applying: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: GalleryStore,
    private readonly snapshotFile: GallerySnapshotFile,
    private readonly apiBaseUrl: string,
    private readonly logger: Logger,
  ) {}

  get currentSync(): GallerySync | null {
    return this.sync;
  }

  apply(settings: Connection): Promise<void> {
    this.last = settings;
    this.applying = this.applying.then(() => this.applyNow(settings));
    return this.applying;
  }

  /** Night: no polling. Morning: a fresh sync at once. */
  setPaused(paused: boolean): Promise<void> {
    if (paused === this.paused) return this.applying;
    this.paused = paused;
    this.key = '';
    this.applying = this.applying.then(async () => {
      if (paused) {
        await this.sync?.stop();
        this.sync = null;
      } else if (this.last) await this.applyNow(this.last);
    });
    return this.applying;
  }

  async stop(): Promise<void> {
    await this.applying;
    await this.sync?.stop();
    this.sync = null;
  }

  private async applyNow(settings: Connection): Promise<void> {
    const key = connectionKey(settings);
    if (key === this.key || this.paused) return;
    this.key = key;
    await this.sync?.stop();
    this.sync = null;
    const projectId = settings.projectId || null;
    if (projectId !== this.store.state.projectId) {
      this.store.switchProject(projectId);
      const saved = projectId ? await this.snapshotFile.load(projectId) : null;
      if (saved?.syncedAt) {
        this.logger.info(`Showing the saved gallery of ${saved.items.length} item(s) until Wix answers.`);
        this.store.replaceAll(saved.projectId!, saved.items, saved.syncedAt);
      }
    }
    const client = clientFor(settings, this.apiBaseUrl);
    if (!client || !projectId) {
      this.store.setError(NOT_CONFIGURED);
      this.logger.warn(`${NOT_CONFIGURED} (Settings at /settings of the web shell; --demo shows the built-in demo gallery.)`);
      return;
    }
    this.sync = new GallerySync({ source: client, store: this.store, projectId, pollMs: settings.pollSeconds * 1000, logger: this.logger });
    void this.sync.start();
  }
}

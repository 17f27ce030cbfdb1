// The settings operations of the shells (SettingsApi): reads masked, saves
// validated, tests connections and lists projects without saving anything.
import { applySettingsPatch, SECRET_FIELDS, toPublicSettings, type PublicSettings, type Settings, type SettingsPatch } from '../../../shared/settings';
import type { AutostartMethod, ConnectionResult, ProjectChoice, ProjectsResult, SaveSettingsResult, SettingsApi } from '../../../shared/settings-api';
import { clientFor } from '../gallery/gallery-source';
import { autostartStatus, setAutostart, type AutostartOptions } from '../system/autostart';
import { createTokenVerifier } from '../webhook/verify-token';
import { WixError } from '../wix/errors';
import type { SettingsStore } from './settings-store';

export interface SettingsServiceOptions {
  store: SettingsStore;
  /** Fields fixed by the environment (or demo mode), with their values. */
  overrides: Partial<Settings>;
  apiBaseUrl: string;
  autostart: AutostartOptions;
}

/** At most this many projects get an item count (one request each). */
const COUNTED_PROJECTS = 30;
/** Listing stops here; the search finds the rest. */
const MAX_PROJECTS = 500;

export class SettingsService implements SettingsApi {
  private readonly listedListeners = new Set<(projects: readonly ProjectChoice[]) => void>();

  constructor(private readonly options: SettingsServiceOptions) {}

  /** Told the projects the picker is about to show, so their covers may be served. Returns unsubscribe. */
  onProjectsListed(listener: (projects: readonly ProjectChoice[]) => void): () => void {
    this.listedListeners.add(listener);
    return () => this.listedListeners.delete(listener);
  }

  /** Saved settings with the environment's on top: what the frame runs with. */
  effective(): Settings {
    return { ...this.options.store.current, ...this.options.overrides };
  }

  async getSettings(): Promise<PublicSettings> {
    return toPublicSettings(this.effective(), Object.keys(this.options.overrides) as (keyof Settings)[]);
  }

  async saveSettings(patch: SettingsPatch): Promise<SaveSettingsResult> {
    const editable = this.editable(patch);
    const keyProblem = await this.unreadableWebhookKey(editable);
    if (keyProblem) {
      // Report it with every other field's problem, so the screen shows them all at once.
      const others = applySettingsPatch(this.options.store.current, editable);
      return { ok: false, errors: { ...(others.ok ? {} : others.errors), webhookPublicKey: keyProblem } };
    }
    const result = await this.options.store.save(editable);
    return result.ok ? { ok: true, settings: await this.getSettings() } : result;
  }

  /** The schema checks the PEM's shape; only jose can tell a real RSA key. */
  private async unreadableWebhookKey(patch: SettingsPatch): Promise<string | null> {
    const key = (patch as { webhookPublicKey?: unknown } | null)?.webhookPublicKey;
    if (typeof key !== 'string' || key.trim() === '') return null;
    const usable = await createTokenVerifier(key).then(
      () => true,
      () => false,
    );
    return usable ? null : 'Webhook public key could not be read as an RSA public key: paste it exactly as the Wix app dashboard shows it.';
  }

  async testConnection(patch: SettingsPatch): Promise<ConnectionResult> {
    const candidate = applySettingsPatch(this.effective(), this.editable(patch));
    if (!candidate.ok) return { ok: false, message: Object.values(candidate.errors)[0] ?? 'Some settings are not valid.' };
    const settings = { ...candidate.value, ...this.options.overrides };
    const client = clientFor(settings, this.options.apiBaseUrl, { maxAttempts: 2, retryBudgetMs: 10_000 });
    if (!client) return { ok: false, message: 'Choose a sign-in method and fill in its fields first.' };
    try {
      // The projects come with the answer, so the picker lists them before anything is saved.
      const projects = await this.projectsOf(client, '');
      const found = `${projects.length} project${projects.length === 1 ? '' : 's'}`;
      if (projects.length === 0) return { ok: true, message: 'Connected to Wix, but the site has no Portfolio projects yet: add one in your Wix dashboard.', projects };
      if (settings.projectId) {
        const { items } = await client.listProjectItems(settings.projectId);
        return { ok: true, message: `Connected to Wix: ${found} found; the one chosen has ${items.length} photo${items.length === 1 ? '' : 's'} to show.`, projects };
      }
      return { ok: true, message: `Connected to Wix: ${found} found. Pick one below to start the show.`, projects };
    } catch (error) {
      return { ok: false, message: error instanceof WixError ? error.message : `Connection failed: ${(error as Error).message}` };
    }
  }

  /** On a fleet frame the relay answers the picker (set by the composition root). */
  projectList: ((query: string) => Promise<ProjectsResult> | null) | null = null;

  async listProjects(query: string): Promise<ProjectsResult> {
    const fromFeed = this.projectList?.(query);
    if (fromFeed) {
      const result = await fromFeed;
      if (result.ok) for (const listener of this.listedListeners) listener(result.projects);
      return result;
    }
    const client = clientFor(this.effective(), this.options.apiBaseUrl, { maxAttempts: 2, retryBudgetMs: 10_000 });
    if (!client) return { ok: false, message: 'Connect to Wix first: choose a sign-in method and save it.' };
    try {
      return { ok: true, projects: await this.projectsOf(client, query) };
    } catch (error) {
      return { ok: false, message: error instanceof WixError ? error.message : `Could not list projects: ${(error as Error).message}` };
    }
  }

  /** Projects whose title starts with the query (all when empty), the first ones with their photo counts. */
  private async projectsOf(client: NonNullable<ReturnType<typeof clientFor>>, query: string): Promise<ProjectChoice[]> {
    const projects: ProjectChoice[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof client.listProjects>> = query.trim() ? await client.queryProjects(query.trim(), cursor ?? undefined) : await client.listProjects(cursor ?? undefined);
      projects.push(...page.projects);
      cursor = page.nextCursor;
    } while (cursor && projects.length < MAX_PROJECTS);
    await Promise.all(
      projects.slice(0, COUNTED_PROJECTS).map(async (project) => {
        const count = await client.countProjectItems(project.id).catch(() => null);
        if (count !== null) project.itemCount = count;
      }),
    );
    // The picker is about to show their covers: the media routes may serve them now.
    for (const listener of this.listedListeners) listener(projects);
    return projects;
  }

  getAutostart() {
    return autostartStatus(this.options.autostart);
  }

  setAutostart(enabled: boolean, method: AutostartMethod) {
    return setAutostart(this.options.autostart, enabled, method);
  }

  /** Drops fields fixed by the environment, and empty secrets (meaning "keep the saved one"). */
  private editable(patch: SettingsPatch): SettingsPatch {
    if (typeof patch !== 'object' || patch === null) return patch;
    const out: Record<string, unknown> = { ...patch };
    for (const field of Object.keys(this.options.overrides)) delete out[field];
    for (const field of SECRET_FIELDS) if (out[field] === '') delete out[field];
    return out as SettingsPatch;
  }
}

// Saved settings in the data dir: settings.json for the show, secrets.json
// (mode 0600, sealed by the codec) for the API key and OAuth secret, committed
// together as one generation (settings-generations.ts), with the previous
// generation kept beside them. A broken or unreadable file falls back to the
// last good pair, never to defaults while a good copy exists; a file that
// could not be read is set aside before anything is written in its place.
import { readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { applySettingsPatch, DEFAULT_SETTINGS, LABELS, readStoredSettings, SECRET_FIELDS, type FieldErrors, type InvalidStoredField, type Settings } from '../../../shared/settings';
import type { Logger } from '../frame-types';
import { asStorageFailure } from '../storage/storage-failure';
import { writeFileAtomic } from '../util/atomic-file';
import { plainCodec, type SecretCodec } from './secret-codec';
import { chooseCommitted, FILES, readStamped, type FileName, type ReadFile } from './settings-generations';

export type SaveResult = { ok: true; settings: Settings } | { ok: false; errors: FieldErrors };

export class SettingsStore {
  private saved: Settings = { ...DEFAULT_SETTINGS };
  private readonly listeners = new Set<(settings: Settings) => void | Promise<void>>();
  /** The committed generation and its files' text, rewritten as .prev by the next save. */
  private committed: { generation: number; settings: string | null; secrets: string | null } = { generation: 0, settings: null, secrets: null };
  /** Files found broken or unreadable: set aside (never overwritten) before the next save. */
  private damaged = new Set<FileName>();
  private saving: Promise<unknown> = Promise.resolve();
  /** Problems found when loading, for the log and the settings screen. */
  readonly loadProblems: string[] = [];
  /** Saved values of the wrong type, field by field (defaults are used for them). */
  invalidFields: InvalidStoredField[] = [];

  constructor(
    private readonly dataDir: string,
    private readonly logger: Logger,
    private readonly codec: SecretCodec = plainCodec,
    /** Told of a failed save (the storage health), besides the error the caller gets. */
    private readonly writeFailed: (error: unknown, path: string) => void = () => undefined,
  ) {}

  get settingsPath(): string {
    return join(this.dataDir, FILES.settings);
  }

  get secretsPath(): string {
    return join(this.dataDir, FILES.secrets);
  }

  get current(): Settings {
    return this.saved;
  }

  /** Listeners may be async: save() resolves once they have applied the change. */
  onChange(listener: (settings: Settings) => void | Promise<void>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async load(): Promise<Settings> {
    const names = Object.values(FILES);
    const files = Object.fromEntries(await Promise.all(names.map(async (name) => [name, await readStamped(this.dataDir, name)] as const))) as Record<FileName, ReadFile>;
    for (const name of [FILES.settings, FILES.secrets] as const) {
      const file = files[name];
      if (file.state === 'broken' || file.state === 'unreadable') {
        this.damaged.add(name);
        this.problem(`${join(this.dataDir, name)} is ${file.state === 'broken' ? `damaged (${file.reason})` : `unreadable (${file.reason})`}.`);
      }
    }
    const pair = chooseCommitted(files);
    let stored: Record<string, unknown>;
    if (pair) {
      stored = { ...pair.settings, ...this.unseal(pair.secrets) };
      this.committed = { generation: pair.generation, settings: pair.texts.settings, secrets: pair.texts.secrets };
      if (pair.from === 'current' && files[FILES.settings].state !== 'ok') this.problem(`Rebuilt ${FILES.settings} of generation ${pair.generation} from the copy in ${FILES.secrets}: nothing was lost.`);
      if (pair.from === 'previous') this.problem(`The last save did not finish or the current settings were damaged: using the last good settings (generation ${pair.generation}, from ${FILES.prevSettings}).`);
    } else {
      stored = await this.salvage(files);
    }
    const { settings, invalid, notes } = readStoredSettings(stored);
    this.invalidFields = invalid;
    for (const { field, problem } of invalid) this.problem(`Saved setting ${field} (${LABELS[field]}) could not be used: ${problem}`);
    for (const note of notes) this.logger.info(`Saved settings: ${note}`);
    this.saved = settings;
    return settings;
  }

  /** Validates the whole patch first: nothing is saved half-way. Saves run one at a time. */
  save(patch: unknown): Promise<SaveResult> {
    const run = this.saving.then(() => this.saveNow(patch));
    this.saving = run.catch(() => undefined);
    return run;
  }

  private async saveNow(patch: unknown): Promise<SaveResult> {
    const result = applySettingsPatch(this.saved, patch);
    if (!result.ok) return result;
    const next = result.value;
    try {
      await this.commit(next);
    } catch (error) {
      this.writeFailed(error, this.settingsPath);
      throw error;
    }
    this.saved = next;
    this.invalidFields = this.invalidFields.filter(({ field }) => !(field in (patch as object)));
    await Promise.all([...this.listeners].map((listener) => listener(next)));
    return { ok: true, settings: next };
  }

  /**
   * Previous pair, new pair (each file synced), then the marker. A failure
   * before the marker puts the current files back as they were, so the key
   * of a save that answered an error is not left on disk.
   */
  private async commit(next: Settings): Promise<void> {
    const generation = this.committed.generation + 1;
    const secrets: Record<string, string> = {};
    const plain: Record<string, unknown> = { generation, ...next };
    for (const field of SECRET_FIELDS) {
      delete plain[field];
      if (next[field]) secrets[field] = this.codec.encode(next[field]);
    }
    const { generation: _, ...copy } = plain;
    const texts = { settings: JSON.stringify(plain, null, 2), secrets: JSON.stringify({ generation, codec: this.codec.kind, values: secrets, settings: copy }) };
    await this.setDamagedAside();
    const previous = this.committed;
    if (previous.settings !== null && previous.secrets !== null) {
      await writeFileAtomic(this.path(FILES.prevSecrets), previous.secrets, 0o600);
      await writeFileAtomic(this.path(FILES.prevSettings), previous.settings);
    }
    try {
      await writeFileAtomic(this.secretsPath, texts.secrets, 0o600);
      await writeFileAtomic(this.settingsPath, texts.settings);
      await writeFileAtomic(this.path(FILES.commit), JSON.stringify({ generation }));
    } catch (error) {
      await this.restore(previous);
      throw error;
    }
    this.committed = { generation, ...texts };
  }

  /** Best effort: the marker still names the old generation, so a load ignores what is left anyway. */
  private async restore(previous: { settings: string | null; secrets: string | null }): Promise<void> {
    const put = (name: FileName, text: string | null, mode?: number) => (text === null ? rm(this.path(name), { force: true }) : writeFileAtomic(this.path(name), text, mode));
    await put(FILES.secrets, previous.secrets, 0o600).catch(() => rm(this.secretsPath, { force: true }).catch(() => undefined));
    await put(FILES.settings, previous.settings).catch(() => undefined);
  }

  /** A file that could not be read is kept for a person to look at, never overwritten. */
  private async setDamagedAside(): Promise<void> {
    for (const name of [...this.damaged]) {
      const aside = `${this.path(name)}.damaged-${Date.now()}`;
      try {
        await rename(this.path(name), aside);
        this.logger.warn(`Moved the damaged ${name} to ${aside}.`);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw asStorageFailure(error, this.path(name));
      }
      this.damaged.delete(name);
    }
  }

  /**
   * Nothing whole was found: what each readable file still holds, and the
   * project from the saved gallery, rather than an empty frame.
   */
  private async salvage(files: Record<FileName, ReadFile>): Promise<Record<string, unknown>> {
    const pick = (...names: FileName[]) => names.map((name) => files[name]).find((f): f is Extract<ReadFile, { state: 'ok' }> => f.state === 'ok');
    const settings = pick(FILES.settings, FILES.prevSettings);
    const secrets = pick(FILES.secrets, FILES.prevSecrets);
    const stored: Record<string, unknown> = { ...(settings?.value ?? {}), ...this.unseal(secrets?.value ?? null) };
    if (settings) this.committed = { generation: settings.generation ?? 0, settings: settings.text, secrets: secrets?.text ?? null };
    if (!stored.projectId) {
      const projectId = await this.galleryProject();
      if (projectId) {
        stored.projectId = projectId;
        this.problem(`Recovered the project ${projectId} from the saved gallery; check the Wix connection in the settings.`);
      }
    }
    if (files[FILES.settings].state !== 'missing' || files[FILES.prevSettings].state !== 'missing') this.problem('No whole saved settings were found; using what could be read, and defaults for the rest.');
    return stored;
  }

  private async galleryProject(): Promise<string | null> {
    try {
      const gallery = JSON.parse(await readFile(this.path('gallery.json'), 'utf8')) as { projectId?: unknown };
      return typeof gallery.projectId === 'string' ? gallery.projectId : null;
    } catch {
      return null;
    }
  }

  private path(name: string): string {
    return join(this.dataDir, name);
  }

  private unseal(content: Record<string, unknown> | null): Record<string, string> {
    if (!content) return {};
    const { codec, values } = content as { codec?: unknown; values?: unknown };
    if (codec !== this.codec.kind || !values || typeof values !== 'object') {
      if (values && Object.keys(values).length > 0) this.problem('Saved secrets were sealed differently (another machine or user?); enter the API key or client secret again.');
      return {};
    }
    const out: Record<string, string> = {};
    for (const [field, sealed] of Object.entries(values as Record<string, unknown>)) {
      if (typeof sealed !== 'string') continue;
      try {
        out[field] = this.codec.decode(sealed);
      } catch {
        this.problem(`Saved ${field} could not be unsealed; enter it again.`);
      }
    }
    return out;
  }

  private problem(message: string): void {
    this.loadProblems.push(message);
    this.logger.warn(message);
  }
}

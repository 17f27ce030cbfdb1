// Saved settings in the data dir: settings.json for the show, secrets.json
// (mode 0600, sealed by the codec) for the API key and OAuth secret. Both are
// written atomically; a broken file is set aside, named in the log, and the
// frame carries on with defaults for what it held.
import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { applySettingsPatch, DEFAULT_SETTINGS, readStoredSettings, SECRET_FIELDS, type FieldErrors, type Settings } from '../../../shared/settings';
import type { Logger } from '../frame-types';
import { writeFileAtomic } from '../util/atomic-file';
import { plainCodec, type SecretCodec } from './secret-codec';

export type SaveResult = { ok: true; settings: Settings } | { ok: false; errors: FieldErrors };

export class SettingsStore {
  private saved: Settings = { ...DEFAULT_SETTINGS };
  private readonly listeners = new Set<(settings: Settings) => void | Promise<void>>();
  /** Problems found when loading, for the log and the settings screen. */
  readonly loadProblems: string[] = [];

  constructor(
    private readonly dataDir: string,
    private readonly logger: Logger,
    private readonly codec: SecretCodec = plainCodec,
  ) {}

  get settingsPath(): string {
    return join(this.dataDir, 'settings.json');
  }

  get secretsPath(): string {
    return join(this.dataDir, 'secrets.json');
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
    const plain = await this.readJson(this.settingsPath);
    const secrets = this.unseal(await this.readJson(this.secretsPath));
    const { settings, invalid, notes } = readStoredSettings({ ...(plain ?? {}), ...secrets });
    for (const { problem } of invalid) this.problem(`Saved settings: ${problem}`);
    for (const note of notes) this.logger.info(`Saved settings: ${note}`);
    this.saved = settings;
    return settings;
  }

  /** Validates the whole patch first: nothing is saved half-way. */
  async save(patch: unknown): Promise<SaveResult> {
    const result = applySettingsPatch(this.saved, patch);
    if (!result.ok) return result;
    const next = result.value;
    const secrets: Record<string, string> = {};
    const plain: Record<string, unknown> = { ...next };
    for (const field of SECRET_FIELDS) {
      delete plain[field];
      if (next[field]) secrets[field] = this.codec.encode(next[field]);
    }
    await writeFileAtomic(this.secretsPath, JSON.stringify({ codec: this.codec.kind, values: secrets }), 0o600);
    await writeFileAtomic(this.settingsPath, JSON.stringify(plain, null, 2));
    this.saved = next;
    await Promise.all([...this.listeners].map((listener) => listener(next)));
    return { ok: true, settings: next };
  }

  private unseal(content: unknown): Record<string, string> {
    if (!content || typeof content !== 'object') return {};
    const { codec, values } = content as { codec?: unknown; values?: unknown };
    if (codec !== this.codec.kind || !values || typeof values !== 'object') {
      if (values) this.problem('Saved secrets were sealed differently (another machine or user?); enter the API key or client secret again.');
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

  private async readJson(path: string): Promise<unknown> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.problem(`${path} could not be read (${(error as Error).message}).`);
      return null;
    }
    try {
      return JSON.parse(text);
    } catch {
      const aside = `${path}.broken-${Date.now()}`;
      await rename(path, aside).catch(() => undefined);
      this.problem(`${path} was not valid JSON; moved it to ${aside} and used defaults.`);
      return null;
    }
  }

  private problem(message: string): void {
    this.loadProblems.push(message);
    this.logger.warn(message);
  }
}

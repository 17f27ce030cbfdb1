// Settings that survive power cuts. settings.json and secrets.json are one
// pair, both stamped with a generation number; settings.commit names the
// committed generation and is written last. The previous committed pair is
// kept beside them (settings.prev.json, secrets.prev.json). A save writes the
// old pair to .prev, the new pair (each file synced), then the marker: a
// crash at any point leaves one consistent committed pair to come back to.
// secrets.json (mode 0600) also carries a copy of the plain settings of its
// generation, so a settings.json cut off after its save was acknowledged is
// rebuilt from it, losing nothing.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export const FILES = {
  settings: 'settings.json',
  secrets: 'secrets.json',
  prevSettings: 'settings.prev.json',
  prevSecrets: 'secrets.prev.json',
  commit: 'settings.commit',
} as const;

export type FileName = (typeof FILES)[keyof typeof FILES];

/** One file as found: its parsed object, or why it could not be used. */
export type ReadFile =
  | { state: 'ok'; value: Record<string, unknown>; text: string; generation: number | null }
  | { state: 'missing' }
  | { state: 'broken'; reason: string }
  | { state: 'unreadable'; reason: string };

/** The settings copy a whole secrets file carries, standing in for a damaged settings file. */
function copyIn(secrets: ReadFile): Extract<ReadFile, { state: 'ok' }> | null {
  if (secrets.state !== 'ok' || secrets.generation === null) return null;
  const copy = secrets.value.settings;
  if (!copy || typeof copy !== 'object' || Array.isArray(copy)) return null;
  const value = { ...(copy as Record<string, unknown>), generation: secrets.generation };
  return { state: 'ok', value, text: JSON.stringify(value, null, 2), generation: secrets.generation };
}

export async function readStamped(dir: string, name: FileName): Promise<ReadFile> {
  let text: string;
  try {
    text = await readFile(join(dir, name), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { state: 'missing' };
    return { state: 'unreadable', reason: `${code ?? (error as Error).message}` };
  }
  try {
    const value = JSON.parse(text) as unknown;
    if (!value || typeof value !== 'object' || Array.isArray(value)) return { state: 'broken', reason: 'not a JSON object' };
    const generation = (value as { generation?: unknown }).generation;
    return { state: 'ok', value: value as Record<string, unknown>, text, generation: Number.isSafeInteger(generation) ? (generation as number) : null };
  } catch {
    return { state: 'broken', reason: text.trim() === '' ? 'empty' : 'cut off or not JSON' };
  }
}

export interface FoundPair {
  settings: Record<string, unknown>;
  secrets: Record<string, unknown> | null;
  generation: number;
  /** Which pair it was: the current files, or the previous generation beside them. */
  from: 'current' | 'previous' | 'legacy';
  texts: { settings: string; secrets: string | null };
}

/**
 * The committed pair: the current one when its generation is the marker's
 * (or, without a marker, when both files agree), else the previous one.
 * Null when neither is whole.
 */
export function chooseCommitted(files: Record<FileName, ReadFile>): FoundPair | null {
  const commit = files[FILES.commit];
  const marker = commit.state === 'ok' ? commit.generation : null;
  const pairs: [ReadFile, ReadFile, FoundPair['from']][] = [
    [files[FILES.settings], files[FILES.secrets], 'current'],
    [files[FILES.prevSettings], files[FILES.prevSecrets], 'previous'],
  ];
  const candidates: FoundPair[] = [];
  for (const [settingsFile, secrets, from] of pairs) {
    const settings = settingsFile.state === 'ok' ? settingsFile : copyIn(secrets);
    if (!settings) continue;
    // Before generations (version 0.1) there was no marker and no stamps: the files as they are.
    if (settings.generation === null && marker === null && from === 'current') {
      if (secrets.state === 'ok' || secrets.state === 'missing')
        candidates.push({ settings: settings.value, secrets: secrets.state === 'ok' ? secrets.value : null, generation: 0, from: 'legacy', texts: { settings: settings.text, secrets: secrets.state === 'ok' ? secrets.text : null } });
      continue;
    }
    if (settings.generation === null) continue;
    const secretsOk = secrets.state === 'ok' && secrets.generation === settings.generation;
    // A first save without secrets writes an empty sealed object, so a whole pair always has both.
    if (!secretsOk) continue;
    candidates.push({ settings: settings.value, secrets: secrets.value, generation: settings.generation, from, texts: { settings: settings.text, secrets: secrets.text } });
  }
  // The newest committed pair; a pair newer than the marker was never acknowledged. Only
  // when nothing committed is whole (a card that lied about a sync) is it better than defaults.
  const newestFirst = candidates.sort((a, b) => b.generation - a.generation);
  return newestFirst.find((c) => marker === null || c.generation <= marker) ?? newestFirst[0] ?? null;
}

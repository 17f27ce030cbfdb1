// Settings after power cuts and failed writes: the last good pair comes back,
// nothing is lost to defaults, settings and secrets stay one consistent pair,
// and wrong-typed values are named field by field.
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../frame-types';
import { StorageFailure } from '../storage/storage-failure';
import { silentLogger } from '../util/logger';
import { SettingsStore } from './settings-store';

const SITE = '123e4567-e89b-12d3-a456-426614174000';
const PROJECT = 'aaaaaaaa-0000-4000-8000-000000000001';
const tempDir = () => mkdtemp(join(tmpdir(), 'frame-power-cut-'));

function recording(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (m) => lines.push(m), warn: (m) => lines.push(m), error: (m) => lines.push(m) };
}

async function configured(dir: string): Promise<SettingsStore> {
  const store = new SettingsStore(dir, silentLogger);
  await store.load();
  expect((await store.save({ authMode: 'apiKey', apiKey: 'IST.first', siteId: SITE, projectId: PROJECT })).ok).toBe(true);
  expect((await store.save({ slideSeconds: 9 })).ok).toBe(true);
  return store;
}

describe('settings that survive power cuts', () => {
  it('keeps the previous generation beside the current one', async () => {
    const dir = await tempDir();
    await configured(dir);
    expect((await readdir(dir)).sort()).toEqual(['secrets.json', 'secrets.prev.json', 'settings.commit', 'settings.json', 'settings.prev.json']);
    expect(JSON.parse(await readFile(join(dir, 'settings.commit'), 'utf8'))).toEqual({ generation: 2 });
    expect(JSON.parse(await readFile(join(dir, 'settings.prev.json'), 'utf8'))).toMatchObject({ generation: 1, projectId: PROJECT, slideSeconds: 15 });
  });

  it('settings.json cut off by a power cut after its save was acknowledged: rebuilt from its generation, nothing lost', async () => {
    const dir = await tempDir();
    await configured(dir);
    const whole = await readFile(join(dir, 'settings.json'), 'utf8');
    await writeFile(join(dir, 'settings.json'), whole.slice(0, whole.length / 2));
    const logger = recording();
    const store = new SettingsStore(dir, logger);
    expect(await store.load()).toMatchObject({ authMode: 'apiKey', apiKey: 'IST.first', siteId: SITE, projectId: PROJECT, slideSeconds: 9 });
    expect(logger.lines.join('\n')).toMatch(/settings\.json is damaged \(cut off or not JSON\)/);
    expect(logger.lines.join('\n')).toMatch(/Rebuilt settings\.json of generation 2 .*nothing was lost/);
    expect((await store.save({ captions: 'title' })).ok).toBe(true);
    expect(await new SettingsStore(dir, silentLogger).load()).toMatchObject({ authMode: 'apiKey', apiKey: 'IST.first', projectId: PROJECT, slideSeconds: 9, captions: 'title' });
    // The damaged file was kept for a person to look at, not overwritten.
    const aside = (await readdir(dir)).find((name) => name.startsWith('settings.json.damaged-'));
    expect(aside && (await readFile(join(dir, aside), 'utf8'))).toBe(whole.slice(0, whole.length / 2));
  });

  it('both current files damaged: the previous generation comes back, never the defaults', async () => {
    const dir = await tempDir();
    await configured(dir);
    await writeFile(join(dir, 'settings.json'), '{"authMode": "api');
    await writeFile(join(dir, 'secrets.json'), '');
    const logger = recording();
    expect(await new SettingsStore(dir, logger).load()).toMatchObject({ authMode: 'apiKey', apiKey: 'IST.first', siteId: SITE, projectId: PROJECT, slideSeconds: 15 });
    expect(logger.lines.join('\n')).toMatch(/using the last good settings \(generation 1/);
  });

  it('a crash between writing secrets and settings comes back as one consistent pair', async () => {
    const dir = await tempDir();
    await configured(dir);
    // The save of generation 3 kept generation 2 as the previous pair and wrote its
    // secrets; the new settings and the marker never were.
    await writeFile(join(dir, 'settings.prev.json'), await readFile(join(dir, 'settings.json')));
    await writeFile(join(dir, 'secrets.prev.json'), await readFile(join(dir, 'secrets.json')));
    await writeFile(join(dir, 'secrets.json'), JSON.stringify({ generation: 3, codec: 'plain', values: { apiKey: 'IST.second' } }));
    const loaded = await new SettingsStore(dir, silentLogger).load();
    expect(loaded).toMatchObject({ apiKey: 'IST.first', slideSeconds: 9 });
  });

  it('a save that fails half-way (settings.json not writable) leaves the old key on disk and answers the failure', async () => {
    const dir = await tempDir();
    const store = await configured(dir);
    const secretsBefore = await readFile(join(dir, 'secrets.json'), 'utf8');
    // Something stands where settings.json must go: its write fails after secrets.json was written.
    await rm(join(dir, 'settings.json'));
    await mkdir(join(dir, 'settings.json'));
    const failed = store.save({ apiKey: 'IST.new-key', slideSeconds: 20 });
    await expect(failed).rejects.toBeInstanceOf(StorageFailure);
    await expect(failed).rejects.toMatchObject({ path: join(dir, 'settings.json') });
    expect(await readFile(join(dir, 'secrets.json'), 'utf8')).toBe(secretsBefore);
    expect(store.current).toMatchObject({ apiKey: 'IST.first', slideSeconds: 9 });
    const reloaded = await new SettingsStore(dir, silentLogger).load();
    expect(reloaded).toMatchObject({ apiKey: 'IST.first', projectId: PROJECT });
    expect(JSON.stringify(await Promise.all((await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => readFile(join(dir, e.name), 'utf8'))))).not.toContain('IST.new-key');
  });

  it('a cut-off settings.json from before generations: the project comes back from the saved gallery, the file is never overwritten', async () => {
    const dir = await tempDir();
    const cut = `{\n  "authMode": "apiKey",\n  "siteId": "${SITE}",\n  "proj`;
    await writeFile(join(dir, 'settings.json'), cut);
    await writeFile(join(dir, 'secrets.json'), JSON.stringify({ codec: 'plain', values: { apiKey: 'IST.legacy' } }));
    await writeFile(join(dir, 'gallery.json'), JSON.stringify({ version: 1, projectId: PROJECT, syncedAt: null, items: [] }));
    const logger = recording();
    const store = new SettingsStore(dir, logger);
    expect(await store.load()).toMatchObject({ projectId: PROJECT, apiKey: 'IST.legacy' });
    expect(logger.lines.join('\n')).toMatch(/Recovered the project/);
    await store.save({ authMode: 'apiKey', siteId: SITE });
    expect(await new SettingsStore(dir, silentLogger).load()).toMatchObject({ authMode: 'apiKey', apiKey: 'IST.legacy', siteId: SITE, projectId: PROJECT });
    const aside = (await readdir(dir)).find((name) => name.startsWith('settings.json.damaged-'));
    expect(aside && (await readFile(join(dir, aside), 'utf8'))).toBe(cut);
  });

  it('wrong-typed values are named field by field; the others are kept', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ slideSeconds: [1, 2, 3], transition: null, projectId: PROJECT, captions: 'title' }));
    const logger = recording();
    const store = new SettingsStore(dir, logger);
    const loaded = await store.load();
    expect(loaded).toMatchObject({ slideSeconds: 15, transition: 'crossfade', projectId: PROJECT, captions: 'title' });
    expect(store.invalidFields.map((f) => f.field).sort()).toEqual(['slideSeconds', 'transition']);
    expect(logger.lines.find((l) => l.includes('slideSeconds'))).toMatch(/Saved setting slideSeconds \(Seconds per photo\) could not be used: .*\[1,2,3\]/);
    expect(logger.lines.find((l) => l.includes('transition'))).toMatch(/null/);
    // Saving a field again clears its complaint.
    await store.save({ slideSeconds: 12 });
    expect(store.invalidFields.map((f) => f.field)).toEqual(['transition']);
  });
});

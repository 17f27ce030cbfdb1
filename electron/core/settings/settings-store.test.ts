import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../frame-types';
import { silentLogger } from '../util/logger';
import { SettingsStore } from './settings-store';
import type { SecretCodec } from './secret-codec';

const SITE = '123e4567-e89b-12d3-a456-426614174000';
const tempDir = () => mkdtemp(join(tmpdir(), 'frame-settings-'));

function recording(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (m) => lines.push(m), warn: (m) => lines.push(m), error: (m) => lines.push(m) };
}

describe('SettingsStore', () => {
  it('saves atomically, keeps secrets apart in a 0600 file, and loads them back', async () => {
    const dir = await tempDir();
    const store = new SettingsStore(dir, silentLogger);
    const result = await store.save({ authMode: 'apiKey', apiKey: 'IST.secret-key', siteId: SITE, slideSeconds: 9 });
    expect(result.ok).toBe(true);
    expect((await readdir(dir)).sort()).toEqual(['secrets.json', 'settings.commit', 'settings.json']);
    expect(await readFile(join(dir, 'settings.json'), 'utf8')).not.toContain('IST.secret-key');
    expect((await stat(join(dir, 'secrets.json'))).mode & 0o777).toBe(0o600);
    const again = new SettingsStore(dir, silentLogger);
    expect(await again.load()).toMatchObject({ authMode: 'apiKey', apiKey: 'IST.secret-key', siteId: SITE, slideSeconds: 9 });
  });

  it('an invalid patch saves nothing at all', async () => {
    const dir = await tempDir();
    const store = new SettingsStore(dir, silentLogger);
    const result = await store.save({ slideSeconds: 20, pollSeconds: -1 });
    expect(result.ok).toBe(false);
    expect(await readdir(dir)).toEqual([]);
    expect(store.current.slideSeconds).toBe(15);
  });

  it('seals secrets with the given codec (Electron safeStorage)', async () => {
    const dir = await tempDir();
    const reversed: SecretCodec = { kind: 'test-reverse', encode: (p) => [...p].reverse().join(''), decode: (s) => [...s].reverse().join('') };
    await new SettingsStore(dir, silentLogger, reversed).save({ authMode: 'apiKey', apiKey: 'abc123', siteId: SITE });
    expect(await readFile(join(dir, 'secrets.json'), 'utf8')).toContain('321cba');
    expect((await new SettingsStore(dir, silentLogger, reversed).load()).apiKey).toBe('abc123');
    const logger = recording();
    expect((await new SettingsStore(dir, logger).load()).apiKey).toBe('');
    expect(logger.lines[0]).toMatch(/sealed differently/);
  });

  it('survives being killed mid-write: every restart finds valid files', async () => {
    const dir = await tempDir();
    const script = `
      import { SettingsStore } from ${JSON.stringify(join(import.meta.dirname, 'settings-store.ts'))};
      const store = new SettingsStore(${JSON.stringify(dir)}, { info() {}, warn() {}, error() {} });
      await store.load();
      for (let i = 0; ; i++) {
        if (i === 1) console.log('writing');
        await store.save({ slideSeconds: 2 + (i % 100), apiKey: 'k' + i, siteId: '${SITE}', authMode: 'apiKey' });
      }
    `;
    for (let round = 0; round < 8; round++) {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'ignore'] });
      await new Promise((r) => child.stdout.once('data', r));
      // Kill at a different point of the write cycle each round.
      await new Promise((r) => setTimeout(r, 5 + round * 13));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      const logger = recording();
      const loaded = await new SettingsStore(dir, logger).load();
      // At most the note that an unfinished save was rolled back to the last committed pair.
      expect(logger.lines.filter((l) => !/last save did not finish/.test(l)), `round ${round}`).toEqual([]);
      // Settings and secrets come from the same save: the key's number matches the seconds.
      expect(loaded.slideSeconds, `round ${round}`).toBe(2 + (Number(loaded.apiKey.slice(1)) % 100));
    }
    const content = JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'));
    expect(content.slideSeconds).toBeGreaterThanOrEqual(2);
  }, 60_000);
});

import { mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../frame-types';
import { createFrameLog, logLevelFromEnv } from './frame-log';

describe('the frame log (pino)', () => {
  it('writes JSON lines with time and level, at or above the chosen level, to a 0600 file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'frame-log-'));
    const log = createFrameLog({ dir, echo: false, level: 'info' });
    log.debug('not at info');
    log.info('started');
    log.warn('line with\na newline');
    log.error('broken');
    await log.close();
    const lines = (await readFile(join(dir, 'frame.log'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { level: number; time: string; msg: string });
    expect(lines.map((l) => [l.level, l.msg])).toEqual([
      [30, 'started'],
      [40, 'line with\na newline'],
      [50, 'broken'],
    ]);
    expect(new Date(lines[0]!.time).getTime()).toBeGreaterThan(0);
    expect((await stat(join(dir, 'frame.log'))).mode & 0o777).toBe(0o600);
  });

  it('rotates by size, keeping a few files, every one 0600', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'frame-log-'));
    const log = createFrameLog({ dir, echo: false, maxBytes: 2048, keep: 2 });
    for (let i = 0; i < 200; i++) {
      log.info(`line ${i} ${'x'.repeat(60)}`);
      if (i % 20 === 0) await new Promise((r) => setTimeout(r, 5)); // rotation happens between writes
    }
    await log.close();
    const files = (await readdir(dir)).sort();
    expect(files).toEqual(['frame.log', 'frame.log.1', 'frame.log.2']);
    for (const file of files) expect((await stat(join(dir, file))).mode & 0o777).toBe(0o600);
    expect(await readFile(join(dir, 'frame.log'), 'utf8')).toContain('line 199');
  });

  it('a log file that cannot be written (a file where the folder should be) is reported once, never thrown', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'frame-log-'));
    await writeFile(join(parent, 'blocked'), 'not a folder');
    const failures: string[] = [];
    const log = createFrameLog({ dir: join(parent, 'blocked'), echo: false, onFileError: (error, path) => failures.push(`${path}: ${error.message}`) });
    for (let i = 0; i < 5; i++) log.info(`line ${i}`);
    await new Promise((r) => setTimeout(r, 50));
    log.error('still fine');
    await log.close();
    expect(failures).toHaveLength(1);
    expect(failures[0]).toContain(join(parent, 'blocked', 'frame.log'));
  });

  it('FRAME_LOG_LEVEL is a level or one clear line', () => {
    expect(logLevelFromEnv({})).toBe('info');
    expect(logLevelFromEnv({ FRAME_LOG_LEVEL: 'DEBUG' })).toBe('debug');
    expect(() => logLevelFromEnv({ FRAME_LOG_LEVEL: 'loud' })).toThrow(ConfigError);
    expect(() => logLevelFromEnv({ FRAME_LOG_LEVEL: 'loud' })).toThrow(/FRAME_LOG_LEVEL must be one of debug, info, warn, error, got "loud"/);
  });
});

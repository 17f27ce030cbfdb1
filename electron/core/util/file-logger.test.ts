import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileLogger } from './file-logger';

describe('fileLogger', () => {
  it('writes lines with time and level, and rotates by size keeping a few files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'frame-log-'));
    const log = fileLogger({ dir, maxBytes: 200, keep: 2, echo: false, now: () => new Date('2026-11-23T10:00:00Z') });
    log.info('started');
    expect(await readFile(log.path, 'utf8')).toBe('2026-11-23T10:00:00.000Z info started\n');
    for (let i = 0; i < 30; i++) log.warn(`line ${i} with\na newline`);
    expect((await readdir(dir)).sort()).toEqual(['frame.log', 'frame.log.1', 'frame.log.2']);
    const newest = await readFile(log.path, 'utf8');
    expect(newest).toContain('warn line 29 with a newline');
    expect(newest.length).toBeLessThanOrEqual(200);
  });
});

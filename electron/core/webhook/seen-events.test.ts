import { appendFile, mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../util/logger';
import { SeenEventLog } from './seen-events';

describe('SeenEventLog', () => {
  it('remembers ids across a reopen, survives a half-written last line, and stays bounded', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'seen-')), 'webhook-events.log');
    const log = await SeenEventLog.open(path, silentLogger, 5);
    for (let i = 0; i < 12; i++) log.add(`evt-${i}`);
    await log.flush();
    await appendFile(path, '"evt-half');
    const reopened = await SeenEventLog.open(path, silentLogger, 5);
    expect(['evt-7', 'evt-8', 'evt-9', 'evt-10', 'evt-11'].every((id) => reopened.has(id))).toBe(true);
    expect(reopened.has('evt-0')).toBe(false);
    expect(reopened.has('evt-half')).toBe(false);
    // Rewritten with the recent ids once it held twice the capacity: the file does not grow for ever.
    expect((await readFile(path, 'utf8')).split('\n').filter(Boolean).length).toBeLessThanOrEqual(11);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });
});

import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GalleryState } from '../../../shared/gallery';
import type { Logger } from '../frame-types';
import { GallerySnapshotFile } from './snapshot-file';

const P = 'aaaaaaaa-0000-4000-8000-000000000001';
const state: GalleryState = {
  projectId: P,
  items: [{ id: 'a', title: 'A', description: '', type: 'IMAGE', sortOrder: 1, image: { id: 'a~mv2.jpg', width: 10, height: 10 } }],
  syncedAt: '2026-11-23T10:00:00.000Z',
  lastError: null,
};

function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, info: () => undefined, warn: (m) => warnings.push(m), error: (m) => warnings.push(m) };
}

describe('GallerySnapshotFile', () => {
  it('saves atomically and loads the same gallery after a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'frame-snap-'));
    await new GallerySnapshotFile(dir, recordingLogger()).save(state);
    expect(await readdir(dir)).toEqual(['gallery.json']); // no temp files left behind
    const loaded = await new GallerySnapshotFile(dir, recordingLogger()).load(P);
    expect(loaded).toEqual(state);
  });

  it('keeps only the newest state when saves pile up', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'frame-snap-'));
    const file = new GallerySnapshotFile(dir, recordingLogger());
    for (let i = 0; i < 20; i++) void file.save({ ...state, syncedAt: `T${i}` });
    await file.flush();
    expect(JSON.parse(await readFile(file.path, 'utf8')).syncedAt).toBe('T19');
  });

  it('a corrupt or foreign file is reported and ignored', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'frame-snap-'));
    const logger = recordingLogger();
    const file = new GallerySnapshotFile(dir, logger);
    await writeFile(file.path, '{"version":1,"projectId":"aaaa', 'utf8');
    expect(await file.load(P)).toBeNull();
    expect(logger.warnings[0]).toMatch(/corrupt/);
    await file.save(state);
    expect(await file.load('bbbbbbbb-0000-4000-8000-000000000002')).toBeNull();
  });

  it('a missing file is not an error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'frame-snap-'));
    const logger = recordingLogger();
    expect(await new GallerySnapshotFile(dir, logger).load(P)).toBeNull();
    expect(logger.warnings).toEqual([]);
  });

  it('damaged items in the file are left out', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'frame-snap-'));
    const file = new GallerySnapshotFile(dir, recordingLogger());
    await writeFile(file.path, JSON.stringify({ version: 1, projectId: P, syncedAt: null, items: [{ id: 'x' }, state.items[0], 'junk'] }));
    expect((await file.load(P))?.items.map((i) => i.id)).toEqual(['a']);
  });
});

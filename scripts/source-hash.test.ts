import { mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without types
import { BUILD_OUTPUTS, buildIsCurrent, recordBuild, sourceHash, STATS_FILE } from './source-hash.mjs';

function checkout(): string {
  const root = mkdtempSync(join(tmpdir(), 'frame-hash-'));
  for (const file of ['electron/main.ts', 'renderer/App.tsx', 'shared/settings.ts', 'package-lock.json', ...(BUILD_OUTPUTS as string[])]) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), file);
  }
  return root;
}

describe('builds reused by a hash of the sources', () => {
  it('a build of the same sources is current; a changed source, lock file or missing output is not; tests do not count', () => {
    const root = checkout();
    expect(buildIsCurrent(root)).toBe(false);
    recordBuild(root);
    expect(buildIsCurrent(root)).toBe(true);
    writeFileSync(join(root, 'electron/main.test.ts'), 'a test');
    expect(buildIsCurrent(root)).toBe(true);
    const before = sourceHash(root);
    writeFileSync(join(root, 'shared/settings.ts'), 'changed');
    expect(sourceHash(root)).not.toBe(before);
    expect(buildIsCurrent(root)).toBe(false);
    recordBuild(root);
    writeFileSync(join(root, 'package-lock.json'), 'upgraded');
    expect(buildIsCurrent(root)).toBe(false);
  });

  it('answers from the files\' sizes and times when nothing was touched, and from the hash when something was', () => {
    const root = checkout();
    recordBuild(root);
    const stats = readFileSync(join(root, STATS_FILE), 'utf8');
    expect(stats).toContain('shared/settings.ts\t');
    // Touched, same content (a checkout): still current, and the new times are remembered.
    utimesSync(join(root, 'renderer/App.tsx'), new Date(), new Date(Date.now() + 60_000));
    expect(buildIsCurrent(root)).toBe(true);
    expect(readFileSync(join(root, STATS_FILE), 'utf8')).not.toBe(stats);
    // The same size, another content: the time differs, so the hash decides.
    writeFileSync(join(root, 'renderer/App.tsx'), 'renderer/App.tsY');
    expect(buildIsCurrent(root)).toBe(false);
  });
});

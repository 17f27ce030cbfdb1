// A hash of everything the build reads (sources, build config, locked
// dependencies), so the start commands rebuild only when it changed. Tests
// and docs are not part of the build and do not count.
//
// Reading and hashing every source takes ~50 ms at each start; the size and
// modification time of each file, recorded with the hash, answer the common
// case (nothing touched) from a directory listing. Any difference there falls
// back to the hash, so a checkout that only touched files still reuses its build.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const SOURCE_DIRS = ['electron', 'renderer', 'shared'];
const BUILD_FILES = ['package.json', 'package-lock.json', 'vite.config.ts', 'tsconfig.json', 'tsconfig.base.json', 'tsconfig.node.json', 'tsconfig.web.json', 'scripts/build.mjs'];
/** What the shells run: a build without these is no build. */
export const BUILD_OUTPUTS = ['dist/renderer/index.html', 'dist/node/server.js', 'dist/node/relay.js', 'dist/node/cli.js', 'dist/electron/main.cjs', 'dist/electron/preload.cjs'];
export const HASH_FILE = 'dist/.source-hash';
/** Size and modification time of each source when the hash was taken. */
export const STATS_FILE = 'dist/.source-stats';

function* files(root, dir) {
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'test-support' && entry.name !== 'node_modules') yield* files(root, path);
    } else if (!/\.test\.tsx?$/.test(entry.name)) yield path;
  }
}

function sourcePaths(root) {
  return [...SOURCE_DIRS.flatMap((dir) => [...files(root, dir)]), ...BUILD_FILES.filter((f) => existsSync(join(root, f)))].map((path) => relative(root, join(root, path)).replaceAll('\\', '/'));
}

/** One line per source: path, size, modification time. */
function sourceStats(root, paths = sourcePaths(root)) {
  return paths
    .map((path) => {
      const { size, mtimeMs } = statSync(join(root, path));
      return `${path}\t${size}\t${mtimeMs}`;
    })
    .join('\n');
}

export function sourceHash(root = process.cwd(), paths = sourcePaths(root)) {
  const hash = createHash('sha256');
  for (const path of paths) {
    hash.update(path);
    hash.update('\0');
    hash.update(readFileSync(join(root, path)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** The hash and the files' stats, taken together before a build reads the sources. */
export function sourceSnapshot(root = process.cwd(), paths = sourcePaths(root)) {
  return { stats: sourceStats(root, paths), hash: sourceHash(root, paths) };
}

function readOr(path, fallback) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return fallback;
  }
}

/** True when dist/ was built from exactly these sources. */
export function buildIsCurrent(root = process.cwd()) {
  if (!BUILD_OUTPUTS.every((file) => existsSync(join(root, file)))) return false;
  const recorded = readOr(join(root, HASH_FILE), '').trim();
  if (!recorded) return false;
  // One listing of the sources serves both the stats and, when they differ, the hash.
  const paths = sourcePaths(root);
  const stats = sourceStats(root, paths);
  if (readOr(join(root, STATS_FILE), null) === stats) return true;
  if (sourceHash(root, paths) !== recorded) return false;
  // Same sources, touched (a checkout, a copy): remember their stats for the next start.
  try {
    writeFileSync(join(root, STATS_FILE), stats);
  } catch {
    // A read-only checkout: the next start hashes again, which is only slower.
  }
  return true;
}

export function recordBuild(root = process.cwd(), snapshot = sourceSnapshot(root)) {
  writeFileSync(join(root, HASH_FILE), `${snapshot.hash}\n`);
  writeFileSync(join(root, STATS_FILE), snapshot.stats);
}

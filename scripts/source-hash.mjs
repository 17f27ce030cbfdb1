// A hash of everything the build reads (sources, build config, locked
// dependencies), so the start commands rebuild only when it changed. Tests
// and docs are not part of the build and do not count.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const SOURCE_DIRS = ['electron', 'renderer', 'shared'];
const BUILD_FILES = ['package.json', 'package-lock.json', 'vite.config.ts', 'tsconfig.json', 'tsconfig.base.json', 'tsconfig.node.json', 'tsconfig.web.json', 'scripts/build.mjs'];
/** What the shells run: a build without these is no build. */
export const BUILD_OUTPUTS = ['dist/renderer/index.html', 'dist/node/server.js', 'dist/node/relay.js', 'dist/node/cli.js', 'dist/electron/main.cjs', 'dist/electron/preload.cjs'];
export const HASH_FILE = 'dist/.source-hash';

function* files(root, dir) {
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'test-support' && entry.name !== 'node_modules') yield* files(root, path);
    } else if (!/\.test\.tsx?$/.test(entry.name)) yield path;
  }
}

export function sourceHash(root = process.cwd()) {
  const hash = createHash('sha256');
  const paths = [...SOURCE_DIRS.flatMap((dir) => [...files(root, dir)]), ...BUILD_FILES.filter((f) => existsSync(join(root, f)))];
  for (const path of paths) {
    hash.update(relative(root, join(root, path)).replaceAll('\\', '/'));
    hash.update('\0');
    hash.update(readFileSync(join(root, path)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** True when dist/ was built from exactly these sources. */
export function buildIsCurrent(root = process.cwd()) {
  if (!BUILD_OUTPUTS.every((file) => existsSync(join(root, file)))) return false;
  try {
    return readFileSync(join(root, HASH_FILE), 'utf8').trim() === sourceHash(root);
  } catch {
    return false;
  }
}

export function recordBuild(root = process.cwd(), hash = sourceHash(root)) {
  writeFileSync(join(root, HASH_FILE), `${hash}\n`);
}

// `npm run serve`: the web shell from the last build when the sources are
// unchanged (scripts/source-hash.mjs), built first otherwise. One Node
// process: the check and the server share a start-up, which a Pi feels.
import { spawnSync } from 'node:child_process';
import { buildIsCurrent } from './source-hash.mjs';

if (!buildIsCurrent()) {
  console.log('frame: the sources changed since the last build (or there is none): building…');
  const result = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
await import('../dist/node/server.js');

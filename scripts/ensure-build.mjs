// `npm start` / `npm run serve` run this first: the build is reused when the
// sources it was made from are unchanged (scripts/source-hash.mjs), and made
// again only when they changed. `npm run build` always builds.
import { spawnSync } from 'node:child_process';
import { buildIsCurrent } from './source-hash.mjs';

if (!buildIsCurrent()) {
  console.log('frame: the sources changed since the last build (or there is none): building…');
  const result = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

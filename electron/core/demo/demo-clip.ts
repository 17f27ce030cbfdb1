// The demo's short video, a few hundred KB kept beside this file and copied
// next to the bundles by scripts/build.mjs (made by bench/make-demo-clip.ts).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the bundle or the source sits; the CommonJS bundle defines __dirname, the ESM one import.meta.url. */
function hereDir(): string {
  if (import.meta.url) return dirname(fileURLToPath(import.meta.url));
  return __dirname;
}

/** The clip's bytes, or null when it is missing (the demo then has photos only). */
export function readDemoClip(): Buffer | null {
  try {
    return readFileSync(join(hereDir(), 'demo-clip.webm'));
  } catch {
    return null;
  }
}

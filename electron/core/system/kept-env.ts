// The one list of what a start-on-boot entry repeats from the environment it
// was made in, used by both shells and the CLI: only what locates this
// frame's data, its ports and who may reach it, and how its memory is laid
// out. Never secrets (they live in secrets.json), never what saved settings
// decide.
import { resolve } from 'node:path';

/**
 * Set by every start-on-boot entry unless the environment it was made in says
 * otherwise. glibc gives each busy thread its own malloc arena (eight per
 * core), and over hours their fragments made the frame's RSS creep 1.3 MB/h;
 * with two arenas it stays under 1 MB/h and starts 8 MB smaller (`npm run
 * soak`). Electron's renderers inherit it.
 */
export const SET_ON_BOOT: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2' };

export const KEPT_ON_BOOT = [
  'FRAME_DATA_DIR',
  'FRAME_HTTP_HOST',
  'FRAME_HTTP_PORT',
  'FRAME_HTTP_ALLOWED_HOSTS',
  'FRAME_WEBHOOK_HOST',
  'FRAME_WEBHOOK_PORT',
  'FRAME_CACHE_MB',
  'FRAME_LOG_LEVEL',
  'MALLOC_ARENA_MAX',
] as const;

/** SET_ON_BOOT, then the kept variables that are set; a relative data dir is made absolute (boot starts elsewhere). */
export function keptEnvironment(env: NodeJS.ProcessEnv, cwd: string = process.cwd()): Record<string, string> {
  const kept: Record<string, string> = { ...SET_ON_BOOT };
  for (const name of KEPT_ON_BOOT) {
    const value = env[name]?.trim();
    if (value) kept[name] = name === 'FRAME_DATA_DIR' ? resolve(cwd, value) : value;
  }
  return kept;
}

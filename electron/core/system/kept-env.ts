// The one list of what a start-on-boot entry repeats from the environment it
// was made in, used by both shells and the CLI: only what locates this
// frame's data, its ports and who may reach it. Never secrets (they live in
// secrets.json), never what saved settings decide.
import { resolve } from 'node:path';

export const KEPT_ON_BOOT = [
  'FRAME_DATA_DIR',
  'FRAME_HTTP_HOST',
  'FRAME_HTTP_PORT',
  'FRAME_HTTP_ALLOWED_HOSTS',
  'FRAME_WEBHOOK_HOST',
  'FRAME_WEBHOOK_PORT',
  'FRAME_CACHE_MB',
  'FRAME_LOG_LEVEL',
] as const;

/** The kept variables that are set; a relative data dir is made absolute (boot starts elsewhere). */
export function keptEnvironment(env: NodeJS.ProcessEnv, cwd: string = process.cwd()): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of KEPT_ON_BOOT) {
    const value = env[name]?.trim();
    if (value) kept[name] = name === 'FRAME_DATA_DIR' ? resolve(cwd, value) : value;
  }
  return kept;
}

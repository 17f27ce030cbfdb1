// The platform's user-data folder, the same one Electron's app.getPath('userData')
// gives for "Frame", so both shells and the CLI share settings and gallery.
import { homedir } from 'node:os';
import { join } from 'node:path';

export function platformDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Frame');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Frame');
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'Frame');
}

/** FRAME_DATA_DIR wins, as everywhere. */
export function dataDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env.FRAME_DATA_DIR?.trim() || platformDataDir(env);
}

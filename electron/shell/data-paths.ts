// Where Electron keeps its files. FRAME_DATA_DIR, when set, becomes Electron's
// userData too: the single-instance lock is per data dir (a test instance with
// its own dir never collides with the frame on the wall), and everything
// about one frame lives in one folder. Chromium's own caches go to a
// subfolder so the settings and gallery files stay easy to find.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError } from '../core/frame-types';

export interface AppPaths {
  getPath(name: 'userData'): string;
  setPath(name: 'userData' | 'sessionData', path: string): void;
}

export const CHROMIUM_SUBDIR = 'chromium';

/** Must run before ready and before requestSingleInstanceLock. Returns the data dir. */
export function applyDataDir(app: AppPaths, env: NodeJS.ProcessEnv, mkdir: (path: string) => void = (path) => mkdirSync(path, { recursive: true })): string {
  const fromEnv = env.FRAME_DATA_DIR?.trim();
  const dataDir = fromEnv ? resolve(fromEnv) : app.getPath('userData');
  const sessionDir = join(dataDir, CHROMIUM_SUBDIR);
  try {
    // Electron refuses setPath for a folder that does not exist yet.
    mkdir(sessionDir);
  } catch (error) {
    throw new ConfigError(`FRAME_DATA_DIR must be a writable folder; "${dataDir}" could not be created (${(error as Error).message}).`);
  }
  if (fromEnv) app.setPath('userData', dataDir);
  app.setPath('sessionData', sessionDir);
  return dataDir;
}

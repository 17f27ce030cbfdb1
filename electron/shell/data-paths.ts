// Where Electron keeps its files. FRAME_DATA_DIR, when set, becomes Electron's
// userData too: the single-instance lock is per data dir (a test instance with
// its own dir never collides with the frame on the wall), and everything
// about one frame lives in one folder. Chromium's own caches go to a
// subfolder so the settings and gallery files stay easy to find.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface AppPaths {
  getPath(name: 'userData'): string;
  setPath(name: 'userData' | 'sessionData', path: string): void;
}

export const CHROMIUM_SUBDIR = 'chromium';

export interface AppliedDataDir {
  dataDir: string;
  /** Set when the data dir could not take Chromium's files, which then went to a temporary folder. */
  problem: string | null;
}

/**
 * Must run before ready and before requestSingleInstanceLock. A data dir that
 * cannot be made (read-only or missing card) never stops the kiosk: Chromium's
 * files go to a temporary folder and the core reports the storage problem.
 */
export function applyDataDir(
  app: AppPaths,
  env: NodeJS.ProcessEnv,
  mkdir: (path: string) => void = (path) => mkdirSync(path, { recursive: true }),
  fallbackDir: string = join(tmpdir(), `frame-chromium-${process.getuid?.() ?? 'user'}`),
): AppliedDataDir {
  const fromEnv = env.FRAME_DATA_DIR?.trim();
  const dataDir = fromEnv ? resolve(fromEnv) : app.getPath('userData');
  const sessionDir = join(dataDir, CHROMIUM_SUBDIR);
  try {
    // Electron refuses setPath for a folder that does not exist yet.
    mkdir(sessionDir);
  } catch (error) {
    mkdir(fallbackDir);
    if (fromEnv) app.setPath('userData', fallbackDir);
    app.setPath('sessionData', fallbackDir);
    return { dataDir, problem: `"${dataDir}" could not take Chromium's files (${(error as Error).message}); they go to ${fallbackDir} for this run.` };
  }
  if (fromEnv) app.setPath('userData', dataDir);
  app.setPath('sessionData', sessionDir);
  return { dataDir, problem: null };
}

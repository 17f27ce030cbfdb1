// The kiosk window's options, pinned by window-options.test.ts. Pure, so the
// security-relevant settings are reviewed in one place and cannot drift.
import type { BrowserWindowConstructorOptions } from 'electron';
import { ConfigError } from '../core/frame-types';

export interface WindowOptionsInput {
  /** Absolute path of the bundled preload (dist/electron/preload.cjs). */
  preloadPath: string;
  /** Whether DevTools may open at all (see devToolsPolicy). */
  devTools: boolean;
}

export function mainWindowOptions({ preloadPath, devTools }: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: 'Frame',
    kiosk: true,
    fullscreen: true,
    frame: false,
    autoHideMenuBar: true,
    backgroundColor: '#000000',
    // Shown on ready-to-show, so the screen never flashes white while loading.
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      devTools,
      spellcheck: false,
    },
  };
}

export interface DevToolsPolicy {
  /** DevTools can be opened in this window (webPreferences.devTools). */
  allowed: boolean;
  /** Open them (detached) with every window: FRAME_DEVTOOLS=1, for debugging a frame in place. */
  openOnStart: boolean;
}

/**
 * Packaged builds get no DevTools (a frame on a wall has no one to use them,
 * and they are a way around every other guard) unless FRAME_DEVTOOLS=1 asks
 * for them; `npm start` from a checkout allows them. FRAME_DEVTOOLS=0 turns
 * them off in a checkout too.
 */
export function devToolsPolicy(isPackaged: boolean, env: NodeJS.ProcessEnv): DevToolsPolicy {
  const raw = env.FRAME_DEVTOOLS?.trim() ?? '';
  if (raw !== '' && raw !== '0' && raw !== '1') throw new ConfigError(`FRAME_DEVTOOLS must be 1 (open DevTools) or 0 (no DevTools), got "${raw}".`);
  if (raw === '1') return { allowed: true, openOnStart: true };
  return { allowed: raw === '' && !isPackaged, openOnStart: false };
}

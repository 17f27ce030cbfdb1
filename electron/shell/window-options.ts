// The kiosk window's options, pinned by window-options.test.ts. Pure, so the
// security-relevant settings are reviewed in one place and cannot drift.
import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowOptionsInput {
  /** Absolute path of the bundled preload (dist/electron/preload.cjs). */
  preloadPath: string;
  /** Packaged builds get no DevTools: a frame on a wall has no one to use them. */
  production: boolean;
}

export function mainWindowOptions({ preloadPath, production }: WindowOptionsInput): BrowserWindowConstructorOptions {
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
      devTools: !production,
      spellcheck: false,
    },
  };
}

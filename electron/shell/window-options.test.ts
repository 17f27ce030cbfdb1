import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from './window-options';

describe('mainWindowOptions', () => {
  it('pins the kiosk window and its security settings', () => {
    expect(mainWindowOptions({ preloadPath: '/app/dist/electron/preload.cjs', production: true })).toEqual({
      title: 'Frame',
      kiosk: true,
      fullscreen: true,
      frame: false,
      autoHideMenuBar: true,
      backgroundColor: '#000000',
      show: false,
      webPreferences: {
        preload: '/app/dist/electron/preload.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webviewTag: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        devTools: false,
        spellcheck: false,
      },
    });
  });

  it('allows DevTools only outside production', () => {
    expect(mainWindowOptions({ preloadPath: '/p.cjs', production: false }).webPreferences?.devTools).toBe(true);
    expect(mainWindowOptions({ preloadPath: '/p.cjs', production: true }).webPreferences?.devTools).toBe(false);
  });

  it('returns a fresh object each time (no shared mutable state between windows)', () => {
    const a = mainWindowOptions({ preloadPath: '/p.cjs', production: true });
    const b = mainWindowOptions({ preloadPath: '/p.cjs', production: true });
    expect(a).not.toBe(b);
    expect(a.webPreferences).not.toBe(b.webPreferences);
  });
});

import { describe, expect, it } from 'vitest';
import { ConfigError } from '../core/frame-types';
import { devToolsPolicy, mainWindowOptions } from './window-options';

describe('mainWindowOptions', () => {
  it('pins the kiosk window and its security settings', () => {
    expect(mainWindowOptions({ preloadPath: '/app/dist/electron/preload.cjs', devTools: false })).toEqual({
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
        experimentalFeatures: false,
        devTools: false,
        spellcheck: false,
      },
    });
  });

  it('passes the DevTools decision through', () => {
    expect(mainWindowOptions({ preloadPath: '/p.cjs', devTools: true }).webPreferences?.devTools).toBe(true);
    expect(mainWindowOptions({ preloadPath: '/p.cjs', devTools: false }).webPreferences?.devTools).toBe(false);
  });

  it('returns a fresh object each time (no shared mutable state between windows)', () => {
    const a = mainWindowOptions({ preloadPath: '/p.cjs', devTools: false });
    const b = mainWindowOptions({ preloadPath: '/p.cjs', devTools: false });
    expect(a).not.toBe(b);
    expect(a.webPreferences).not.toBe(b.webPreferences);
  });
});

describe('devToolsPolicy', () => {
  it('allows no DevTools in a packaged build', () => {
    expect(devToolsPolicy(true, {})).toEqual({ allowed: false, openOnStart: false });
    expect(devToolsPolicy(true, { FRAME_DEVTOOLS: '0' })).toEqual({ allowed: false, openOnStart: false });
  });

  it('allows them from a checkout, without opening them', () => {
    expect(devToolsPolicy(false, {})).toEqual({ allowed: true, openOnStart: false });
    expect(devToolsPolicy(false, { FRAME_DEVTOOLS: ' ' })).toEqual({ allowed: true, openOnStart: false });
  });

  it('FRAME_DEVTOOLS=0 turns them off in a checkout too', () => {
    expect(devToolsPolicy(false, { FRAME_DEVTOOLS: '0' })).toEqual({ allowed: false, openOnStart: false });
  });

  it('FRAME_DEVTOOLS=1 allows and opens them, packaged or not', () => {
    expect(devToolsPolicy(true, { FRAME_DEVTOOLS: '1' })).toEqual({ allowed: true, openOnStart: true });
    expect(devToolsPolicy(false, { FRAME_DEVTOOLS: '1' })).toEqual({ allowed: true, openOnStart: true });
  });

  it('refuses any other value with one line naming the variable', () => {
    expect(() => devToolsPolicy(true, { FRAME_DEVTOOLS: 'yes' })).toThrow(new ConfigError('FRAME_DEVTOOLS must be 1 (open DevTools) or 0 (no DevTools), got "yes".'));
  });
});

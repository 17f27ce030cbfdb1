import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appArguments, electronLaunchCommand } from './launch';

const MAIN = '/home/pi/frame/dist/electron/main.cjs';

describe('appArguments', () => {
  it('packaged: everything after the executable', () => {
    expect(appArguments(['/opt/Frame/frame', '--demo'], true, [])).toEqual(['--demo']);
  });

  it('development: everything after main.cjs, however it was named', () => {
    expect(appArguments(['/x/electron', MAIN, '--demo'], false, [MAIN])).toEqual(['--demo']);
    expect(appArguments(['/x/electron', 'dist/electron/main.cjs', '--demo'], false, [resolve('dist/electron/main.cjs')])).toEqual(['--demo']);
  });

  it('development: skips switches a launcher put before the app (Playwright does)', () => {
    expect(appArguments(['/x/electron', '--remote-debugging-port=0', '--no-sandbox', MAIN, '--demo'], false, [MAIN])).toEqual(['--demo']);
  });

  it('development: `electron .` names the app folder', () => {
    expect(appArguments(['/x/electron', '.', '--demo'], false, [MAIN, resolve('.')])).toEqual(['--demo']);
  });

  it('falls back to the usual two when the app is not found', () => {
    expect(appArguments(['/x/electron', 'elsewhere.js', '--demo'], false, [MAIN])).toEqual(['--demo']);
  });
});

describe('electronLaunchCommand', () => {
  it('packaged: the executable and the arguments, an Electron kiosk with two malloc arenas', () => {
    expect(electronLaunchCommand({ execPath: '/opt/Frame/frame', isPackaged: true, mainScript: MAIN, args: ['--demo'], env: {} })).toEqual({
      command: ['/opt/Frame/frame', '--demo'],
      electron: true,
      env: { MALLOC_ARENA_MAX: '2' },
    });
  });

  it('development: electron, main.cjs and the arguments', () => {
    expect(electronLaunchCommand({ execPath: '/x/electron', isPackaged: false, mainScript: MAIN, args: [], env: {} }).command).toEqual(['/x/electron', MAIN]);
  });

  it('keeps where the data and both servers live, never secrets or settings', () => {
    const env = {
      FRAME_DATA_DIR: 'data',
      FRAME_HTTP_HOST: '0.0.0.0',
      FRAME_HTTP_PORT: '8080',
      FRAME_WEBHOOK_PORT: '9000',
      FRAME_WEBHOOK_HOST: '0.0.0.0',
      WIX_API_KEY: 'IST.secret',
      WIX_CLIENT_SECRET: 'secret',
      FRAME_ADMIN_TOKEN: 'token',
      FRAME_SLIDE_SECONDS: '5',
      PATH: '/usr/bin',
    };
    expect(electronLaunchCommand({ execPath: '/opt/Frame/frame', isPackaged: true, mainScript: MAIN, args: [], env }).env).toEqual({
      MALLOC_ARENA_MAX: '2',
      FRAME_DATA_DIR: resolve('data'),
      FRAME_HTTP_HOST: '0.0.0.0',
      FRAME_HTTP_PORT: '8080',
      FRAME_WEBHOOK_PORT: '9000',
      FRAME_WEBHOOK_HOST: '0.0.0.0',
    });
  });
});

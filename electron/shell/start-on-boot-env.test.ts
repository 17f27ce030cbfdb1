import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { electronLaunchCommand } from './launch';
import { runAutostartCommand } from '../core/system/autostart-cli';
import { keptEnvironment } from '../core/system/kept-env';

const ENV = {
  FRAME_DATA_DIR: 'frame-data',
  FRAME_HTTP_HOST: '0.0.0.0',
  FRAME_HTTP_PORT: '8080',
  FRAME_WEBHOOK_PORT: '9000',
  WIX_API_KEY: 'IST.secret',
  WIX_CLIENT_SECRET: 'secret',
  FRAME_ADMIN_TOKEN: 'token-token-token',
  FRAME_SLIDE_SECONDS: '5',
};
const KEPT = { MALLOC_ARENA_MAX: '2', FRAME_DATA_DIR: resolve('frame-data'), FRAME_HTTP_HOST: '0.0.0.0', FRAME_HTTP_PORT: '8080', FRAME_WEBHOOK_PORT: '9000' };

afterEach(() => vi.unstubAllEnvs());

describe('what start-on-boot keeps', () => {
  it('ports, hosts and the data dir; never secrets or settings', () => {
    expect(keptEnvironment(ENV)).toEqual(KEPT);
  });

  it('two malloc arenas unless the environment it was made in asks for another number', () => {
    expect(keptEnvironment({})).toEqual({ MALLOC_ARENA_MAX: '2' });
    expect(keptEnvironment({ ...ENV, MALLOC_ARENA_MAX: '4' })).toEqual({ ...KEPT, MALLOC_ARENA_MAX: '4' });
  });

  it('is the same for the kiosk, the web shell and the CLI: a LAN-reachable kiosk comes back LAN-reachable', async () => {
    expect(electronLaunchCommand({ execPath: '/opt/Frame/frame', isPackaged: true, mainScript: '/x/main.cjs', args: [], env: ENV }).env).toEqual(KEPT);
    const home = await mkdtemp(join(tmpdir(), 'frame-kept-'));
    for (const [name, value] of Object.entries(ENV)) vi.stubEnv(name, value);
    vi.stubEnv('XDG_CONFIG_HOME', home);
    expect(await runAutostartCommand(['on', '--method', 'xdg', '--web'], () => undefined)).toBe(0);
    const entry = await readFile(join(home, 'autostart', 'frame.desktop'), 'utf8');
    expect(entry).toContain('Exec=env MALLOC_ARENA_MAX=2 ');
    expect(entry).toContain('FRAME_HTTP_HOST=0.0.0.0');
    expect(entry).toContain(`FRAME_DATA_DIR=${resolve('frame-data')}`);
    expect(entry).not.toContain('secret');
    expect(entry).not.toContain('FRAME_SLIDE_SECONDS');
    expect(await runAutostartCommand(['on', '--method', 'systemd', '--web'], () => undefined)).toBe(0);
    const unit = await readFile(join(home, 'systemd', 'user', 'frame.service'), 'utf8');
    expect(unit).toContain('\nEnvironment=MALLOC_ARENA_MAX=2\n');
    expect(unit).toContain('\nEnvironment=FRAME_HTTP_HOST=0.0.0.0\n');
  });
});

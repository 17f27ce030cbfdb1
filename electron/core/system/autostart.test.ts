import { lstat, mkdtemp, readFile, readlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { autostartStatus, setAutostart, type AutostartOptions } from './autostart';

async function options(overrides: Partial<AutostartOptions> = {}): Promise<AutostartOptions> {
  return {
    home: await mkdtemp(join(tmpdir(), 'frame-home-')),
    platform: 'linux',
    wayland: true,
    launch: { command: ['/opt/Frame/frame'], electron: true, env: { FRAME_DATA_DIR: '/home/pi/frame data' } },
    ...overrides,
  };
}

describe('start on boot', () => {
  it('writes and removes the XDG autostart entry with the kiosk flags', async () => {
    const o = await options();
    const status = await setAutostart(o, true, 'xdg');
    expect(status.installed).toEqual({ xdg: true, systemd: false });
    expect(await readFile(join(o.home, '.config/autostart/frame.desktop'), 'utf8')).toBe(
      [
        '[Desktop Entry]',
        'Type=Application',
        'Name=Frame',
        'Comment=Wix Portfolio photo frame',
        'Exec=env FRAME_DATA_DIR="/home/pi/frame data" /opt/Frame/frame --ozone-platform=wayland',
        'Terminal=false',
        'X-GNOME-Autostart-enabled=true',
        '',
      ].join('\n'),
    );
    expect((await setAutostart(o, false, 'xdg')).installed.xdg).toBe(false);
    await expect(lstat(join(o.home, '.config/autostart/frame.desktop'))).rejects.toThrow();
  });

  it('writes and enables a systemd user unit with restart on failure', async () => {
    const o = await options({ wayland: false, launch: { command: ['/usr/bin/node', '/opt/frame/dist/node/server.js'], electron: false, env: {} } });
    const status = await setAutostart(o, true, 'systemd');
    expect(status.installed).toEqual({ xdg: false, systemd: true });
    const unit = join(o.home, '.config/systemd/user/frame.service');
    expect(await readFile(unit, 'utf8')).toBe(
      [
        '[Unit]',
        'Description=Frame photo frame',
        'After=graphical-session.target network-online.target',
        'PartOf=graphical-session.target',
        '',
        '[Service]',
        'Type=simple',
        'ExecStart=/usr/bin/node /opt/frame/dist/node/server.js',
        'Restart=on-failure',
        'RestartSec=5',
        '',
        '[Install]',
        'WantedBy=graphical-session.target',
        '',
      ].join('\n'),
    );
    expect(await readlink(join(o.home, '.config/systemd/user/graphical-session.target.wants/frame.service'))).toBe(unit);
    expect((await setAutostart(o, false, 'systemd')).installed.systemd).toBe(false);
  });

  it('the systemd unit of an Electron kiosk always asks for Wayland', async () => {
    const o = await options({ wayland: false });
    await setAutostart(o, true, 'systemd');
    expect(await readFile(join(o.home, '.config/systemd/user/frame.service'), 'utf8')).toContain('ExecStart=/opt/Frame/frame --ozone-platform=wayland\nEnvironment="FRAME_DATA_DIR=/home/pi/frame data"\n');
  });

  it('honours XDG_CONFIG_HOME and says where the files are', async () => {
    const o = await options();
    const configHome = join(o.home, 'cfg');
    const status = await autostartStatus({ ...o, configHome });
    expect(status.paths.xdg).toBe(join(configHome, 'autostart', 'frame.desktop'));
  });

  it('is not offered off Linux', async () => {
    const o = await options({ platform: 'darwin' });
    const status = await setAutostart(o, true, 'xdg');
    expect(status.supported).toBe(false);
    expect(status.installed.xdg).toBe(false);
  });
});

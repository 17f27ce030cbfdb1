// Start on boot for the current Linux user: an XDG autostart entry (desktop
// sessions such as labwc and GNOME) or a systemd user unit with restart on
// failure (headless or Wayland kiosks). app.setLoginItemSettings does
// nothing on Linux, so Frame writes these files itself.
import { lstat, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { AutostartMethod, AutostartStatus } from '../../../shared/settings-api';

export interface LaunchCommand {
  /** Program and arguments, e.g. ['/opt/Frame/frame'] or ['/usr/bin/node', '/opt/frame/dist/node/server.js']. */
  command: string[];
  /** Electron kiosks on Wayland need --ozone-platform=wayland. */
  electron: boolean;
  /** Environment worth keeping (FRAME_DATA_DIR, ports) when started at boot. */
  env: Record<string, string>;
}

export interface AutostartOptions {
  home: string;
  /** XDG_CONFIG_HOME, when set. */
  configHome?: string;
  platform: NodeJS.Platform;
  launch: LaunchCommand;
  wayland: boolean;
}

const UNIT = 'frame.service';
const WANTED_BY = 'graphical-session.target';

export function autostartPaths(options: Pick<AutostartOptions, 'home' | 'configHome'>): Record<AutostartMethod | 'systemdWants', string> {
  const config = options.configHome || join(options.home, '.config');
  return {
    xdg: join(config, 'autostart', 'frame.desktop'),
    systemd: join(config, 'systemd', 'user', UNIT),
    systemdWants: join(config, 'systemd', 'user', `${WANTED_BY}.wants`, UNIT),
  };
}

/** Quotes an argument for a desktop entry's Exec= and a unit's ExecStart=. */
function quote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `"${arg.replace(/(["\\`$])/g, '\\$1')}"`;
}

function argv(options: AutostartOptions, forSystemd: boolean): string {
  const args = [...options.launch.command];
  if (options.launch.electron && (options.wayland || forSystemd)) args.push('--ozone-platform=wayland');
  return args.map(quote).join(' ');
}

export function desktopEntry(options: AutostartOptions): string {
  const env = Object.entries(options.launch.env).map(([k, v]) => `${k}=${quote(v)}`);
  const exec = env.length ? `env ${env.join(' ')} ${argv(options, false)}` : argv(options, false);
  return ['[Desktop Entry]', 'Type=Application', 'Name=Frame', 'Comment=Wix Portfolio photo frame', `Exec=${exec}`, 'Terminal=false', 'X-GNOME-Autostart-enabled=true', ''].join('\n');
}

export function systemdUnit(options: AutostartOptions): string {
  const env = Object.entries(options.launch.env).map(([k, v]) => `Environment=${quote(`${k}=${v}`)}`);
  return [
    '[Unit]',
    'Description=Frame photo frame',
    `After=${WANTED_BY} network-online.target`,
    `PartOf=${WANTED_BY}`,
    '',
    '[Service]',
    'Type=simple',
    `ExecStart=${argv(options, true)}`,
    ...env,
    'Restart=on-failure',
    'RestartSec=5',
    '',
    '[Install]',
    `WantedBy=${WANTED_BY}`,
    '',
  ].join('\n');
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

export async function autostartStatus(options: AutostartOptions): Promise<AutostartStatus> {
  const paths = autostartPaths(options);
  const supported = options.platform === 'linux';
  return {
    supported,
    installed: { xdg: await exists(paths.xdg), systemd: (await exists(paths.systemd)) && (await exists(paths.systemdWants)) },
    paths: { xdg: paths.xdg, systemd: paths.systemd },
    ...(supported ? {} : { message: 'Start on boot is offered on Linux; on this system use its own login items.' }),
  };
}

export async function setAutostart(options: AutostartOptions, enabled: boolean, method: AutostartMethod): Promise<AutostartStatus> {
  const paths = autostartPaths(options);
  if (options.platform !== 'linux') return autostartStatus(options);
  if (method === 'xdg') {
    if (enabled) {
      await mkdir(dirname(paths.xdg), { recursive: true });
      await writeFile(paths.xdg, desktopEntry(options), { mode: 0o644 });
    } else await rm(paths.xdg, { force: true });
  } else if (enabled) {
    await mkdir(dirname(paths.systemdWants), { recursive: true });
    await writeFile(paths.systemd, systemdUnit(options), { mode: 0o644 });
    // What `systemctl --user enable` does: a link in the target's wants folder.
    await rm(paths.systemdWants, { force: true });
    await symlink(paths.systemd, paths.systemdWants);
  } else {
    await rm(paths.systemdWants, { force: true });
    await rm(paths.systemd, { force: true });
  }
  const status = await autostartStatus(options);
  const note = method === 'systemd' && enabled ? 'Installed; it starts at the next login (or now: systemctl --user daemon-reload && systemctl --user start frame).' : undefined;
  return note ? { ...status, message: note } : status;
}

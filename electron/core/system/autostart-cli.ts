// `frame autostart on|off|status`: start on boot, for people setting up over SSH.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { keptEnvironment } from './kept-env';
import { autostartStatus, setAutostart, type AutostartOptions, type LaunchCommand } from './autostart';

/** The installed app when there is one, else this checkout. */
function launchCommand(web: boolean, env: NodeJS.ProcessEnv): LaunchCommand {
  const kept = keptEnvironment(env);
  const root = resolve(process.cwd());
  if (web) return { command: [process.execPath, resolve(root, 'dist/node/server.js')], electron: false, env: kept };
  const installed = ['/opt/Frame/frame', '/usr/bin/frame'].find((path) => existsSync(path));
  const command = installed ? [installed] : [resolve(root, 'node_modules/.bin/electron'), resolve(root, 'dist/electron/main.cjs')];
  return { command, electron: true, env: kept };
}

export async function runAutostartCommand(args: string[], print: (line: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { method: { type: 'string', default: 'xdg' }, web: { type: 'boolean', default: false } } });
  const action = positionals[0] ?? 'status';
  const method = values.method;
  if (method !== 'xdg' && method !== 'systemd') {
    print(`--method must be xdg or systemd, got "${method}".`);
    return 2;
  }
  if (action !== 'on' && action !== 'off' && action !== 'status') {
    print(`autostart takes on, off or status, got "${action}".`);
    return 2;
  }
  const env = process.env;
  const options: AutostartOptions = {
    home: homedir(),
    ...(env.XDG_CONFIG_HOME ? { configHome: env.XDG_CONFIG_HOME } : {}),
    platform: process.platform,
    wayland: Boolean(env.WAYLAND_DISPLAY) || env.XDG_SESSION_TYPE === 'wayland',
    launch: launchCommand(values.web ?? false, env),
  };
  const status = action === 'status' ? await autostartStatus(options) : await setAutostart(options, action === 'on', method);
  if (!status.supported) {
    print(status.message ?? 'Start on boot is not offered on this system.');
    return 1;
  }
  print(`XDG autostart entry: ${status.installed.xdg ? 'installed' : 'not installed'} (${status.paths.xdg})`);
  print(`systemd user unit:   ${status.installed.systemd ? 'installed and enabled' : 'not installed'} (${status.paths.systemd})`);
  if (status.message) print(status.message);
  return 0;
}

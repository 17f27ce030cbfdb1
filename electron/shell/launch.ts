// How this Electron process was started: the user's arguments (for the core's
// --demo) and the command a start-on-boot entry should run to start it again.
import { resolve } from 'node:path';
import type { LaunchCommand } from '../core/system/autostart';
import { keptEnvironment } from '../core/system/kept-env';

/**
 * Arguments after the app. Packaged: [frame, ...args]. Development:
 * [electron, ...chromium switches, main.cjs or app dir, ...args]; the app is
 * found by path, since tools such as Playwright put switches before it.
 */
export function appArguments(argv: readonly string[], isPackaged: boolean, appEntries: readonly string[]): string[] {
  if (isPackaged) return argv.slice(1);
  const entries = new Set(appEntries.map((entry) => resolve(entry)));
  const at = argv.findIndex((arg, index) => index > 0 && !arg.startsWith('-') && entries.has(resolve(arg)));
  return argv.slice(at > 0 ? at + 1 : 2);
}

export interface LaunchInput {
  execPath: string;
  isPackaged: boolean;
  /** Absolute path of dist/electron/main.cjs (development only). */
  mainScript: string;
  args: readonly string[];
  env: NodeJS.ProcessEnv;
}

export function electronLaunchCommand({ execPath, isPackaged, mainScript, args, env }: LaunchInput): LaunchCommand {
  return {
    command: isPackaged ? [execPath, ...args] : [execPath, mainScript, ...args],
    electron: true,
    env: keptEnvironment(env),
  };
}

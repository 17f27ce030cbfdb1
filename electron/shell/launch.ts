// How this Electron process was started: the user's arguments (for the core's
// --demo) and the command a start-on-boot entry should run to start it again.
import { resolve } from 'node:path';
import type { LaunchCommand } from '../core/system/autostart';

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

/** Only what locates this frame's data and ports; never secrets, never what saved settings should decide. */
const KEPT_ENV = ['FRAME_DATA_DIR', 'FRAME_WEBHOOK_HOST', 'FRAME_WEBHOOK_PORT'] as const;

export interface LaunchInput {
  execPath: string;
  isPackaged: boolean;
  /** Absolute path of dist/electron/main.cjs (development only). */
  mainScript: string;
  args: readonly string[];
  env: NodeJS.ProcessEnv;
}

export function electronLaunchCommand({ execPath, isPackaged, mainScript, args, env }: LaunchInput): LaunchCommand {
  const kept: Record<string, string> = {};
  for (const name of KEPT_ENV) {
    const value = env[name]?.trim();
    if (value) kept[name] = name === 'FRAME_DATA_DIR' ? resolve(value) : value;
  }
  return {
    command: isPackaged ? [execPath, ...args] : [execPath, mainScript, ...args],
    electron: true,
    env: kept,
  };
}

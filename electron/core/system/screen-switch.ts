// Switches the display with a named method: a fixed program with fixed
// arguments, run without a shell (execFile), or the DSI backlight's sysfs
// switch. Nothing a settings request carries ever becomes a command.
import { execFile } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ScreenPowerMethod } from '../../../shared/settings';

export type ScreenState = 'on' | 'off';
export interface SwitchResult {
  ok: boolean;
  detail: string;
}
export type ScreenSwitch = (method: ScreenPowerMethod, state: ScreenState) => Promise<SwitchResult>;

/** The program and arguments each method runs; wlr-randr and backlight need a lookup first (below). */
export const SCREEN_COMMANDS: Record<Exclude<ScreenPowerMethod, 'none' | 'backlight' | 'wlr-randr'>, Record<ScreenState, string[]>> = {
  wlopm: { off: ['wlopm', '--off', '*'], on: ['wlopm', '--on', '*'] },
  vcgencmd: { off: ['vcgencmd', 'display_power', '0'], on: ['vcgencmd', 'display_power', '1'] },
  xset: { off: ['xset', 'dpms', 'force', 'off'], on: ['xset', 'dpms', 'force', 'on'] },
  cec: { off: ['cec-ctl', '--to', '0', '--standby'], on: ['cec-ctl', '--to', '0', '--image-view-on'] },
};

const BACKLIGHT_DIR = '/sys/class/backlight';

export function runProgram(argv: string[], timeoutMs = 10_000): Promise<SwitchResult & { stdout: string }> {
  const [program, ...args] = argv;
  return new Promise((resolve) => {
    execFile(program!, args, { timeout: timeoutMs, shell: false }, (error, stdout, stderr) => {
      if (!error) resolve({ ok: true, detail: '', stdout });
      else resolve({ ok: false, detail: firstLine(stderr.trim() || error.message), stdout });
    });
  });
}

export interface SwitchDeps {
  run?: typeof runProgram;
  backlightDir?: string;
  /** FRAME_SCREEN_OFF_COMMAND / FRAME_SCREEN_ON_COMMAND, already split: when set, they switch the screen whatever method is chosen. */
  custom?: Record<ScreenState, string[]> | null;
}

export function createScreenSwitch(deps: SwitchDeps = {}): ScreenSwitch {
  const run = deps.run ?? runProgram;
  const backlightDir = deps.backlightDir ?? BACKLIGHT_DIR;
  const custom = deps.custom ?? null;
  return async (method, state) => {
    if (custom) return run(custom[state]);
    switch (method) {
      case 'none':
        return { ok: true, detail: '' };
      case 'backlight':
        return switchBacklight(backlightDir, state);
      case 'wlr-randr':
        return switchWlrRandr(run, state);
      default:
        return run(SCREEN_COMMANDS[method][state]);
    }
  };
}

/** bl_power: 0 is on, 4 (FB_BLANK_POWERDOWN) is off; every panel found is switched. */
async function switchBacklight(dir: string, state: ScreenState): Promise<SwitchResult> {
  const panels = await readdir(dir).catch(() => [] as string[]);
  if (panels.length === 0) return { ok: false, detail: `no backlight found in ${dir}` };
  try {
    await Promise.all(panels.map((panel) => writeFile(join(dir, panel, 'bl_power'), state === 'on' ? '0' : '4')));
    return { ok: true, detail: '' };
  } catch (error) {
    return { ok: false, detail: firstLine((error as Error).message) };
  }
}

/** wlr-randr switches named outputs: list them, then switch each. */
async function switchWlrRandr(run: typeof runProgram, state: ScreenState): Promise<SwitchResult> {
  const listing = await run(['wlr-randr']);
  if (!listing.ok) return listing;
  const outputs = listing.stdout.split('\n').filter((line) => /^\S/.test(line)).map((line) => line.split(/\s/)[0]!);
  if (outputs.length === 0) return { ok: false, detail: 'wlr-randr listed no outputs' };
  for (const output of outputs) {
    const result = await run(['wlr-randr', '--output', output, state === 'on' ? '--on' : '--off']);
    if (!result.ok) return result;
  }
  return { ok: true, detail: '' };
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.slice(0, 200);
}

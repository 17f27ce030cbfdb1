import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createScreenSwitch, runProgram } from './screen-switch';

function recorder(stdout = '') {
  const calls: string[][] = [];
  const run = async (argv: string[]) => (calls.push(argv), { ok: true, detail: '', stdout });
  return { calls, run };
}

describe('screen switch', () => {
  it('runs each named method as a fixed program with fixed arguments', async () => {
    const { calls, run } = recorder();
    const switchScreen = createScreenSwitch({ run });
    await switchScreen('wlopm', 'off');
    await switchScreen('vcgencmd', 'on');
    await switchScreen('xset', 'off');
    await switchScreen('cec', 'on');
    expect(await switchScreen('none', 'off')).toEqual({ ok: true, detail: '' });
    expect(calls).toEqual([
      ['wlopm', '--off', '*'],
      ['vcgencmd', 'display_power', '1'],
      ['xset', 'dpms', 'force', 'off'],
      ['cec-ctl', '--to', '0', '--image-view-on'],
    ]);
  });

  it('switches every output wlr-randr lists', async () => {
    const { calls, run } = recorder('HDMI-A-1 "Dell"\n  Enabled: yes\nDSI-1 "Panel"\n  Enabled: yes\n');
    await createScreenSwitch({ run })('wlr-randr', 'off');
    expect(calls).toEqual([['wlr-randr'], ['wlr-randr', '--output', 'HDMI-A-1', '--off'], ['wlr-randr', '--output', 'DSI-1', '--off']]);
  });

  it('writes bl_power for the DSI backlight, and says when there is none', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'backlight-'));
    expect(await createScreenSwitch({ backlightDir: dir })('backlight', 'off')).toEqual({ ok: false, detail: `no backlight found in ${dir}` });
    await mkdir(join(dir, 'rpi_backlight'));
    await writeFile(join(dir, 'rpi_backlight', 'bl_power'), '0');
    expect(await createScreenSwitch({ backlightDir: dir })('backlight', 'off')).toEqual({ ok: true, detail: '' });
    expect(await readFile(join(dir, 'rpi_backlight', 'bl_power'), 'utf8')).toBe('4');
  });

  it('never goes through a shell: metacharacters stay text, a missing program is named', async () => {
    const echoed = await runProgram(['echo', '$(id) ; touch /tmp/never']);
    expect(echoed).toMatchObject({ ok: true, stdout: '$(id) ; touch /tmp/never\n' });
    const missing = await runProgram(['wlopm-not-installed-here', '--off', '*']);
    expect(missing.ok).toBe(false);
    expect(missing.detail).toMatch(/ENOENT/);
  });

  it('runs the device’s own FRAME_SCREEN_*_COMMAND instead of the method, as split arguments', async () => {
    const { calls, run } = recorder();
    const switchScreen = createScreenSwitch({ run, custom: { off: ['/opt/panel', 'off', 'a b'], on: ['/opt/panel', 'on'] } });
    await switchScreen('wlopm', 'off');
    await switchScreen('none', 'on');
    expect(calls).toEqual([
      ['/opt/panel', 'off', 'a b'],
      ['/opt/panel', 'on'],
    ]);
  });

  it('a custom command runs without a shell, for real', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'screen-cmd-'));
    const marker = join(dir, 'ran');
    const literal = join(dir, '; id > pwned');
    const result = await createScreenSwitch({ custom: { off: ['touch', marker, literal], on: ['true'] } })('wlopm', 'off');
    expect(result.ok).toBe(true);
    expect(await readFile(marker, 'utf8')).toBe('');
    // The "; id > pwned" was a file name for touch, not shell syntax: no "pwned" holding id's output.
    expect(await readFile(literal, 'utf8')).toBe('');
    await expect(readFile(join(dir, 'pwned'), 'utf8')).rejects.toThrow(/ENOENT/);
  });
});

import { describe, expect, it } from 'vitest';
import type { AutostartStatus } from '../../shared/settings-api';
import { autostartSteps, installedMethod, isInstalled } from './autostart-steps';

const status = (xdg: boolean, systemd: boolean): AutostartStatus => ({ supported: true, installed: { xdg, systemd }, paths: { xdg: 'a', systemd: 'b' } });

describe('start on boot', () => {
  it('is on when either method is installed', () => {
    expect(isInstalled(status(false, false))).toBe(false);
    expect(isInstalled(status(true, false))).toBe(true);
    expect(isInstalled(status(false, true))).toBe(true);
  });

  it('shows the installed method, the desktop entry otherwise', () => {
    expect(installedMethod(status(false, true))).toBe('systemd');
    expect(installedMethod(status(true, false))).toBe('xdg');
    expect(installedMethod(status(false, false))).toBe('xdg');
  });

  it('installs the chosen method', () => {
    expect(autostartSteps(status(false, false), true, 'systemd')).toEqual([[true, 'systemd']]);
    expect(autostartSteps(status(true, false), true, 'xdg')).toEqual([]);
  });

  it('switches method by removing the other first', () => {
    expect(autostartSteps(status(true, false), true, 'systemd')).toEqual([
      [false, 'xdg'],
      [true, 'systemd'],
    ]);
  });

  it('turning off removes whatever is installed', () => {
    expect(autostartSteps(status(true, true), false, 'xdg')).toEqual([
      [false, 'xdg'],
      [false, 'systemd'],
    ]);
    expect(autostartSteps(status(false, false), false, 'xdg')).toEqual([]);
  });
});

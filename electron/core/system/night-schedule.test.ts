import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type DaySchedule } from '../../../shared/settings';
import { manualClock } from '../test-support/virtual-clock';
import { silentLogger } from '../util/logger';
import { isScreenOnAt, nextChangeAt } from './night-schedule';
import { ScreenPower, type ScreenState } from './screen-power';

const every = (on: string, off: string, enabled = true): DaySchedule[] => Array.from({ length: 7 }, () => ({ enabled, on, off }));
// 2026-11-23 is a Monday.
const at = (day: number, hhmm: string) => new Date(`2026-11-${String(day).padStart(2, '0')}T${hhmm}:00`);

describe('night schedule', () => {
  it('is on between on and off', () => {
    const week = every('07:00', '22:30');
    expect(isScreenOnAt(at(23, '06:59'), week)).toBe(false);
    expect(isScreenOnAt(at(23, '07:00'), week)).toBe(true);
    expect(isScreenOnAt(at(23, '22:29'), week)).toBe(true);
    expect(isScreenOnAt(at(23, '22:30'), week)).toBe(false);
  });

  it('runs past midnight when off is before on', () => {
    const week = every('07:00', '01:00');
    expect(isScreenOnAt(at(24, '00:30'), week)).toBe(true);
    expect(isScreenOnAt(at(24, '01:00'), week)).toBe(false);
    expect(isScreenOnAt(at(24, '23:00'), week)).toBe(true);
  });

  it('a day that is not enabled stays dark, but yesterday’s late evening still reaches into it', () => {
    const week = every('07:00', '01:00');
    week[2] = { enabled: false, on: '07:00', off: '01:00' }; // Tuesday off
    expect(isScreenOnAt(at(24, '00:30'), week)).toBe(true);
    expect(isScreenOnAt(at(24, '12:00'), week)).toBe(false);
  });

  it('finds the next change', () => {
    expect(nextChangeAt(at(23, '12:00'), every('07:00', '22:30'))).toEqual(at(23, '22:30'));
    expect(nextChangeAt(at(23, '23:00'), every('07:00', '22:30'))).toEqual(at(24, '07:00'));
    expect(nextChangeAt(at(23, '23:00'), every('00:00', '00:00'))).toBeNull();
  });
});

describe('ScreenPower', () => {
  function setup(now: Date) {
    const clock = manualClock();
    clock.now = () => now.getTime();
    const commands: string[] = [];
    const states: ScreenState[] = [];
    const power = new ScreenPower({ clock, logger: silentLogger, switchScreen: async (method, state) => (commands.push(`${method} ${state}`), { ok: true, detail: '' }), onChange: (s) => states.push(s) });
    return { power, commands, states, clock };
  }

  it('switches the screen off at night with the chosen method, and on by hand', async () => {
    const { power, commands, states, clock } = setup(at(23, '23:00'));
    await power.apply({ ...DEFAULT_SETTINGS, scheduleEnabled: true, weekSchedule: every('07:00', '22:30') });
    expect(commands).toEqual(['wlopm off']);
    expect(states).toEqual(['off']);
    expect(clock.pending()).toHaveLength(1);
    await power.apply({ ...DEFAULT_SETTINGS, scheduleEnabled: true, weekSchedule: every('07:00', '22:30'), screenMode: 'on', screenPower: 'vcgencmd' });
    expect(commands.at(-1)).toBe('vcgencmd on');
    expect(power.state).toBe('on');
  });

  it('does nothing while the schedule is off', async () => {
    const { power, commands } = setup(at(23, '03:00'));
    await power.apply(DEFAULT_SETTINGS);
    expect(commands).toEqual([]);
    expect(power.state).toBe('on');
  });

  it('reports a failing command but still pauses the show', async () => {
    const clock = manualClock();
    clock.now = () => at(23, '23:00').getTime();
    const states: ScreenState[] = [];
    const power = new ScreenPower({ clock, logger: silentLogger, switchScreen: async () => ({ ok: false, detail: 'wlopm: not found' }), onChange: (s) => states.push(s) });
    await power.apply({ ...DEFAULT_SETTINGS, scheduleEnabled: true, weekSchedule: every('07:00', '22:30') });
    expect(states).toEqual(['off']);
    expect(power.lastCommandError).toMatch(/wlopm: not found/);
  });
});

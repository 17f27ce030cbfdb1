import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type DaySchedule } from '../../shared/settings';
import { updateDay, weekRows } from './week-rows';

const week = (): DaySchedule[] => DEFAULT_SETTINGS.weekSchedule.map((d, i) => ({ ...d, on: `0${i}:00` }));

describe('week rows', () => {
  it('shows Monday first and keeps each row tied to its stored (Sunday-first) day', () => {
    const rows = weekRows(week());
    expect(rows.map((r) => r.name)).toEqual(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
    expect(rows.map((r) => r.index)).toEqual([1, 2, 3, 4, 5, 6, 0]);
    expect(rows[6]!.day.on).toBe('00:00'); // Sunday is stored first
    expect(rows[0]!.day.on).toBe('01:00');
  });

  it('changes exactly the day of the row, in a new week', () => {
    const before = week();
    const sunday = weekRows(before).find((r) => r.name === 'Sunday')!;
    const after = updateDay(before, sunday.index, { enabled: false });
    expect(after[0]).toEqual({ ...before[0], enabled: false });
    expect(after.slice(1)).toEqual(before.slice(1));
    expect(before[0]!.enabled).toBe(true);
  });
});

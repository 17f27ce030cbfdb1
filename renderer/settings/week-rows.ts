// The night schedule is stored Sunday first (as Date.getDay() counts) and
// shown Monday first, as most people read a week.
import type { DaySchedule } from '../../shared/settings';

export const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** Indexes into the stored week, in the order the rows are shown. */
export const SHOWN_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

export interface WeekRow {
  /** Index in the stored (Sunday-first) week. */
  index: number;
  name: string;
  day: DaySchedule;
}

export function weekRows(week: DaySchedule[]): WeekRow[] {
  return SHOWN_ORDER.flatMap((index) => {
    const day = week[index];
    return day ? [{ index, name: DAY_NAMES[index]!, day }] : [];
  });
}

/** A new week with one stored day changed. */
export function updateDay(week: DaySchedule[], index: number, change: Partial<DaySchedule>): DaySchedule[] {
  return week.map((day, i) => (i === index ? { ...day, ...change } : day));
}

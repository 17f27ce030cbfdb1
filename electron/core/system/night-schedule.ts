// When the screen should be on, from the weekly schedule. Times are local;
// an "off" earlier than "on" runs past midnight into the next day. A day
// that is not enabled keeps the screen off all day.
import type { DaySchedule } from '../../../shared/settings';

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

function wraps(day: DaySchedule): boolean {
  return minutes(day.off) <= minutes(day.on);
}

export function isScreenOnAt(date: Date, week: DaySchedule[]): boolean {
  const today = week[date.getDay()];
  const yesterday = week[(date.getDay() + 6) % 7];
  const now = date.getHours() * 60 + date.getMinutes();
  if (yesterday?.enabled && wraps(yesterday) && now < minutes(yesterday.off)) return true;
  if (!today?.enabled) return false;
  const on = minutes(today.on);
  const off = minutes(today.off);
  return wraps(today) ? now >= on : now >= on && now < off;
}

/** The next minute at which the schedule flips, within eight days; null if it never does. */
export function nextChangeAt(from: Date, week: DaySchedule[]): Date | null {
  const state = isScreenOnAt(from, week);
  const probe = new Date(from);
  probe.setSeconds(0, 0);
  for (let step = 0; step < 8 * 24 * 60; step++) {
    probe.setTime(probe.getTime() + 60_000);
    if (isScreenOnAt(probe, week) !== state) return new Date(probe);
  }
  return null;
}

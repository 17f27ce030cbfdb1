// A clock for tests: timers fire on the next macrotask while virtual time
// jumps ahead by their delay, so schedules are checked without waiting.
import type { Clock } from '../util/timers';

export interface VirtualClock extends Clock {
  delays: number[];
  advance(ms: number): void;
}

export function virtualClock(start = Date.UTC(2026, 10, 23), random = () => 0.5): VirtualClock {
  let now = start;
  const delays: number[] = [];
  return {
    delays,
    now: () => now,
    random,
    advance(ms) {
      now += ms;
    },
    setTimeout(fn, ms) {
      delays.push(ms);
      return setTimeout(() => {
        now += ms;
        fn();
      }, 0);
    },
    clearTimeout(handle) {
      clearTimeout(handle as ReturnType<typeof setTimeout>);
    },
  };
}

/** A clock whose timers only fire when the test says so. */
export interface ManualClock extends Clock {
  pending(): { ms: number; fire(): void }[];
  fireNext(): number;
}

export function manualClock(random = () => 0.5): ManualClock {
  let now = Date.UTC(2026, 10, 23);
  let nextId = 0;
  const timers = new Map<number, { ms: number; dueAt: number; fn: () => void }>();
  return {
    now: () => now,
    random,
    setTimeout(fn, ms) {
      const id = ++nextId;
      timers.set(id, { ms, dueAt: now + ms, fn });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    pending() {
      return [...timers.entries()].map(([id, t]) => ({
        ms: t.ms,
        fire: () => {
          timers.delete(id);
          now = Math.max(now, t.dueAt);
          t.fn();
        },
      }));
    },
    fireNext() {
      const [entry] = [...timers.entries()].sort((a, b) => a[1].dueAt - b[1].dueAt);
      if (!entry) throw new Error('no timer pending');
      const [id, timer] = entry;
      timers.delete(id);
      now = Math.max(now, timer.dueAt);
      timer.fn();
      return timer.ms;
    },
  };
}

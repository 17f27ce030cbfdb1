import { describe, expect, it } from 'vitest';
import { allowReload, MAX_RELOADS_PER_HOUR, Watchdog, WATCHDOG_MIN_MS } from './watchdog';

function harness() {
  const state = { now: 0, reloads: 0, timers: [] as { fn: () => void; at: number; live: boolean }[] };
  const dog = new Watchdog({
    setTimer: (fn, ms) => {
      const timer = { fn, at: state.now + ms, live: true };
      state.timers.push(timer);
      return () => (timer.live = false);
    },
    reload: () => state.reloads++,
  });
  const advance = (ms: number) => {
    const until = state.now + ms;
    for (;;) {
      const due = state.timers.filter((t) => t.live && t.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      state.now = due.at;
      due.live = false;
      due.fn();
    }
    state.now = until;
  };
  const live = () => state.timers.filter((t) => t.live).length;
  return { state, dog, advance, live };
}

describe('Watchdog', () => {
  it('reloads when the show did not move for three slide periods', () => {
    const { state, dog, advance } = harness();
    dog.configure(true, 20_000);
    advance(59_999);
    expect(state.reloads).toBe(0);
    advance(1);
    expect(state.reloads).toBe(1);
  });

  it('never reloads while the show moves on', () => {
    const { state, dog, advance, live } = harness();
    dog.configure(true, 20_000);
    for (let i = 0; i < 50; i++) {
      advance(20_000);
      dog.kick();
    }
    expect(state.reloads).toBe(0);
    expect(live()).toBe(1); // one pending timer, never a pile
  });

  it('gives slow loads time: never sooner than its minimum', () => {
    const { state, dog, advance } = harness();
    dog.configure(true, 2_000);
    advance(WATCHDOG_MIN_MS - 1);
    expect(state.reloads).toBe(0);
    advance(1);
    expect(state.reloads).toBe(1);
  });

  it('does not watch with fewer than two slides or the screen off', () => {
    const { state, dog, advance, live } = harness();
    dog.configure(false, 20_000);
    dog.kick();
    advance(10 * 60_000);
    expect(state.reloads).toBe(0);
    expect(live()).toBe(0);
  });

  it('starts a fresh count when it starts watching again, and ignores repeated settings', () => {
    const { state, dog, advance } = harness();
    dog.configure(true, 20_000);
    advance(50_000);
    dog.configure(true, 20_000); // a re-render: no reset
    advance(10_000);
    expect(state.reloads).toBe(1);
    dog.configure(false, 20_000);
    dog.configure(true, 20_000);
    advance(59_000);
    expect(state.reloads).toBe(1);
  });

  it('tries again later when the reload did not happen (shell unreachable)', () => {
    const { state, dog, advance } = harness();
    dog.configure(true, 20_000);
    advance(180_000);
    expect(state.reloads).toBe(3);
  });

  it('stops when disposed', () => {
    const { state, dog, advance, live } = harness();
    dog.configure(true, 20_000);
    dog.dispose();
    advance(600_000);
    expect(state.reloads).toBe(0);
    expect(live()).toBe(0);
  });
});

describe('allowReload', () => {
  it('allows a few reloads an hour, then waits', () => {
    let history: number[] = [];
    const at = (minute: number) => {
      const verdict = allowReload(history, minute * 60_000);
      history = verdict.history;
      return verdict.allowed;
    };
    for (let i = 0; i < MAX_RELOADS_PER_HOUR; i++) expect(at(i)).toBe(true);
    expect(at(10)).toBe(false);
    expect(at(59)).toBe(false);
    expect(at(61)).toBe(true); // the first one is an hour old
  });

  it('ignores times from a clock that jumped back', () => {
    expect(allowReload([5e12, 5e12, 5e12], 1_000).allowed).toBe(true);
  });
});

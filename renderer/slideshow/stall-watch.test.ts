import { describe, expect, it } from 'vitest';
import { StallWatch } from './stall-watch';

function harness() {
  const state = { now: 0, position: 0, stalls: 0, timers: [] as { fn: () => void; at: number; live: boolean }[] };
  const watch = new StallWatch(
    {
      setTimer: (fn, ms) => {
        const timer = { fn, at: state.now + ms, live: true };
        state.timers.push(timer);
        return () => (timer.live = false);
      },
      position: () => state.position,
      stalled: () => state.stalls++,
    },
    15_000,
    8_000,
  );
  const advance = (ms: number, playing = true) => {
    const until = state.now + ms;
    while (state.now < until) {
      state.now += 500;
      if (playing) state.position += 0.5;
      for (const t of state.timers.filter((t) => t.live && t.at <= state.now)) {
        t.live = false;
        t.fn();
      }
    }
  };
  const live = () => state.timers.filter((t) => t.live).length;
  return { state, watch, advance, live };
}

describe('StallWatch', () => {
  it('stays quiet while the video plays, with one timer', () => {
    const { state, watch, advance, live } = harness();
    watch.start();
    advance(120_000);
    expect(state.stalls).toBe(0);
    expect(live()).toBe(1);
  });

  it('reports a video that stops making progress', () => {
    const { state, watch, advance } = harness();
    watch.start();
    advance(10_000);
    advance(8_000, false);
    advance(8_000, false);
    expect(state.stalls).toBe(1);
  });

  it('gives a video time to start, then reports it', () => {
    const { state, watch, advance } = harness();
    watch.start();
    advance(14_500, false);
    expect(state.stalls).toBe(0);
    advance(1_000, false);
    expect(state.stalls).toBe(1);
  });

  it('is silent once stopped', () => {
    const { state, watch, advance, live } = harness();
    watch.start();
    watch.stop();
    advance(60_000, false);
    expect(state.stalls).toBe(0);
    expect(live()).toBe(0);
  });
});

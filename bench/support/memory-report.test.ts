import { describe, expect, it } from 'vitest';
import { allocatorGrowth, allocatorsFromTrace, bytesIn, pageRenderer, type DumpEvent } from './memory-dump';
import { leastSquaresSlope, slopesMbPerHour } from './memory-slope';

const MB = 1024 * 1024;
const hex = (mb: number) => (mb * MB).toString(16);
const dump = (pid: number, allocators: Record<string, number>): DumpEvent => ({
  ph: 'v',
  pid,
  name: 'periodic_interval',
  args: { dumps: { allocators: Object.fromEntries(Object.entries(allocators).map(([name, mb]) => [name, { attrs: { size: { value: hex(mb) } } }])) } },
});
const named = (pid: number, name: string): DumpEvent => ({ ph: 'M', pid, name: 'process_name', args: { name } });

describe('memory dumps', () => {
  const trace = [
    named(1, 'Browser'),
    named(2, 'Renderer'),
    named(3, 'Renderer'),
    dump(1, { malloc: 40 }),
    dump(2, { malloc: 3, v8: 2 }),
    // The page: the busiest renderer. Sub-allocators two deep are kept, deeper ones and per-segment entries are not.
    dump(3, { malloc: 12, partition_alloc: 20, 'partition_alloc/partitions/buffer': 15, 'partition_alloc/partitions/buffer/buckets': 15, blink_gc: 6, v8: 9, cc: 30, 'shared_memory/ABC': 4 }),
  ];

  it('reads sizes per process, named, in MB', () => {
    const sizes = allocatorsFromTrace(trace);
    expect([...sizes.keys()]).toEqual(['Browser 1', 'Renderer 2', 'Renderer 3']);
    expect(Object.fromEntries(sizes.get('Renderer 3')!)).toEqual({ malloc: 12, partition_alloc: 20, 'partition_alloc/partitions/buffer': 15, blink_gc: 6, v8: 9, cc: 30 });
  });

  it("picks the page's renderer and splits what it holds from Chromium's caches", () => {
    const page = pageRenderer(allocatorsFromTrace(trace));
    expect(bytesIn(page, ['malloc', 'partition_alloc', 'blink_gc', 'v8'])).toBe(47 * MB);
    expect(bytesIn(page, ['cc', 'discardable'])).toBe(30 * MB);
  });

  it('names the allocators that grew, largest first, leaving out small changes', () => {
    const before = allocatorsFromTrace(trace);
    const after = allocatorsFromTrace([named(3, 'Renderer'), dump(3, { malloc: 13, partition_alloc: 32, blink_gc: 6, v8: 9, cc: 25 })]);
    expect(allocatorGrowth(before, after)).toEqual(['Renderer 3 partition_alloc: 32.0 MB (+12.0)', 'Renderer 3 cc: 25.0 MB (-5.0)']);
  });
});

describe('memory slope', () => {
  it('is the least-squares slope, not the difference of the ends', () => {
    // Up and down around a rise of 2 per unit: the ends alone would say 0.
    expect(leastSquaresSlope([[0, 10], [1, 14], [2, 12], [3, 10]])).toBeCloseTo(-0.2, 5);
    expect(leastSquaresSlope([[0, 1], [1, 3], [2, 5]])).toBeCloseTo(2, 9);
    expect(leastSquaresSlope([[0, 1]])).toBeNaN();
  });

  it('reports MB per hour from samples after the warm-up only', () => {
    const hour = 3_600_000;
    const samples = [0, 0.25, 0.5, 0.75, 1].map((h) => ({ at: h * hour, values: { rss: (h < 0.25 ? 500 : 100 + 3 * h) * MB } }));
    expect(slopesMbPerHour(samples, 0.25 * hour).rss).toBeCloseTo(3, 6);
  });
});

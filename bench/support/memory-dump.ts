// Chromium's own account of a renderer's memory, allocator by allocator
// (malloc, PartitionAlloc, v8, cc, skia, gpu, …): a memory-infra dump taken
// through the browser's tracing. RSS says that memory grows; this says who holds it.
import type { Cdp } from './cdp';

export interface DumpEvent {
  ph: string;
  pid: number;
  name: string;
  args?: { name?: string; dumps?: { allocators?: Record<string, { attrs?: Record<string, { value?: string }> }> } };
}

/** Allocator sizes (MB) per process (keyed "Renderer 1234"), from one detailed dump. */
export type AllocatorSizes = Map<string, Map<string, number>>;

/**
 * Entries that count the same memory again under another name: per-segment and
 * per-process-global ones, and sub-allocators deeper than two levels (except
 * PartitionAlloc's partitions, buffer, fast_malloc, layout…, which say what grew).
 */
function isCountedElsewhere(name: string): boolean {
  const depth = name.split('/').length;
  if (/^(shared_memory|global|discardable)\//.test(name)) return true;
  return depth > 2 && !(depth === 3 && name.startsWith('partition_alloc/partitions/'));
}

export async function dumpAllocators(browser: Cdp): Promise<AllocatorSizes> {
  const events: DumpEvent[] = [];
  const stopCollecting = browser.on('Tracing.dataCollected', (params) => events.push(...(params as { value: DumpEvent[] }).value));
  let stopWaiting: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (stopWaiting = browser.on('Tracing.tracingComplete', () => resolve())));
  await browser.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: ['disabled-by-default-memory-infra'], excludedCategories: ['*'] },
  });
  const result = await browser.send<{ success: boolean }>('Tracing.requestMemoryDump', { levelOfDetail: 'detailed' });
  await browser.send('Tracing.end');
  await done;
  stopCollecting();
  stopWaiting();
  if (!result.success) throw new Error('Chromium refused the memory dump');
  return allocatorsFromTrace(events);
}

/** The allocator sizes in the memory-dump events of a trace (Chromium's JSON trace format). */
export function allocatorsFromTrace(events: readonly DumpEvent[]): AllocatorSizes {
  const processNames = new Map(events.filter((e) => e.ph === 'M' && e.name === 'process_name').map((e) => [e.pid, e.args?.name ?? '?']));
  const sizes: AllocatorSizes = new Map();
  for (const event of events) {
    const allocators = event.ph === 'v' ? event.args?.dumps?.allocators : undefined;
    if (!allocators) continue;
    const key = `${processNames.get(event.pid) ?? 'process'} ${event.pid}`;
    const perProcess = sizes.get(key) ?? new Map<string, number>();
    for (const [name, dump] of Object.entries(allocators)) {
      const size = dump.attrs?.size?.value;
      if (size === undefined || isCountedElsewhere(name)) continue;
      perProcess.set(name, Number.parseInt(size, 16) / 1024 / 1024);
    }
    sizes.set(key, perProcess);
  }
  return sizes;
}

/** Allocators whose size changed by more than `minMb` between two dumps, largest change first. */
export function allocatorGrowth(before: AllocatorSizes, after: AllocatorSizes, minMb = 2): string[] {
  const lines: string[] = [];
  for (const [process, sizes] of after) {
    const earlier = before.get(process) ?? new Map<string, number>();
    const changes = [...sizes].map(([name, mb]) => [name, mb, mb - (earlier.get(name) ?? 0)] as const).filter(([, , d]) => Math.abs(d) >= minMb);
    changes.sort((a, b) => Math.abs(b[2]) - Math.abs(a[2]));
    for (const [name, mb, d] of changes) lines.push(`${process} ${name}: ${mb.toFixed(1)} MB (${d >= 0 ? '+' : ''}${d.toFixed(1)})`);
  }
  return lines;
}

/** What a page's own code holds: Blink's and V8's heaps and the allocators under them. */
export const HELD_BY_PAGE = ['malloc', 'partition_alloc', 'blink_gc', 'v8'] as const;
/** What Chromium keeps to redraw faster (decoded photos above all) and gives back when memory is short. */
export const CHROMIUM_CACHES = ['cc', 'discardable', 'skia', 'web_cache', 'font_caches'] as const;

/** The busiest ordinary renderer in a dump (the page's; the others hold a blank tab or a WebUI). */
export function pageRenderer(dump: AllocatorSizes): Map<string, number> {
  const held = (sizes: Map<string, number>) => HELD_BY_PAGE.reduce((sum, name) => sum + (sizes.get(name) ?? 0), 0);
  let best = new Map<string, number>();
  for (const [process, sizes] of dump) if (process.startsWith('Renderer ') && held(sizes) > held(best)) best = sizes;
  return best;
}

/** The sum of some allocators, in bytes. */
export function bytesIn(sizes: Map<string, number>, names: readonly string[]): number {
  return names.reduce((sum, name) => sum + (sizes.get(name) ?? 0), 0) * 1024 * 1024;
}

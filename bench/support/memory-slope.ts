// Memory growth as a slope: least squares over samples taken after a warm-up,
// in MB per hour. A start/end difference mostly measures when the collector
// last ran; a slope over many samples measures a leak.
import { readFileSync, readdirSync } from 'node:fs';

export interface Sample {
  /** Milliseconds since the soak started. */
  at: number;
  values: Record<string, number>;
}

/** Slope of each series in MB per hour (bytes in, MB out), from samples at or after `fromMs`. */
export function slopesMbPerHour(samples: Sample[], fromMs: number): Record<string, number> {
  const used = samples.filter((s) => s.at >= fromMs);
  const names = Object.keys(used[0]?.values ?? {});
  const out: Record<string, number> = {};
  for (const name of names) {
    const points = used.map((s) => [s.at / 3_600_000, s.values[name]! / 1024 / 1024] as const).filter(([, y]) => Number.isFinite(y));
    out[name] = leastSquaresSlope(points);
  }
  return out;
}

export function leastSquaresSlope(points: readonly (readonly [number, number])[]): number {
  if (points.length < 2) return NaN;
  const n = points.length;
  const meanX = points.reduce((s, [x]) => s + x, 0) / n;
  const meanY = points.reduce((s, [, y]) => s + y, 0) / n;
  let num = 0;
  let den = 0;
  for (const [x, y] of points) {
    num += (x - meanX) * (y - meanY);
    den += (x - meanX) ** 2;
  }
  return den === 0 ? NaN : num / den;
}

/**
 * Resident memory of the renderer processes below a Chromium browser process
 * (Linux /proc; NaN elsewhere). Walks the process tree, so other Chromiums
 * on the machine are not counted.
 */
export function rendererRssBytes(browserPid: number): number {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return NaN;
  }
  const parent = new Map<number, number>();
  for (const pid of entries) {
    try {
      // Fields after the command name, which may itself hold spaces or parentheses.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(pid), Number(fields[1]));
    } catch {
      // Gone meanwhile.
    }
  }
  const isBelow = (pid: number) => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === browserPid) return true;
    return false;
  };
  let total = 0;
  for (const pid of parent.keys()) {
    if (!isBelow(pid)) continue;
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (rss) total += Number(rss[1]) * 1024;
    } catch {
      // Gone meanwhile.
    }
  }
  return total;
}

/**
 * A process's resident memory split as Linux counts it: anonymous pages (heaps,
 * malloc) and pages of mapped files (the binary and libraries, read in as code
 * paths are first run; they grow until every path has run, then stay).
 */
export function residentSplit(pid: number): { anon: number; file: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN) * 1024;
    return { anon: kb('RssAnon'), file: kb('RssFile') };
  } catch {
    return { anon: NaN, file: NaN };
  }
}

// Prints benchmark results as one table: figure, target, comparison point.

export interface BenchRow {
  benchmark: string;
  figure: string;
  target: string;
  comparison: string;
  meets: boolean | null;
}

export function printTable(rows: BenchRow[]): void {
  const header = ['benchmark', 'figure', 'target', 'comparison point', 'result'];
  const lines = rows.map((r) => [r.benchmark, r.figure, r.target, r.comparison, r.meets === null ? 'info' : r.meets ? 'meets' : 'MISSES']);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(format(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const line of lines) console.log(format(line));
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export const ms = (n: number) => `${n.toFixed(1)} ms`;

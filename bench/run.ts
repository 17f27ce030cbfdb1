// `npm run bench`: every benchmark, one table. Timings live here, never in tests.
import { benchReceiverThroughput } from './receiver-throughput';
import { benchWebhookLatency } from './webhook-latency';
import { printTable, type BenchRow } from './table';

const only = process.argv.slice(2);
const suites: [string, () => Promise<BenchRow[]>][] = [
  ['webhook-latency', benchWebhookLatency],
  ['receiver', benchReceiverThroughput],
];

const rows: BenchRow[] = [];
for (const [name, run] of suites) {
  if (only.length && !only.includes(name)) continue;
  console.log(`running ${name} ...`);
  rows.push(...(await run()));
}
console.log();
printTable(rows);

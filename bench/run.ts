// `npm run bench`: every benchmark, one table. Timings live here, never in tests.
import { benchFleet } from './fleet';
import { benchReadmeStart } from './readme-start';
import { benchReceiverThroughput } from './receiver-throughput';
import { benchDriftCpu, benchTransitionFrames } from './show-perf';
import { benchBundleSize, benchBytesPerPhoto, benchMemory, benchOfflineStart, benchStillCpu } from './slideshow-perf';
import { benchWebhookLatency } from './webhook-latency';
import { printTable, type BenchRow } from './table';

const only = process.argv.slice(2);
const suites: [string, () => Promise<BenchRow[]>][] = [
  ['webhook-latency', benchWebhookLatency],
  ['receiver', benchReceiverThroughput],
  ['fleet', benchFleet],
  ['still-cpu', benchStillCpu],
  ['drift-cpu', benchDriftCpu],
  ['transition-frames', benchTransitionFrames],
  ['memory', benchMemory],
  ['bytes', benchBytesPerPhoto],
  ['offline-start', benchOfflineStart],
  ['readme-start', benchReadmeStart],
  ['bundle', benchBundleSize],
];

const rows: BenchRow[] = [];
for (const [name, run] of suites) {
  if (only.length && !only.includes(name)) continue;
  console.log(`running ${name} ...`);
  rows.push(...(await run()));
}
console.log();
printTable(rows);

// The webhook receiver alone (a real frame process) under 2,000 signed
// requests at concurrency 20: requests per second, p95 latency, errors.
import { exportSPKI, generateKeyPair } from 'jose';
import { FrameProcess } from '../e2e/support/frame-process';
import { sampleItem } from '../electron/core/demo/sample-project';
import { signWixEvent } from '../electron/core/webhook/sign-event';
import { PROJECT_A, frameEnvFor, startFakeWix } from '../electron/core/test-support/fake-wix-fixture';
import { ms, percentile, type BenchRow } from './table';

const REQUESTS = 2_000;
const CONCURRENCY = 20;

export async function benchReceiverThroughput(): Promise<BenchRow[]> {
  const wix = await startFakeWix(10);
  const pair = await generateKeyPair('RS256', { extractable: true });
  const frame = await new FrameProcess({
    env: frameEnvFor(wix.url, { FRAME_POLL_SECONDS: '3600', WIX_WEBHOOK_PUBLIC_KEY: await exportSPKI(pair.publicKey) }),
  }).start();
  try {
    // Signing is Wix's work, done before the clock starts.
    const tokens: string[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const item = { ...sampleItem(PROJECT_A, 1000 + i, wix.url) };
      tokens.push(await signWixEvent(pair.privateKey, { kind: 'created', itemId: item.id, entity: item }));
    }
    const latencies: number[] = [];
    let errors = 0;
    let next = 0;
    const started = performance.now();
    const worker = async () => {
      while (next < tokens.length) {
        const token = tokens[next++]!;
        const t0 = performance.now();
        try {
          const response = await fetch(frame.webhookUrl, { method: 'POST', body: token });
          await response.arrayBuffer();
          if (response.status !== 200) errors++;
        } catch {
          errors++;
        }
        latencies.push(performance.now() - t0);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const seconds = (performance.now() - started) / 1000;
    const health = (await (await fetch(`${frame.url}/healthz`)).json()) as { webhook: { accepted: number } };
    const p95 = percentile(latencies, 95);
    return [
      { benchmark: 'receiver: throughput, 2000 signed req @ c=20', figure: `${(REQUESTS / seconds).toFixed(0)} req/s`, target: 'no target (report)', comparison: `${REQUESTS} requests in ${seconds.toFixed(2)} s`, meets: null },
      { benchmark: 'receiver: p95 latency under that load', figure: ms(p95), target: '< 1250 ms (Wix deadline)', comparison: `p50 ${ms(percentile(latencies, 50))}`, meets: p95 < 1250 },
      { benchmark: 'receiver: errors', figure: `${errors}`, target: '0', comparison: `${health.webhook.accepted} accepted by the frame`, meets: errors === 0 && health.webhook.accepted === REQUESTS },
    ];
  } finally {
    await frame.stop();
    await wix.stop();
  }
}

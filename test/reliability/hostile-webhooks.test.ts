// Hostile input at the webhook receiver of a real frame process: the forged
// token set, then a flood of 5,000 invalid requests at concurrency 50. All are
// refused, the frame keeps answering, its memory stays bounded, and the
// gallery does not change.
import { SignJWT, UnsecuredJWT, exportSPKI, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FrameProcess } from '../../e2e/support/frame-process';
import type { FakeWix } from '../../electron/core/demo/fake-wix';
import { signWixEvent, wixEventPayload } from '../../electron/core/webhook/sign-event';
import { PROJECT_A, frameEnvFor, startFakeWix } from '../../electron/core/test-support/fake-wix-fixture';

interface Health {
  items: number;
  webhook: { accepted: number; rejected: number };
  process: { rssBytes: number; heapUsedBytes: number };
}

let wix: FakeWix;
let frame: FrameProcess;
let publicPem: string;
const health = async () => (await (await fetch(`${frame.url}/healthz`)).json()) as Health;

beforeAll(async () => {
  wix = await startFakeWix(8);
  const pair = await generateKeyPair('RS256', { extractable: true });
  publicPem = await exportSPKI(pair.publicKey);
  frame = await new FrameProcess({
    env: frameEnvFor(wix.url, { FRAME_POLL_SECONDS: '3600', WIX_WEBHOOK_PUBLIC_KEY: publicPem }),
  }).start();
  for (let tries = 0; tries < 100 && (await health()).items < 8; tries++) await new Promise((r) => setTimeout(r, 50));
});
afterAll(async () => {
  await frame.stop();
  await wix.stop();
});

async function forgedBodies(): Promise<string[]> {
  const target = wix.items(PROJECT_A)[0]!.id;
  const payload = wixEventPayload({ kind: 'deleted', itemId: target });
  const stranger = (await generateKeyPair('RS256')).privateKey;
  const good = await signWixEvent((await generateKeyPair('RS256')).privateKey, { kind: 'deleted', itemId: target });
  const [h, , sig] = good.split('.');
  return [
    new UnsecuredJWT(payload).encode(),
    await new SignJWT(payload).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(publicPem)),
    await signWixEvent(stranger, { kind: 'deleted', itemId: target }),
    `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${sig}`,
    good.slice(0, -10),
    'garbage',
    '',
    JSON.stringify({ data: 'not.a.jwt!' }),
    'x'.repeat(300 * 1024),
  ];
}

describe('hostile webhooks', () => {
  it('5,000 invalid requests at concurrency 50 are all refused; the frame stays responsive and bounded', async () => {
    const bodies = await forgedBodies();
    const before = await health();
    const statuses = new Map<number, number>();
    let next = 0;
    let failures = 0;
    const slowHealth: number[] = [];
    const worker = async () => {
      while (next < 5_000) {
        const body = bodies[next++ % bodies.length]!;
        try {
          const response = await fetch(frame.webhookUrl, { method: 'POST', body });
          await response.arrayBuffer();
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        } catch {
          failures++; // a 413 may close the socket before the body is sent
        }
      }
    };
    const probe = (async () => {
      while (next < 5_000) {
        const t0 = Date.now();
        expect((await fetch(`${frame.url}/healthz`)).status).toBe(200);
        slowHealth.push(Date.now() - t0);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    await Promise.all([...Array.from({ length: 50 }, worker), probe]);
    const after = await health();
    expect(statuses.get(200) ?? 0).toBe(0);
    expect([...statuses.keys()].every((s) => s === 400 || s === 401 || s === 413)).toBe(true);
    expect(after.webhook.accepted).toBe(0);
    expect(after.webhook.rejected).toBeGreaterThanOrEqual(5_000 - failures);
    expect(failures).toBeLessThan(600);
    expect(after.items).toBe(8);
    expect(slowHealth.length).toBeGreaterThan(0);
    // Bounded: nothing of the flood is kept.
    expect(after.process.rssBytes - before.process.rssBytes).toBeLessThan(80 * 1024 * 1024);
    console.log(
      `flood: ${JSON.stringify(Object.fromEntries(statuses))}, socket errors ${failures}, RSS ${(before.process.rssBytes / 1e6).toFixed(1)} → ${(after.process.rssBytes / 1e6).toFixed(1)} MB, healthz during flood max ${Math.max(...slowHealth)} ms`,
    );
  });
});

// Fault injection against the fake Wix during syncs: the gallery on screen is
// never emptied or partial, and it recovers within one poll interval once the
// fault clears.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Fault, FakeWix } from '../../electron/core/demo/fake-wix';
import { GalleryStore } from '../../electron/core/gallery/store';
import { GallerySync } from '../../electron/core/gallery/sync';
import { PROJECT_A, TEST_KEY, TEST_SITE, startFakeWix } from '../../electron/core/test-support/fake-wix-fixture';
import { silentLogger } from '../../electron/core/util/logger';
import { ApiKeyAuth } from '../../electron/core/wix/auth';
import { WixClient } from '../../electron/core/wix/client';
import { EMPTY_GALLERY } from '../../shared/gallery';

const POLL_MS = 1_000;
const ITEMS = 250; // three pages: a fault can land mid-sync

let wix: FakeWix;
beforeEach(async () => {
  wix = await startFakeWix(ITEMS);
});
afterEach(async () => wix.stop());

async function running(baseUrl = wix.url, expectFull = true) {
  const store = new GalleryStore(EMPTY_GALLERY);
  const shown: number[] = [];
  store.subscribe((state) => shown.push(state.items.length));
  const client = new WixClient({ baseUrl, auth: new ApiKeyAuth(TEST_KEY, TEST_SITE), timeoutMs: 500, retryBudgetMs: 2_000, baseDelayMs: 100 });
  const sync = new GallerySync({ source: client, store, projectId: PROJECT_A, pollMs: POLL_MS, logger: silentLogger, failureBaseMs: 200 });
  await sync.start();
  if (expectFull) expect(store.state.items).toHaveLength(ITEMS);
  return { store, sync, shown };
}

const until = async (check: () => boolean, ms: number) => {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) return false;
    await new Promise((r) => setTimeout(r, 25));
  }
  return true;
};

const faults: [string, Fault | 'page'][] = [
  ['HTTP 500', { kind: 'status', status: 500 }],
  ['HTTP 503', { kind: 'status', status: 503 }],
  ['429 with Retry-After', { kind: 'status', status: 429, retryAfter: '1' }],
  ['429 without Retry-After', { kind: 'status', status: 429 }],
  ['requests that never answer (timeouts)', { kind: 'hang' }],
  ['malformed JSON', { kind: 'malformed' }],
  ['truncated JSON', { kind: 'truncated' }],
  ['dropped connections', { kind: 'reset' }],
  ['a later page failing', 'page'],
];

describe('sync under faults', () => {
  it.each(faults)('%s: the gallery stays whole and recovers within one poll interval', async (_, fault) => {
    const { store, sync, shown } = await running();
    const before = store.state.items;
    if (fault === 'page') {
      // The first page arrives, the second is unreadable: nothing may change.
      wix.failPageAt(100, { kind: 'malformed' });
      await sync.syncNow();
    } else {
      wix.down = fault;
      // The fault must be seen, or "the gallery stays whole" proves nothing.
      expect(await until(() => store.state.lastError !== null, 8_000), 'the fault raised an error').toBe(true);
      await new Promise((r) => setTimeout(r, 1_500));
    }
    expect(store.state.lastError, 'the fault raised an error').not.toBeNull();
    expect(store.state.items).toBe(before);
    expect(shown.every((n) => n === ITEMS)).toBe(true);
    wix.down = null;
    wix.items(PROJECT_A).pop();
    const clearedAt = Date.now();
    // One poll interval, plus one request timeout for an attempt already under way.
    expect(await until(() => store.state.lastError === null && store.state.items.length === ITEMS - 1, POLL_MS + 500 + 1_500)).toBe(true);
    expect(Date.now() - clearedAt).toBeLessThan(POLL_MS + 2_000);
    await sync.stop();
  });

  it('DNS failure: a clear message, the gallery on screen stays whole, and it recovers', async () => {
    // One store, as on the frame: first synced from Wix, then Wix's name stops resolving.
    const { store, sync, shown } = await running();
    await sync.stop();
    const before = store.state.items;
    const client = new WixClient({ baseUrl: 'http://wix-frame-test.invalid', auth: new ApiKeyAuth(TEST_KEY, TEST_SITE), timeoutMs: 500, retryBudgetMs: 2_000, baseDelayMs: 100 });
    const dns = new GallerySync({ source: client, store, projectId: PROJECT_A, pollMs: POLL_MS, logger: silentLogger, failureBaseMs: 200 });
    await dns.start();
    expect(await until(() => store.state.lastError !== null, 8_000), 'the DNS failure raised an error').toBe(true);
    expect(store.state.lastError).toMatch(/could not be resolved|unreachable/);
    expect(store.state.items).toBe(before);
    expect(shown.every((n) => n === ITEMS)).toBe(true);
    await dns.stop();
    // The name resolves again (the real Wix): the next sync clears the message.
    wix.items(PROJECT_A).pop();
    const back = new GallerySync({ source: new WixClient({ baseUrl: wix.url, auth: new ApiKeyAuth(TEST_KEY, TEST_SITE), timeoutMs: 500 }), store, projectId: PROJECT_A, pollMs: POLL_MS, logger: silentLogger });
    await back.start();
    expect(await until(() => store.state.lastError === null && store.state.items.length === ITEMS - 1, POLL_MS + 2_000)).toBe(true);
    await back.stop();
  });
});

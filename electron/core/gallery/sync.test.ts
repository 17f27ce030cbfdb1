import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeWix } from '../demo/fake-wix';
import { sampleItem } from '../demo/sample-project';
import { PROJECT_A, TEST_KEY, TEST_SITE, startFakeWix } from '../test-support/fake-wix-fixture';
import { manualClock, virtualClock } from '../test-support/virtual-clock';
import { silentLogger } from '../util/logger';
import { ApiKeyAuth } from '../wix/auth';
import { WixClient } from '../wix/client';
import { EMPTY_GALLERY, type GalleryItem } from '../../../shared/gallery';
import { GalleryStore } from './store';
import { GallerySync, type ItemSource } from './sync';

let wix: FakeWix;
beforeEach(async () => {
  wix = await startFakeWix(150);
});
afterEach(async () => wix.stop());

const POLL_MS = 60_000;

function setup() {
  const clock = manualClock();
  const store = new GalleryStore({ ...EMPTY_GALLERY, projectId: PROJECT_A });
  const client = new WixClient({ baseUrl: wix.url, auth: new ApiKeyAuth(TEST_KEY, TEST_SITE), clock: virtualClock(), maxAttempts: 2, baseDelayMs: 1 });
  const sync = new GallerySync({ source: client, store, projectId: PROJECT_A, pollMs: POLL_MS, logger: silentLogger, clock, failureBaseMs: 1000 });
  return { clock, store, sync };
}

describe('GallerySync', () => {
  it('syncs at start and again at each poll, with ±10 % jitter', async () => {
    const { clock, store, sync } = setup();
    await sync.start();
    expect(store.state.items).toHaveLength(150);
    expect(store.state.syncedAt).not.toBeNull();
    expect(clock.pending().map((t) => t.ms)).toEqual([POLL_MS]); // random 0.5 → exactly the interval
    wix.items(PROJECT_A).push(sampleItem(PROJECT_A, 150, wix.url));
    clock.fireNext();
    await sync.whenIdle();
    expect(store.state.items).toHaveLength(151);
    await sync.stop();
  });

  it('a failed sync keeps the gallery, records the error and backs off up to the poll interval', async () => {
    const { clock, store, sync } = setup();
    await sync.start();
    const before = store.state.items;
    wix.down = { kind: 'status', status: 503 };
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      clock.fireNext();
      await sync.whenIdle();
      delays.push(clock.pending()[0]!.ms);
    }
    expect(store.state.items).toBe(before);
    expect(store.state.lastError).toMatch(/Wix is unavailable/);
    expect(delays.slice(0, 4)).toEqual([750, 1500, 3000, 6000]);
    expect(delays.at(-1)).toBe(POLL_MS * 0.75); // capped at the interval, then jittered below it
    expect(Math.max(...delays)).toBeLessThanOrEqual(POLL_MS);
    wix.down = null;
    clock.fireNext();
    await sync.whenIdle();
    expect(store.state.lastError).toBeNull();
    expect(clock.pending()[0]!.ms).toBe(POLL_MS);
    await sync.stop();
  });

  it('a partial sync (a later page fails) never changes what is shown', async () => {
    const { store, sync } = setup();
    await sync.start();
    const before = store.state;
    wix.items(PROJECT_A).splice(0, 10);
    wix.failPageAt(100, { kind: 'malformed' });
    await sync.syncNow();
    expect(store.state.items).toBe(before.items);
    expect(store.state.lastError).toMatch(/could not read/);
    expect(wix.requests.filter((r) => r.path.endsWith('/items')).map((r) => new URLSearchParams(r.search).get('paging.offset')).slice(-2)).toEqual(['0', '100']);
    await sync.syncNow();
    expect(store.state.items).toHaveLength(140);
    await sync.stop();
  });

  it('never runs two syncs at once; calls during a sync cause exactly one more', async () => {
    const store = new GalleryStore(EMPTY_GALLERY);
    let active = 0;
    let maxActive = 0;
    let calls = 0;
    const releases: (() => void)[] = [];
    const source: ItemSource = {
      async listProjectItems() {
        calls++;
        active++;
        maxActive = Math.max(maxActive, active);
        await new Promise<void>((resolve) => releases.push(resolve));
        active--;
        return { items: [] as GalleryItem[], skipped: 0 };
      },
    };
    const sync = new GallerySync({ source, store, projectId: PROJECT_A, pollMs: POLL_MS, logger: silentLogger, clock: manualClock() });
    void sync.start();
    void sync.syncNow();
    void sync.syncNow();
    sync.syncSoon(10);
    await new Promise((r) => setTimeout(r, 5));
    expect(calls).toBe(1);
    releases.shift()!();
    await new Promise((r) => setTimeout(r, 5));
    expect(calls).toBe(2);
    releases.shift()!();
    await new Promise((r) => setTimeout(r, 5));
    expect(calls).toBe(2);
    expect(maxActive).toBe(1);
    await sync.stop();
  });

  it('syncSoon keeps the earliest pending time during a burst', async () => {
    const { clock, sync } = setup();
    await sync.start();
    sync.syncSoon(500);
    sync.syncSoon(500);
    sync.syncSoon(500);
    expect(clock.pending().map((t) => t.ms)).toEqual([500]);
    await sync.stop();
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeWix } from '../demo/fake-wix';
import { OAUTH, PROJECT_A, PROJECT_B, TEST_KEY, TEST_SITE, startFakeWix } from '../test-support/fake-wix-fixture';
import { virtualClock } from '../test-support/virtual-clock';
import { closedPort } from '../test-support/free-port';
import { ApiKeyAuth, OAuthAuth } from './auth';
import { WixClient, type WixClientOptions } from './client';
import { WixError } from './errors';

let wix: FakeWix;
afterEach(async () => wix?.stop());

function client(overrides: Partial<WixClientOptions> = {}) {
  return new WixClient({ baseUrl: wix.url, auth: new ApiKeyAuth(TEST_KEY, TEST_SITE), clock: virtualClock(), baseDelayMs: 100, timeoutMs: 2000, ...overrides });
}

async function failure(promise: Promise<unknown>): Promise<WixError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WixError);
  return error as WixError;
}

describe('List Project Items', () => {
  beforeEach(async () => {
    wix = await startFakeWix(250);
  });

  it('pages with limit 100 until the short last page and sorts by sortOrder', async () => {
    // Wix's own order is not the display order.
    wix.items(PROJECT_A).reverse();
    const result = await client().listProjectItems(PROJECT_A);
    expect(result.items).toHaveLength(250);
    expect(result.skipped).toBe(0);
    expect(result.items.map((i) => i.sortOrder)).toEqual([...Array(250).keys()].map((i) => i + 1));
    const pages = wix.requests.filter((r) => r.path.endsWith('/items'));
    expect(pages.map((r) => new URLSearchParams(r.search).get('paging.offset'))).toEqual(['0', '100', '200']);
    expect(pages.every((r) => new URLSearchParams(r.search).get('paging.limit') === '100')).toBe(true);
    expect(pages.every((r) => r.authorization === TEST_KEY)).toBe(true);
  });

  it('asks for one more page when the last page is exactly full and stops at the total', async () => {
    wix.items(PROJECT_A).splice(200);
    const result = await client().listProjectItems(PROJECT_A);
    expect(result.items).toHaveLength(200);
    expect(wix.apiRequestCount('/items')).toBe(2);
  });

  it('skips and counts items without usable media', async () => {
    const items = wix.items(PROJECT_A) as unknown as Record<string, unknown>[];
    items.splice(3);
    items.push({ id: 'no-media', title: 'broken' }, { id: 'bad-image', image: { imageInfo: {} } }, { title: 'no id', image: { imageInfo: { id: 'x~mv2.jpg' } } }, 42 as never);
    items.push({ id: 'odd-fields', sortOrder: '0.5', title: 7, future: { nested: true }, image: { imageInfo: { url: 'https://static.wixstatic.com/media/odd~mv2.jpg', width: 'wide' } } });
    const result = await client().listProjectItems(PROJECT_A);
    expect(result.skipped).toBe(4);
    expect(result.items.map((i) => i.id)[0]).toBe('odd-fields');
    expect(result.items[0]).toMatchObject({ title: '', image: { id: 'odd~mv2.jpg' }, sortOrder: 0.5 });
    expect(result.items[0]?.image?.width).toBeUndefined();
  });
});

describe('errors a person understands', () => {
  beforeEach(async () => {
    wix = await startFakeWix(3);
  });

  it('bad credentials', async () => {
    const error = await failure(new WixClient({ baseUrl: wix.url, auth: new ApiKeyAuth('wrong', TEST_SITE) }).listProjectItems(PROJECT_A));
    expect(error.kind).toBe('auth');
    expect(error.message).toMatch(/credentials.*API key/);
    expect(error.message).not.toMatch(/OAuth|client/i);
  });

  it('project not found', async () => {
    const error = await failure(client().listProjectItems('00000000-0000-4000-8000-000000000000'));
    expect(error.kind).toBe('not-found');
    expect(error.message).toMatch(/project ID/);
  });

  it('rate limited: honours Retry-After, then succeeds', async () => {
    const clock = virtualClock();
    wix.failNext({ kind: 'status', status: 429, retryAfter: '7' }, 2);
    const result = await client({ clock }).listProjectItems(PROJECT_A);
    expect(result.items).toHaveLength(3);
    expect(clock.delays).toEqual([7000, 7000]);
  });

  it('rate limited for longer than the retry budget gives up with a rate-limit error', async () => {
    wix.down = { kind: 'status', status: 429 };
    const error = await failure(client({ retryBudgetMs: 5_000 }).listProjectItems(PROJECT_A));
    expect(error.kind).toBe('rate-limited');
  });

  it('5xx backs off exponentially with jitter, then succeeds', async () => {
    const clock = virtualClock(0, () => 1);
    wix.failNext({ kind: 'status', status: 503 }, 3);
    const result = await client({ clock }).listProjectItems(PROJECT_A);
    expect(result.items).toHaveLength(3);
    expect(clock.delays).toEqual([100, 200, 400]);
  });

  it('jitter spreads the delay between half and all of the step', async () => {
    const clock = virtualClock(0, () => 0);
    wix.failNext({ kind: 'status', status: 500 }, 2);
    await client({ clock }).listProjectItems(PROJECT_A);
    expect(clock.delays).toEqual([50, 100]);
  });

  it('Wix unavailable after bounded attempts', async () => {
    wix.down = { kind: 'status', status: 502 };
    const error = await failure(client({ maxAttempts: 3 }).listProjectItems(PROJECT_A));
    expect(error.kind).toBe('unavailable');
    expect(error.message).toMatch(/unavailable.*last gallery/);
    expect(wix.apiRequestCount()).toBe(3);
  });

  it('connection dropped and unreachable host are network errors, retried', async () => {
    wix.failNext({ kind: 'reset' }, 2);
    expect((await client().listProjectItems(PROJECT_A)).items).toHaveLength(3);
    const dead = await failure(new WixClient({ baseUrl: `http://127.0.0.1:${await closedPort()}`, auth: new ApiKeyAuth('k', 's'), maxAttempts: 2, clock: virtualClock() }).listProjectItems(PROJECT_A));
    expect(dead.kind).toBe('unavailable');
    expect(dead.message).toMatch(/connection refused/);
  });

  it('a request that never answers times out', async () => {
    wix.down = { kind: 'hang' };
    const error = await failure(client({ timeoutMs: 200, maxAttempts: 2 }).listProjectItems(PROJECT_A));
    expect(error.kind).toBe('unavailable');
    expect(error.message).toMatch(/no answer within 0.2 s/);
  });

  it('malformed JSON is a malformed response, not retried', async () => {
    wix.failNext({ kind: 'malformed' });
    const error = await failure(client().listProjectItems(PROJECT_A));
    expect(error.kind).toBe('malformed');
    expect(wix.apiRequestCount()).toBe(1);
  });

  it('a body cut off mid-way is retried like a dropped connection', async () => {
    wix.failNext({ kind: 'truncated' });
    expect((await client().listProjectItems(PROJECT_A)).items).toHaveLength(3);
  });

  it('a response of the wrong shape is malformed', async () => {
    const error = await failure(
      new WixClient({ baseUrl: wix.url, auth: new ApiKeyAuth(TEST_KEY, TEST_SITE), fetch: async () => new Response('{"items": {"not": "a list"}}') }).listProjectItems(PROJECT_A),
    );
    expect(error.kind).toBe('malformed');
  });
});

describe('OAuth client credentials', () => {
  beforeEach(async () => {
    wix = await startFakeWix(3, { tokenLifetimeSeconds: 4 * 3600 });
  });

  const tokenRequests = () => wix.requests.filter((r) => r.path === '/oauth2/token').length;

  it('fetches one token for concurrent requests and caches it', async () => {
    const auth = new OAuthAuth({ baseUrl: wix.url, ...OAUTH });
    const c = new WixClient({ baseUrl: wix.url, auth });
    await Promise.all([c.listProjectItems(PROJECT_A), c.listProjectItems(PROJECT_B), c.listProjectItems(PROJECT_A)]);
    await c.listProjectItems(PROJECT_B);
    expect(tokenRequests()).toBe(1);
    expect(wix.requests.filter((r) => r.path.endsWith('/items')).every((r) => r.authorization === 'OAUTH-1')).toBe(true);
  });

  it('refreshes before the 4 h expiry', async () => {
    const clock = virtualClock();
    const auth = new OAuthAuth({ baseUrl: wix.url, ...OAUTH, clock });
    const c = new WixClient({ baseUrl: wix.url, auth });
    await c.listProjectItems(PROJECT_A);
    clock.advance(3 * 3600_000);
    await c.listProjectItems(PROJECT_A);
    expect(tokenRequests()).toBe(1);
    clock.advance(56 * 60_000); // 3 h 56 min: inside the refresh margin
    await c.listProjectItems(PROJECT_A);
    expect(tokenRequests()).toBe(2);
    expect(wix.requests.at(-1)?.authorization).toBe('OAUTH-2');
  });

  it('a token Wix no longer accepts is replaced once after a 401', async () => {
    const c = new WixClient({ baseUrl: wix.url, auth: new OAuthAuth({ baseUrl: wix.url, ...OAUTH }) });
    await c.listProjectItems(PROJECT_A);
    wix.expireTokens();
    expect((await c.listProjectItems(PROJECT_A)).items).toHaveLength(3);
    expect(tokenRequests()).toBe(2);
  });

  it('wrong client secret is a credentials error', async () => {
    const c = new WixClient({ baseUrl: wix.url, auth: new OAuthAuth({ baseUrl: wix.url, ...OAUTH, clientSecret: 'nope' }) });
    const error = await failure(c.listProjectItems(PROJECT_A));
    expect(error.kind).toBe('auth');
    expect(error.message).toMatch(/client ID, client secret and instance ID/);
    expect(error.message).not.toMatch(/API key|site ID/);
  });
});

describe('projects for the picker', () => {
  beforeEach(async () => {
    wix = await startFakeWix(1);
  });

  it('lists and queries projects by title', async () => {
    const listed = await client().listProjects();
    expect(listed.projects.map((p) => p.title).sort()).toEqual(['Garden', 'Holidays']);
    expect(listed.nextCursor).toBeNull();
    const queried = await client().queryProjects('Gar');
    expect(queried.projects).toEqual([{ id: PROJECT_B, title: 'Garden' }]);
  });

  it('follows cursors across pages', async () => {
    for (let i = 0; i < 150; i++) wix.addProject({ id: `cccccccc-0000-4000-8000-${String(i).padStart(12, '0')}`, title: `Trip ${i}`, items: [] });
    const first = await client().listProjects();
    expect(first.projects).toHaveLength(100);
    const second = await client().listProjects(first.nextCursor!);
    expect(second.projects).toHaveLength(52);
    expect(second.nextCursor).toBeNull();
  });
});

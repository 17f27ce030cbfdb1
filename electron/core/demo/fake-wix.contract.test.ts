// The demo's fake Wix kept honest by Wix's own SDK (@wix/sdk + @wix/portfolio):
// what the official client sends, the fake must answer as Wix does.
//
// Where the SDK sends: createClient's `host.apiBaseUrl` (default
// www.wixapis.com) chooses both the host and the path form; any other host
// gets the site-domain form (/_api/projects-service/…), not the
// /portfolio/v1/… paths the frame calls. So the SDK keeps its default host
// and its `fetch` option (plus the global fetch, which AppStrategy uses for
// its fixed token URL) delivers https://www.wixapis.com/… to the fake on
// 127.0.0.1 over plain HTTP. Every other address is refused before it is
// sent: nothing leaves 127.0.0.1.
import { ApiKeyStrategy, AppStrategy, createClient } from '@wix/sdk';
import { projectItems, projects } from '@wix/portfolio';
import { exportSPKI, generateKeyPair, jwtVerify } from 'jose';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { signWixEvent } from '../webhook/sign-event';
import { ApiKeyAuth } from '../wix/auth';
import { WixClient } from '../wix/client';
import { FakeWix } from './fake-wix';
import { sampleItem } from './sample-project';

const KEY = 'IST.contract-key';
const SITE = '5173e000-0000-4000-8000-00000000c0de';
const OAUTH = { clientId: 'contract-app', clientSecret: 'contract-secret', instanceId: '1a57a7ce-0000-4000-8000-00000000c0de' };
const BIG = 'b1900000-0000-4000-8000-000000000230';
const guid = (i: number) => `${String(i).padStart(8, '0')}-0000-4000-8000-000000000000`;

let wix: FakeWix;
const realFetch = globalThis.fetch;
const refused: string[] = [];

/** https://www.wixapis.com/… → the fake's http://127.0.0.1:<port>/…; the fake itself passes; anything else is refused. */
function localOnlyFetch(input: Parameters<typeof fetch>[0], init?: RequestInit): Promise<Response> {
  const request = new Request(input, init);
  const url = new URL(request.url);
  const fake = new URL(wix.url);
  if (url.origin === 'https://www.wixapis.com') {
    url.protocol = fake.protocol;
    url.host = fake.host;
  } else if (url.origin !== fake.origin) {
    refused.push(request.url);
    return Promise.reject(new Error(`refused to leave 127.0.0.1: ${request.url}`));
  }
  return realFetch(new Request(url, request));
}

const apiKeyClient = () => createClient({ auth: ApiKeyStrategy({ apiKey: KEY, siteId: SITE }), modules: { projects, projectItems }, fetch: localOnlyFetch });

beforeEach(async () => {
  refused.length = 0;
  vi.stubGlobal('fetch', localOnlyFetch);
  wix = await FakeWix.start({ apiKey: KEY, siteId: SITE, oauth: OAUTH });
  // 300 projects: every third a garden.
  for (let i = 0; i < 300; i++) wix.addProject({ id: guid(i), title: i % 3 === 0 ? `Garden ${i}` : `Holidays ${i}`, items: [] });
  wix.addProject({ id: BIG, title: 'Archive', items: Array.from({ length: 230 }, (_, i) => sampleItem(BIG, i, wix.url)) });
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await wix.stop();
  expect(refused).toEqual([]);
});

describe('the fake Wix through the official SDK', () => {
  it('List Projects: cursor paging over 300 projects honours the page size and returns each once', async () => {
    const client = apiKeyClient();
    const seen: string[] = [];
    let cursor: string | undefined;
    const sizes: number[] = [];
    do {
      const page = await client.projects.listProjects({ paging: { limit: 40, ...(cursor ? { cursor } : {}) } });
      sizes.push(page.projects?.length ?? 0);
      seen.push(...(page.projects ?? []).map((p) => p._id!));
      cursor = page.metadata?.cursors?.next ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(301);
    expect(new Set(seen).size).toBe(301);
    expect(sizes.slice(0, -1).every((n) => n === 40)).toBe(true);
  });

  it('Query Projects: a title filter kept across continuations that carry only the cursor, pages of the asked size', async () => {
    const client = apiKeyClient();
    let result = await client.projects.queryProjects().startsWith('title', 'Garden').limit(15).find();
    const titles: string[] = [];
    const sizes: number[] = [];
    for (;;) {
      sizes.push(result.items.length);
      titles.push(...result.items.map((p) => p.title!));
      if (!result.hasNext()) break;
      result = await result.next();
    }
    expect(titles).toHaveLength(100);
    expect(titles.every((t) => t.startsWith('Garden '))).toBe(true);
    expect(sizes.slice(0, -1).every((n) => n === 15)).toBe(true);
    // The SDK's continuations really did carry only the cursor.
    const bodies = wix.requests.filter((r) => r.path === '/portfolio/v1/projects/query').map((r) => JSON.parse(r.body ?? '{}') as { query?: { filter?: unknown; cursorPaging?: { cursor?: string } } });
    expect(bodies.length).toBeGreaterThan(1);
    for (const body of bodies.slice(1)) {
      expect(body.query?.filter).toBeUndefined();
      expect(body.query?.cursorPaging?.cursor).toEqual(expect.any(String));
    }
  });

  it("the frame's own client gets what the SDK gets: the same 100 gardens over cursor pages", async () => {
    const client = new WixClient({ baseUrl: wix.url, auth: new ApiKeyAuth(KEY, SITE) });
    const titles: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await client.queryProjects('Garden', cursor);
      titles.push(...page.projects.map((p) => p.title));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(titles).toHaveLength(100);
    expect(titles.every((t) => t.startsWith('Garden '))).toBe(true);
  });

  it('List Project Items: offset paging over 230 items', async () => {
    const client = apiKeyClient();
    const ids: string[] = [];
    for (let offset = 0; ; offset += 100) {
      const page = await client.projectItems.listProjectItems(BIG, { paging: { limit: 100, offset } });
      ids.push(...(page.items ?? []).map((item) => item._id!));
      expect(page.metadata).toMatchObject({ offset, total: 230 });
      if ((page.items ?? []).length < 100) break;
    }
    expect(ids).toHaveLength(230);
    expect(new Set(ids).size).toBe(230);
    const first = (await client.projectItems.listProjectItems(BIG, { paging: { limit: 1 } })).items![0]!;
    expect(first.image?.imageInfo).toMatch(/^wix:image:\/\//);
  });

  it('OAuth: the SDK gets an app token from the fake and lists with it; a wrong secret is refused', async () => {
    const client = createClient({ auth: AppStrategy({ appId: OAUTH.clientId, appSecret: OAUTH.clientSecret, instanceId: OAUTH.instanceId }), modules: { projects }, fetch: localOnlyFetch });
    const page = await client.projects.listProjects({ paging: { limit: 5 } });
    expect(page.projects).toHaveLength(5);
    expect(wix.requests.some((r) => r.path === '/oauth2/token')).toBe(true);
    const wrong = createClient({ auth: AppStrategy({ appId: OAUTH.clientId, appSecret: 'wrong', instanceId: OAUTH.instanceId }), modules: { projects }, fetch: localOnlyFetch });
    const tokenRequests = wix.requests.filter((r) => r.path === '/oauth2/token').length;
    await expect(wrong.projects.listProjects({ paging: { limit: 5 } })).rejects.toThrow();
    expect(wix.requests.filter((r) => r.path === '/oauth2/token')).toHaveLength(tokenRequests + 1);
    expect(wix.requests.at(-1)?.path).toBe('/oauth2/token');
  });

  it("webhooks: the frame's test signer makes envelopes the SDK's parser accepts, with iss and aud as Wix sends", async () => {
    const pair = await generateKeyPair('RS256', { extractable: true });
    const publicKey = await exportSPKI(pair.publicKey);
    const client = createClient({ auth: AppStrategy({ appId: OAUTH.clientId, publicKey }), modules: { projectItems }, fetch: localOnlyFetch });
    const created: unknown[] = [];
    const updated: unknown[] = [];
    const deleted: unknown[] = [];
    client.projectItems.onProjectItemCreated((event) => void created.push(event));
    client.projectItems.onProjectItemUpdated((event) => void updated.push(event));
    client.projectItems.onProjectItemDeleted((event) => void deleted.push(event));
    const item = sampleItem(BIG, 500, wix.url);
    const tokens = [
      await signWixEvent(pair.privateKey, { kind: 'created', itemId: item.id, entity: { ...item }, appId: OAUTH.clientId, instanceId: OAUTH.instanceId }),
      await signWixEvent(pair.privateKey, { kind: 'updated', itemId: item.id, entity: { ...item, title: 'Renamed' }, appId: OAUTH.clientId }),
      await signWixEvent(pair.privateKey, { kind: 'deleted', itemId: item.id, appId: OAUTH.clientId }),
    ];
    for (const token of tokens) {
      // As Wix sends them: issued by wix.com, for this app.
      await expect(jwtVerify(token, pair.publicKey, { issuer: 'wix.com', audience: OAUTH.clientId })).resolves.toBeTruthy();
      await client.webhooks.process(token);
    }
    expect(created).toEqual([expect.objectContaining({ entity: expect.objectContaining({ _id: item.id, projectId: BIG }), metadata: expect.objectContaining({ entityId: item.id, instanceId: OAUTH.instanceId }) })]);
    expect(updated).toEqual([expect.objectContaining({ entity: expect.objectContaining({ title: 'Renamed' }) })]);
    expect(deleted).toEqual([expect.objectContaining({ metadata: expect.objectContaining({ entityId: item.id }) })]);
  });
});

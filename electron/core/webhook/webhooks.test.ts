import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, UnsecuredJWT, exportSPKI, generateKeyPair, type CryptoKey } from 'jose';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FakeWix } from '../demo/fake-wix';
import { sampleItem } from '../demo/sample-project';
import { startFrame, type StartedFrame } from '../frame';
import { ConfigError } from '../frame-types';
import { FREE_PORTS, OAUTH, PROJECT_A, PROJECT_B, frameEnvFor, startFakeWix } from '../test-support/fake-wix-fixture';
import { silentLogger } from '../util/logger';
import { signWixEvent, wixEventPayload, type SampleEvent } from './sign-event';

let privateKey: CryptoKey;
let publicPem: string;
let otherPrivateKey: CryptoKey;
let wix: FakeWix;
let frame: StartedFrame;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256', { extractable: true });
  privateKey = pair.privateKey;
  publicPem = await exportSPKI(pair.publicKey);
  otherPrivateKey = (await generateKeyPair('RS256')).privateKey;
});

beforeEach(async () => {
  wix = await startFakeWix(4);
  const dir = await mkdtemp(join(tmpdir(), 'frame-hook-'));
  const env = frameEnvFor(wix.url, { FRAME_DATA_DIR: dir, FRAME_WEBHOOK_PORT: '0', WIX_WEBHOOK_PUBLIC_KEY: publicPem });
  frame = await startFrame({ env, argv: [], defaultDataDir: dir, logger: silentLogger });
  await frame.sync!.whenIdle();
  // Confirming syncs would mask what the events alone did.
  await frame.sync!.stop();
});

afterEach(async () => {
  await frame.stop();
  await wix.stop();
});

const ids = () => frame.store.state.items.map((i) => i.id);
const hookUrl = () => frame.webhooks.health().url!;

async function post(body: string, contentType = 'text/plain'): Promise<number> {
  const response = await fetch(hookUrl(), { method: 'POST', body, headers: { 'content-type': contentType } });
  await response.text();
  // The store changes just after the answer.
  await new Promise((r) => setImmediate(r));
  return response.status;
}

function newItem(index: number, sortOrder: number, projectId = PROJECT_A) {
  return { ...sampleItem(projectId, index, wix.url), sortOrder } as unknown as Record<string, unknown>;
}

const signed = (event: SampleEvent, key: CryptoKey = privateKey) => signWixEvent(key, event);
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const HOUR = 3_600_000;

describe('signed events change the gallery', () => {
  it('created, updated (new media) and deleted, in every body form relays use', async () => {
    const created = newItem(10, 2.5);
    expect(await post(await signed({ kind: 'created', itemId: created.id as string, entity: created }))).toBe(200);
    expect(ids()[2]).toBe(created.id);

    const updated = { ...created, image: { imageInfo: { id: 'replaced~mv2.jpg', width: 10, height: 10 } } };
    expect(await post(JSON.stringify(await signed({ kind: 'updated', itemId: created.id as string, entity: updated })), 'application/json')).toBe(200);
    expect(frame.store.state.items[2]?.image?.id).toBe('replaced~mv2.jpg');

    const first = ids()[0]!;
    expect(await post(JSON.stringify({ data: await signed({ kind: 'deleted', itemId: first }) }), 'application/json')).toBe(200);
    expect(ids()).not.toContain(first);
    expect(frame.webhooks.health()).toMatchObject({ enabled: true, accepted: 3, ignored: 0, rejected: 0 });
  });

  it('events for another project or another entity are acknowledged and ignored', async () => {
    const foreign = newItem(11, 1, PROJECT_B);
    expect(await post(await signed({ kind: 'created', itemId: foreign.id as string, entity: foreign }))).toBe(200);
    const otherEntity = { data: JSON.stringify({ eventType: 'wix.portfolio.projects.v1.project_created', instanceId: 'i', data: JSON.stringify({ id: 'e1', entityFqdn: 'wix.portfolio.projects.v1.project', slug: 'created', entityId: 'p', eventTime: ago(1_000) }) }) };
    const token = await new SignJWT(otherEntity).setProtectedHeader({ alg: 'RS256' }).sign(privateKey);
    expect(await post(token)).toBe(200);
    expect(ids()).toHaveLength(4);
    expect(frame.webhooks.health()).toMatchObject({ accepted: 0, ignored: 2 });
  });
});

describe('forged or broken requests are refused and change nothing', () => {
  it.each([
    ['alg none', async () => new UnsecuredJWT(wixEventPayload({ kind: 'deleted', itemId: 'x' })).encode(), 401],
    [
      'HS256 signed with the public key as secret',
      async () => new SignJWT(wixEventPayload({ kind: 'deleted', itemId: 'x' })).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(publicPem)),
      401,
    ],
    ['a different RSA key', async () => signed({ kind: 'deleted', itemId: 'x' }, otherPrivateKey), 401],
    [
      'a tampered payload',
      async () => {
        const [header, , signature] = (await signed({ kind: 'deleted', itemId: 'a' })).split('.');
        const payload = Buffer.from(JSON.stringify(wixEventPayload({ kind: 'deleted', itemId: 'b' }))).toString('base64url');
        return `${header}.${payload}.${signature}`;
      },
      401,
    ],
    ['a truncated token', async () => (await signed({ kind: 'deleted', itemId: 'x' })).slice(0, -20), 401],
    ['garbage', async () => 'hello there', 400],
    ['an empty body', async () => '', 400],
    ['JSON without a token', async () => '{"data": 42}', 400],
  ])('%s', async (_, makeBody, status) => {
    const before = frame.store.state;
    const target = before.items[0]!.id;
    const body = (await makeBody()).replace(/"itemId":"x"/, `"itemId":"${target}"`);
    expect(await post(body)).toBe(status);
    expect(frame.store.state).toBe(before);
    expect(frame.webhooks.health().rejected).toBe(1);
  });

  it('a body over 256 KB is refused with 413', async () => {
    const response = await fetch(hookUrl(), { method: 'POST', body: 'a'.repeat(300 * 1024) }).catch(() => null);
    if (response) expect(response.status).toBe(413);
    expect(frame.webhooks.health().rejected).toBe(1);
    expect(ids()).toHaveLength(4);
  });

  it('a signed token with a malformed envelope is a 400', async () => {
    const token = await new SignJWT({ data: '{not json' }).setProtectedHeader({ alg: 'RS256' }).sign(privateKey);
    expect(await post(token)).toBe(400);
  });

  it('other paths and methods', async () => {
    const base = hookUrl().replace('/webhooks/wix', '');
    expect((await fetch(`${base}/other`, { method: 'POST', body: 'x' })).status).toBe(404);
    expect((await fetch(hookUrl())).status).toBe(405);
    const text = await (await fetch(hookUrl(), { method: 'POST', body: 'junk' })).text();
    expect(text).toBe('{"error":"malformed body"}');
  });
});

describe('duplicates and out-of-order deliveries converge', () => {
  it('drops duplicates by event id and older events by sequence', async () => {
    const item = newItem(20, 9);
    const id = item.id as string;
    const v1 = await signed({ kind: 'created', itemId: id, entity: item, eventId: 'e1', sequence: 1 });
    const v3 = await signed({ kind: 'updated', itemId: id, entity: { ...item, title: 'third' }, eventId: 'e3', sequence: 3 });
    const v2 = await signed({ kind: 'updated', itemId: id, entity: { ...item, title: 'second' }, eventId: 'e2', sequence: 2 });
    for (const token of [v1, v3, v1, v2, v3]) expect(await post(token)).toBe(200);
    expect(frame.store.state.items.find((i) => i.id === id)?.title).toBe('third');
    expect(frame.webhooks.health()).toMatchObject({ accepted: 2, ignored: 3 });
  });

  it('a delete that overtakes its create keeps the item away', async () => {
    const item = newItem(21, 9);
    const id = item.id as string;
    await post(await signed({ kind: 'deleted', itemId: id, sequence: 2, eventTime: ago(1_000) }));
    await post(await signed({ kind: 'created', itemId: id, entity: item, sequence: 1, eventTime: ago(2_000) }));
    expect(ids()).not.toContain(id);
  });

  it('without sequences, eventTime decides', async () => {
    const target = frame.store.state.items[1]!;
    const raw = newItem(1, target.sortOrder);
    await post(await signed({ kind: 'updated', itemId: target.id, entity: { ...raw, id: target.id, title: 'new' }, eventTime: ago(1_000) }));
    await post(await signed({ kind: 'updated', itemId: target.id, entity: { ...raw, id: target.id, title: 'old' }, eventTime: ago(2_000) }));
    expect(frame.store.state.items[1]?.title).toBe('new');
  });

  it('an event older than the synced item is dropped', async () => {
    const target = frame.store.state.items[0]!;
    // As if the last sync had seen it changed an hour ago.
    frame.store.upsert({ ...target, updatedDate: ago(3_600_000) });
    expect(await post(await signed({ kind: 'deleted', itemId: target.id, eventTime: ago(2 * 3_600_000) }))).toBe(200);
    expect(ids()).toContain(target.id);
    expect(frame.webhooks.health()).toMatchObject({ accepted: 0, ignored: 1, rejected: 0 });
  });
});

describe('events bound in time and to this install', () => {
  it('refuses events issued or dated more than 48 hours ago or more than 5 minutes ahead, and changes nothing', async () => {
    const target = frame.store.state.items[0]!.id;
    const now = Math.floor(Date.now() / 1000);
    const stale = [
      await signed({ kind: 'deleted', itemId: target, issuedAt: now - 4 * 24 * 3600, eventTime: ago(4 * 24 * HOUR) }),
      await signed({ kind: 'deleted', itemId: target, issuedAt: now - 49 * 3600 }),
      await signed({ kind: 'deleted', itemId: target, eventTime: ago(49 * HOUR) }),
      await signed({ kind: 'deleted', itemId: target, issuedAt: now + 600 }),
      await signed({ kind: 'deleted', itemId: target, eventTime: ago(-10 * 60_000) }),
    ];
    const undated = await new SignJWT(wixEventPayload({ kind: 'deleted', itemId: target, eventTime: 'not a date' })).setProtectedHeader({ alg: 'RS256' }).sign(privateKey);
    stale.push(undated);
    for (const token of stale) expect(await post(token)).toBe(400);
    expect(ids()).toContain(target);
    expect(frame.webhooks.health()).toMatchObject({ accepted: 0, rejected: stale.length });
    // Wix retries for about 47 hours: an event a day old is still taken.
    expect(await post(await signed({ kind: 'deleted', itemId: target, issuedAt: now - 24 * 3600, eventTime: ago(24 * HOUR) }))).toBe(200);
    expect(ids()).not.toContain(target);
  });

  it('a captured event sent again after a restart is a duplicate', async () => {
    const [first, second] = frame.store.state.items.map((i) => i.id);
    const token = await signed({ kind: 'deleted', itemId: first!, eventId: 'evt-replayed' });
    expect(await post(token)).toBe(200);
    expect(ids()).not.toContain(first);
    await frame.stop();
    // The item is back on Wix, and the frame restarts with the same data dir.
    frame = await startFrame({ env: frameEnvFor(wix.url, { FRAME_DATA_DIR: frame.config.dataDir, FRAME_WEBHOOK_PORT: '0', WIX_WEBHOOK_PUBLIC_KEY: publicPem }), argv: [], defaultDataDir: frame.config.dataDir, logger: silentLogger });
    await frame.sync!.whenIdle();
    await frame.sync!.stop();
    expect(ids()).toContain(first);
    expect(await post(token)).toBe(200);
    expect(ids()).toContain(first);
    expect(frame.webhooks.health()).toMatchObject({ accepted: 0, ignored: 1 });
    expect(await post(await signed({ kind: 'deleted', itemId: second!, eventId: 'evt-new' }))).toBe(200);
    expect(ids()).not.toContain(second);
  });

  it('with FRAME_WIX_INSTANCE_ID, refuses events of any other instance', async () => {
    const mine = '1a57a7ce-0000-4000-8000-00000000abcd';
    await frame.stop();
    frame = await startFrame({ env: frameEnvFor(wix.url, { FRAME_DATA_DIR: frame.config.dataDir, FRAME_WEBHOOK_PORT: '0', WIX_WEBHOOK_PUBLIC_KEY: publicPem, FRAME_WIX_INSTANCE_ID: mine }), argv: [], defaultDataDir: frame.config.dataDir, logger: silentLogger });
    await frame.sync!.whenIdle();
    await frame.sync!.stop();
    const [first] = ids();
    expect(await post(await signed({ kind: 'deleted', itemId: first!, instanceId: '99999999-0000-4000-8000-000000000000' }))).toBe(403);
    expect(await post(await signed({ kind: 'deleted', itemId: first! }))).toBe(403);
    expect(ids()).toContain(first);
    expect(await post(await signed({ kind: 'deleted', itemId: first!, instanceId: mine.toUpperCase() }))).toBe(200);
    expect(ids()).not.toContain(first);
  });

  it('an OAuth frame takes only its own WIX_INSTANCE_ID’s events', async () => {
    await frame.stop();
    const env = { WIX_API_BASE_URL: wix.url, WIX_MEDIA_BASE_URL: wix.url, WIX_CLIENT_ID: OAUTH.clientId, WIX_CLIENT_SECRET: OAUTH.clientSecret, WIX_INSTANCE_ID: OAUTH.instanceId, WIX_PROJECT_ID: PROJECT_A };
    frame = await startFrame({ env: { ...env, FRAME_DATA_DIR: frame.config.dataDir, FRAME_WEBHOOK_PORT: '0', WIX_WEBHOOK_PUBLIC_KEY: publicPem }, argv: [], defaultDataDir: frame.config.dataDir, logger: silentLogger });
    await frame.sync!.whenIdle();
    await frame.sync!.stop();
    const [first] = ids();
    expect(await post(await signed({ kind: 'deleted', itemId: first! }))).toBe(403);
    expect(await post(await signed({ kind: 'deleted', itemId: first!, instanceId: OAUTH.instanceId }))).toBe(200);
    expect(ids()).not.toContain(first);
  });
});

describe('configuration', () => {
  it('is off without a key and says so', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'frame-hook-'));
    const off = await startFrame({ env: { FRAME_DATA_DIR: dir, ...FREE_PORTS }, argv: [], defaultDataDir: dir, logger: silentLogger });
    expect(off.health().webhook).toMatchObject({ enabled: false, reason: expect.stringMatching(/WIX_WEBHOOK_PUBLIC_KEY/) });
    await off.stop();
  });

  it('a bad key is refused at start with a clear message', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'frame-hook-'));
    const start = startFrame({ env: { FRAME_DATA_DIR: dir, ...FREE_PORTS, WIX_WEBHOOK_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----' }, argv: [], defaultDataDir: dir, logger: silentLogger });
    await expect(start).rejects.toBeInstanceOf(ConfigError);
    await expect(start).rejects.toThrow(/^WIX_WEBHOOK_PUBLIC_KEY must be an RSA public key/);
  });
});

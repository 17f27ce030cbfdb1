// The relay, three frames without Wix credentials and a client playing Home
// Assistant, all on a real Mosquitto: what each point of the fleet promises.
import { CompactSign, generateKeyPair } from 'jose';
import mqtt from 'mqtt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleItem } from '../demo/sample-project';
import type { StartedFrame } from '../frame';
import { PROJECT_A, PROJECT_B } from '../test-support/fake-wix-fixture';
import { FleetFixture, tempDir, until } from '../test-support/fleet-fixture';
import { signWixEvent } from '../webhook/sign-event';
import { fleetTopics } from './topics';

let fleet: FleetFixture;
beforeEach(async () => {
  fleet = await FleetFixture.start(5);
});
afterEach(async () => {
  await fleet.stop();
});

const topics = fleetTopics('frame');
const ids = (frame: StartedFrame) => frame.store.state.items.map((i) => i.id);
const hasItem = (frame: StartedFrame, id: string) => ids(frame).includes(id);

async function postWebhook(url: string, token: string): Promise<number> {
  const response = await fetch(url, { method: 'POST', body: token });
  await response.text();
  return response.status;
}

async function threeFrames(): Promise<StartedFrame[]> {
  const frames = await Promise.all(['kitchen', 'hall', 'office'].map((id) => fleet.frame(id)));
  for (const frame of frames) await until(() => frame.store.state.items.length === 5, `${frame.config.fleet!.frameId} to show the relay's gallery`);
  return frames;
}

describe('relay and frames on a real broker', () => {
  it('a webhook to the relay reaches every frame; the frames never call Wix', async () => {
    const relay = await fleet.relay();
    const frames = await threeFrames();
    const wixCallsByFrames = fleet.wix.apiRequestCount();
    const item = sampleItem(PROJECT_A, 50, fleet.wix.url);
    fleet.wix.items(PROJECT_A).push(item);
    expect(await postWebhook(relay.webhooks.health().url!, await signWixEvent(fleet.webhookKey, { kind: 'created', itemId: item.id, entity: { ...item } }))).toBe(200);
    for (const frame of frames) await until(() => hasItem(frame, item.id), 'the new photo on every frame');

    fleet.wix.items(PROJECT_A).pop();
    await postWebhook(relay.webhooks.health().url!, await signWixEvent(fleet.webhookKey, { kind: 'deleted', itemId: item.id }));
    for (const frame of frames) await until(() => !hasItem(frame, item.id), 'the deleted photo gone from every frame');
    // Only the relay's confirming sync may have asked Wix anything since.
    expect(fleet.wix.apiRequestCount() - wixCallsByFrames).toBeLessThanOrEqual(2);
    expect(frames[0]!.getSnapshot().status.fleet).toMatchObject({ frameId: 'kitchen', broker: 'connected', relay: 'online', source: 'relay', relayKey: { fingerprint: relay.keyFingerprint, source: 'first-use' } });
    expect(frames[0]!.health().webhook.enabled).toBe(false);
  });

  it('forged messages on the broker are ignored: unsigned, signed by another key, or moved from another topic', async () => {
    const relay = await fleet.relay();
    const [frame] = await threeFrames();
    const before = ids(frame!);
    const forger = await mqtt.connectAsync(fleet.broker.url);
    const impostor = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const fake = { ...sampleItem(PROJECT_A, 66, fleet.wix.url), id: 'forged-item' };
    const envelope = (topic: string, seq: number, body: unknown) => ({ topic, epoch: Date.now() * 2, seq, at: new Date().toISOString(), body });
    const gallery = { projectId: PROJECT_A, items: [fake], upserts: [fake], removed: before, syncedAt: new Date().toISOString(), lastError: null };
    const forge = (topic: string, seq: number, body: unknown = gallery) => new CompactSign(new TextEncoder().encode(JSON.stringify(envelope(topic, seq, body)))).setProtectedHeader({ alg: 'EdDSA' }).sign(impostor.privateKey);
    await forger.publishAsync(topics.snapshot(PROJECT_A), JSON.stringify(envelope(topics.snapshot(PROJECT_A), 1, gallery)), { retain: true, qos: 1 });
    await forger.publishAsync(topics.changes(PROJECT_A), await forge(topics.changes(PROJECT_A), 1), { qos: 1 });
    await forger.publishAsync(topics.snapshot(PROJECT_A), await forge(topics.snapshot(PROJECT_A), 2), { retain: true, qos: 1 });
    // A genuine relay message of project B, replayed on A's topic, fails the topic check.
    const garden = await fleet.frame('garden', { WIX_PROJECT_ID: PROJECT_B });
    await until(() => garden.store.state.items.length === 3, 'project B on a frame');
    const watcher = await fleet.watcher([topics.snapshot(PROJECT_B)]);
    const genuineB = await until(() => watcher.last.get(topics.snapshot(PROJECT_B)), 'the relay\'s snapshot of B');
    await forger.publishAsync(topics.snapshot(PROJECT_A), genuineB, { retain: true, qos: 1 });
    // A late frame meets only forged snapshots of A on the broker, and shows none of them.
    const late = await fleet.frame('late');
    await new Promise((r) => setTimeout(r, 500));
    expect(ids(frame!)).toEqual(before);
    expect(late.store.state.items).toHaveLength(0);
    // The relay's next change brings the late frame the real gallery.
    const item = sampleItem(PROJECT_A, 53, fleet.wix.url);
    fleet.wix.items(PROJECT_A).push(item);
    await postWebhook(relay.webhooks.health().url!, await signWixEvent(fleet.webhookKey, { kind: 'created', itemId: item.id, entity: { ...item } }));
    await until(() => hasItem(late, item.id) && late.store.state.items.length === 6, 'the late frame to take the relay\'s snapshot');
    expect(hasItem(late, 'forged-item')).toBe(false);
    // A well-formed key announcement by an impostor does not move a pinned key.
    const { exportSPKI } = await import('jose');
    await forger.publishAsync(topics.relayKey, await forge(topics.relayKey, 0, { publicKeyPem: await exportSPKI(impostor.publicKey) }), { retain: true, qos: 1 });
    await new Promise((r) => setTimeout(r, 300));
    expect(frame!.getSnapshot().status.fleet?.relayKey?.fingerprint).toBe(relay.keyFingerprint);
    expect(late.getSnapshot().status.fleet?.relayKey?.fingerprint).toBe(relay.keyFingerprint);
    await forger.endAsync();
  });

  it('a late frame takes the retained snapshot with every change made before it started', async () => {
    const relay = await fleet.relay();
    const [first] = await threeFrames();
    const item = sampleItem(PROJECT_A, 51, fleet.wix.url);
    fleet.wix.items(PROJECT_A).push(item);
    await postWebhook(relay.webhooks.health().url!, await signWixEvent(fleet.webhookKey, { kind: 'created', itemId: item.id, entity: { ...item } }));
    await until(() => hasItem(first!, item.id), 'the change on the first frame');
    const late = await fleet.frame('late');
    await until(() => hasItem(late, item.id) && late.store.state.items.length === 6, 'the late frame to have all six');
  });

  it('a broker restart (retained messages lost) loses nothing: changes made meanwhile arrive, Home Assistant sees the frames again', async () => {
    const relay = await fleet.relay();
    const frames = await threeFrames();
    const ha = await fleet.watcher(['homeassistant/#', 'frame/+/status']);
    await until(() => ha.text('frame/kitchen/status') === 'online', 'kitchen online');
    await fleet.broker.stop();
    await until(() => frames.every((f) => f.getSnapshot().status.problems.some((p) => p.area === 'relay')), 'the frames to say the broker is away');
    // Reconnect attempts back off while the broker stays away.
    await until(() => frames[0]!.fleet!.link.client.options.reconnectPeriod! > 1_000, 'the reconnect pauses to grow');
    expect(frames[0]!.store.state.items).toHaveLength(5);
    // While the broker is down Wix changes; the relay hears it and must deliver it later.
    const item = sampleItem(PROJECT_A, 52, fleet.wix.url);
    fleet.wix.items(PROJECT_A).push(item);
    await postWebhook(relay.webhooks.health().url!, await signWixEvent(fleet.webhookKey, { kind: 'created', itemId: item.id, entity: { ...item } }));
    ha.last.clear();
    await fleet.broker.restart();
    for (const frame of frames) await until(() => hasItem(frame, item.id), 'the change made while the broker was down', 20_000);
    await until(() => frames.every((f) => !f.getSnapshot().status.problems.some((p) => p.area === 'relay')), 'the relay problem to clear', 20_000);
    await until(() => ha.text('frame/hall/status') === 'online' && ha.json('homeassistant/button/frame_hall/next/config'), 'discovery again after the restart', 20_000);
  });

  it('with the relay gone the frames keep their gallery and say so; a new relay catches them up', async () => {
    const relayDir = await tempDir();
    const relay = await fleet.relay(relayDir);
    const frames = await threeFrames();
    // Vanishes without a goodbye: the broker publishes the relay's Last Will.
    relay.link.client.stream.destroy();
    await relay.stop();
    await until(() => frames.every((f) => f.getSnapshot().status.fleet?.relay === 'offline'), 'the frames to see the relay offline');
    const problem = frames[0]!.getSnapshot().status.problems.find((p) => p.area === 'relay');
    expect(problem?.message).toMatch(/relay is offline/);
    expect(frames[0]!.store.state.items).toHaveLength(5);
    expect(frames[0]!.health().ok).toBe(false);
    fleet.wix.items(PROJECT_A).splice(0, 2);
    await fleet.relay(relayDir);
    for (const frame of frames) await until(() => frame.store.state.items.length === 3, 'the change made while the relay was gone');
    await until(() => frames.every((f) => f.getSnapshot().status.fleet?.relay === 'online' && f.health().ok), 'all well again');
  });

  it('a frame that dies without a goodbye is shown offline at once by its Last Will', async () => {
    await fleet.relay();
    const [kitchen] = await threeFrames();
    const ha = await fleet.watcher(['frame/+/status']);
    await until(() => ha.text('frame/kitchen/status') === 'online', 'kitchen online');
    // The TCP connection drops with no DISCONNECT, as when the process is killed.
    const client = kitchen!.fleet!.link.client;
    client.options.reconnectPeriod = 0;
    client.stream.destroy();
    await until(() => ha.text('frame/kitchen/status') === 'offline', 'kitchen offline by its Last Will');
    expect(ha.text('frame/hall/status')).toBe('online');
  });

  it('the relay key can be pinned: a frame pinned to another key ignores this relay', async () => {
    const relayDir = await tempDir();
    const relay = await fleet.relay(relayDir);
    const { readFile } = await import('node:fs/promises');
    const pinned = await fleet.frame('pinned', { FRAME_RELAY_PUBLIC_KEY: await readFile(relay.publicKeyPath, 'utf8') });
    await until(() => pinned.store.state.items.length === 5, 'the pinned frame to show the gallery');
    expect(pinned.getSnapshot().status.fleet?.relayKey).toEqual({ fingerprint: relay.keyFingerprint, source: 'env' });
    const otherKey = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const { exportSPKI } = await import('jose');
    const stranger = await fleet.frame('stranger', { FRAME_RELAY_PUBLIC_KEY: await exportSPKI(otherKey.publicKey) });
    await new Promise((r) => setTimeout(r, 500));
    expect(stranger.store.state.items).toHaveLength(0);
  });

  it('a real frame: next, previous and pause reach its show; what it shows is the title sensor and the image', async () => {
    await fleet.relay();
    const ha = await fleet.watcher(['homeassistant/#', 'frame/#']);
    const frame = await fleet.frame('porch');
    await until(() => frame.store.state.items.length === 5, 'the gallery');
    await until(() => ha.json('homeassistant/button/frame_porch/next/config'), 'discovery');
    const commands: string[] = [];
    frame.onShowCommand((command) => commands.push(command));
    await ha.client.publishAsync('frame/porch/cmd/next', 'PRESS', { qos: 1 });
    await ha.client.publishAsync('frame/porch/cmd/previous', 'PRESS', { qos: 1 });
    await until(() => commands.length === 2, 'next and previous at the show');
    expect(commands).toEqual(['next', 'previous']);
    await ha.client.publishAsync('frame/porch/cmd/pause', 'ON', { qos: 1 });
    await until(() => frame.getSnapshot().status.paused && ha.text('frame/porch/state/paused') === 'ON', 'paused');
    await ha.client.publishAsync('frame/porch/cmd/pause', 'OFF', { qos: 1 });
    await until(() => !frame.getSnapshot().status.paused && ha.text('frame/porch/state/paused') === 'OFF', 'resumed');
    const item = frame.store.state.items[1]!;
    frame.reportShowing({ itemIds: [item.id], title: item.title, at: new Date().toISOString() });
    await until(() => ha.text('frame/porch/state/title') === item.title, 'the title sensor');
    expect(ha.text('frame/porch/state/image')).toBe(`${fleet.wix.url}/media/${encodeURIComponent(item.image!.id)}/v1/fit/w_640,h_640,al_c,q_85,enc_auto/${encodeURIComponent(item.image!.id)}`);
  });

  it('the picker lists the relay\'s projects, and picking one switches the gallery', async () => {
    await fleet.relay();
    const frame = await fleet.frame('picker', { WIX_PROJECT_ID: '' });
    const listed = await until(async () => {
      const result = await frame.settings.listProjects('');
      return result.ok && result.projects.length === 2 ? result.projects : null;
    }, 'the relay\'s projects');
    expect(listed.map((p) => p.title).sort()).toEqual(['Garden', 'Holidays']);
    expect((await frame.settings.listProjects('gar')).ok && (await frame.settings.listProjects('gar'))).toMatchObject({ projects: [{ id: PROJECT_B }] });
    expect(frame.getSnapshot().status.setupNeeded).toBe(true);
    await frame.settings.saveSettings({ projectId: PROJECT_B });
    await until(() => frame.store.state.projectId === PROJECT_B && frame.store.state.items.length === 3, 'project B on the frame');
    expect(frame.getSnapshot().status.setupNeeded).toBe(false);
  });
});

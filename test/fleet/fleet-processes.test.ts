// The fleet as it is deployed: `npm run relay` and three `npm run serve`
// frames as processes (built), a real Mosquitto, and a client playing Home
// Assistant. Killing processes is what shows the Last Wills.
import { exportSPKI, generateKeyPair, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FrameProcess } from '../../e2e/support/frame-process';
import { RelayProcess } from '../../e2e/support/relay-process';
import type { FakeWix } from '../../electron/core/demo/fake-wix';
import { sampleItem } from '../../electron/core/demo/sample-project';
import { PROJECT_A, PROJECT_B, frameEnvFor, startFakeWix } from '../../electron/core/test-support/fake-wix-fixture';
import { BrokerWatcher, until } from '../../electron/core/test-support/fleet-fixture';
import { Mosquitto } from '../../electron/core/test-support/mosquitto';
import { signWixEvent } from '../../electron/core/webhook/sign-event';
import type { FrameSnapshot } from '../../shared/display';

let wix: FakeWix;
let broker: Mosquitto;
let relay: RelayProcess;
let frames: FrameProcess[];
let ha: BrokerWatcher;
let key: CryptoKey;
let relayEnv: Record<string, string>;

const frameEnv = (id: string) => ({ WIX_MEDIA_BASE_URL: wix.url, WIX_PROJECT_ID: PROJECT_A, FRAME_MQTT_URL: broker.url, FRAME_ID: id });
const get = async <T>(url: string): Promise<T> => (await fetch(url)).json() as Promise<T>;
const itemIds = async (frame: FrameProcess) => (await get<{ items: { id: string }[] }>(`${frame.url}/api/state`)).items.map((i) => i.id);
const snapshot = (frame: FrameProcess) => get<FrameSnapshot>(`${frame.url}/api/snapshot`);

beforeAll(async () => {
  wix = await startFakeWix(6);
  broker = await Mosquitto.start();
  const pair = await generateKeyPair('RS256', { extractable: true });
  key = pair.privateKey;
  relayEnv = frameEnvFor(wix.url, { FRAME_POLL_SECONDS: '3600', WIX_WEBHOOK_PUBLIC_KEY: await exportSPKI(pair.publicKey), FRAME_MQTT_URL: broker.url });
  relay = await new RelayProcess(relayEnv).start();
  ha = await BrokerWatcher.connect(broker.url, ['homeassistant/#', 'frame/+/status', 'frame/+/state/#']);
  frames = await Promise.all(['kitchen', 'hall', 'office'].map((id) => new FrameProcess({ env: frameEnv(id) }).start()));
  for (const frame of frames) await until(async () => (await itemIds(frame)).length === 6, 'each frame to show the relay\'s gallery');
});

afterAll(async () => {
  await ha?.close();
  await Promise.all((frames ?? []).map((f) => f.stop()));
  await relay?.stop();
  await broker?.stop();
  await wix?.stop();
});

describe('the fleet as processes', () => {
  it('the relay says what it serves on /healthz', async () => {
    const health = await get<{ ok: boolean; mqtt: { connected: boolean }; frames: number; projects: { projectId: string; items: number }[] }>(relay.healthUrl);
    expect(health).toMatchObject({ ok: true, mqtt: { connected: true }, frames: 3, projects: [{ projectId: PROJECT_A, items: 6 }] });
  });

  it('a webhook to the relay reaches all three frames', async () => {
    const item = sampleItem(PROJECT_A, 40, wix.url);
    wix.items(PROJECT_A).push(item);
    const response = await fetch(relay.webhookUrl, { method: 'POST', body: await signWixEvent(key, { kind: 'created', itemId: item.id, entity: { ...item } }) });
    expect(response.status).toBe(200);
    for (const frame of frames) await until(async () => (await itemIds(frame)).includes(item.id), 'the new photo on every frame');
  });

  it('each frame is a Home Assistant device, and the picker of a frame lists the relay\'s projects over HTTP', async () => {
    for (const id of ['kitchen', 'hall', 'office']) await until(() => ha.json(`homeassistant/switch/frame_${id}/screen/config`) && ha.text(`frame/${id}/status`) === 'online', `${id} in Home Assistant`);
    const projects = await get<{ ok: boolean; projects: { id: string; title: string }[] }>(`${frames[0]!.url}/api/projects?q=`);
    expect(projects.ok && projects.projects.map((p) => p.id).sort()).toEqual([PROJECT_A, PROJECT_B].sort());
  });

  it('a frame killed is shown offline at once', async () => {
    frames[2]!.kill();
    await until(() => ha.text('frame/office/status') === 'offline', 'office offline by its Last Will');
    expect(ha.text('frame/kitchen/status')).toBe('online');
  });

  it('the relay killed: frames keep their photos and say so; a new relay catches them up', async () => {
    relay.kill();
    await until(async () => (await snapshot(frames[0]!)).status.fleet?.relay === 'offline', 'the frames to see the relay gone');
    const status = (await snapshot(frames[0]!)).status;
    expect(status.problems.find((p) => p.area === 'relay')?.message).toMatch(/relay is offline/);
    expect(await itemIds(frames[0]!)).toHaveLength(7);
    wix.items(PROJECT_A).splice(0, 3);
    relay = await new RelayProcess(relayEnv, relay.dataDir).start();
    for (const frame of frames.slice(0, 2)) await until(async () => (await itemIds(frame)).length === 4, 'the change made while the relay was gone', 30_000);
    await until(async () => (await snapshot(frames[1]!)).status.problems.every((p) => p.area !== 'relay'), 'the problem to clear');
  });

  it('a frame started late on another project is served, also by a restarted relay', async () => {
    // On project B, which the relay learns of only from the late frame's retained want.
    const late = new FrameProcess({ env: { ...frameEnv('late'), WIX_PROJECT_ID: PROJECT_B } });
    frames.push(await late.start());
    await until(async () => (await itemIds(late)).length === 3, 'the late frame to show project B', 30_000);
    // The relay restarted once more (same session on the broker) still serves what the frames want.
    await relay.stop();
    wix.items(PROJECT_B).pop();
    relay = await new RelayProcess(relayEnv, relay.dataDir).start();
    await until(async () => (await itemIds(late)).length === 2, 'the late frame to follow B after the relay restarted', 30_000);
  });
});

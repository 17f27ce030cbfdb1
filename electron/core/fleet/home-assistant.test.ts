// Home Assistant's side of a frame on a real Mosquitto: discovery, every
// command, state, availability; the show is a recorder of contract C's shape.
import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleItem } from '../demo/sample-project';
import { PROJECT_A, PROJECT_B } from '../test-support/fake-wix-fixture';
import { BrokerWatcher, FleetFixture, tempDir, until } from '../test-support/fleet-fixture';
import { Mosquitto } from '../test-support/mosquitto';
import { silentLogger } from '../util/logger';
import { loadFleetConfig } from '../config/fleet-config';
import { openMqttLink, type MqttLink } from './mqtt-link';
import { HomeAssistantLink, type FrameControls, type ShowCommand, type ShowingNow } from './home-assistant';
import { fleetTopics } from './topics';

let fleet: FleetFixture;
beforeEach(async () => {
  fleet = await FleetFixture.start(4);
});
afterEach(async () => {
  await fleet.stop();
});

/** A frame as Home Assistant sees it, with a show that records what it is told. */
function recordingControls() {
  const commands: ShowCommand[] = [];
  const showingListeners = new Set<(now: ShowingNow) => void>();
  const changeListeners = new Set<() => void>();
  const state = { paused: false, screen: 'on' as 'on' | 'off', projectId: PROJECT_A as string | null, showing: null as ShowingNow | null };
  const changed = () => changeListeners.forEach((l) => l());
  const controls: FrameControls = {
    show: {
      control(command) {
        commands.push(command);
        if (command === 'pause' || command === 'resume') {
          state.paused = command === 'pause';
          changed();
        }
      },
      showing: () => state.showing,
      onShowing(listener) {
        showingListeners.add(listener);
        return () => showingListeners.delete(listener);
      },
    },
    paused: () => state.paused,
    screen: () => state.screen,
    async setScreen(on) {
      state.screen = on ? 'on' : 'off';
      changed();
    },
    projectId: () => state.projectId,
    projects: () => [
      { id: PROJECT_A, title: 'Holidays' },
      { id: PROJECT_B, title: 'Garden' },
    ],
    async selectProject(id) {
      state.projectId = id;
      changed();
    },
    imageUrl: (itemId) => `https://static.example/media/${itemId}.jpg`,
    onChange(listener) {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },
  };
  const show = (now: ShowingNow) => {
    state.showing = now;
    showingListeners.forEach((l) => l(now));
  };
  return { controls, commands, state, show };
}

async function linkFor(url: string, frameId: string, extra: Record<string, string> = {}, caPem?: string): Promise<MqttLink> {
  const config = { ...loadFleetConfig({ FRAME_MQTT_URL: url, FRAME_ID: frameId, ...extra })!, caPem: caPem ?? null };
  const topics = fleetTopics(config.prefix);
  return openMqttLink({ fleet: config, clientId: `test-${frameId}`, will: { topic: topics.frameStatus(frameId), payload: 'offline' }, logger: silentLogger, minReconnectMs: 100 });
}

describe('Home Assistant by MQTT discovery', () => {
  it('announces one device with every entity, and every command acts and is reflected in state', async () => {
    const ha = await fleet.watcher(['homeassistant/#', 'frame/#']);
    const link = await linkFor(fleet.broker.url, 'living-room');
    fleet.stops.push(() => link.close());
    const { controls, commands, state, show } = recordingControls();
    const haLink = new HomeAssistantLink(link, fleetTopics('frame'), 'living-room', controls, silentLogger);
    fleet.stops.push(async () => haLink.stop());

    const node = 'frame_living_room';
    const configs = await until(() => {
      const found = ['button/next', 'button/previous', 'switch/pause', 'switch/screen', 'select/project', 'sensor/title', 'image/photo'].map((c) => {
        const [component, object] = c.split('/');
        return ha.json(`homeassistant/${component}/${node}/${object}/config`);
      });
      return found.every(Boolean) ? found : null;
    }, 'all seven discovery configs');
    const devices = new Set(configs.map((c) => JSON.stringify(c!.device)));
    expect(devices.size).toBe(1);
    for (const config of configs) expect(config).toMatchObject({ availability_topic: 'frame/living-room/status', payload_available: 'online', payload_not_available: 'offline' });
    expect(configs[4]).toMatchObject({ options: ['Holidays', 'Garden'], command_topic: 'frame/living-room/cmd/project' });
    await until(() => ha.text('frame/living-room/status') === 'online', 'available');
    // States are published right after the status, each on its own topic: wait for the one read here.
    await until(() => ha.text('frame/living-room/state/project') === 'Holidays', 'the project state');

    const press = (what: string, payload: string) => ha.client.publishAsync(`frame/living-room/cmd/${what}`, payload, { qos: 1 });
    await press('next', 'PRESS');
    await press('previous', 'PRESS');
    await until(() => commands.length === 2, 'next and previous');
    expect(commands).toEqual(['next', 'previous']);
    await press('pause', 'ON');
    await until(() => ha.text('frame/living-room/state/paused') === 'ON', 'paused state ON');
    await press('pause', 'OFF');
    await until(() => ha.text('frame/living-room/state/paused') === 'OFF', 'paused state OFF');
    expect(commands).toEqual(['next', 'previous', 'pause', 'resume']);
    await press('screen', 'OFF');
    await until(() => ha.text('frame/living-room/state/screen') === 'OFF', 'screen state OFF');
    expect(state.screen).toBe('off');
    await press('screen', 'ON');
    await until(() => ha.text('frame/living-room/state/screen') === 'ON', 'screen state ON');
    await press('project', 'Garden');
    await until(() => ha.text('frame/living-room/state/project') === 'Garden', 'project Garden');
    expect(state.projectId).toBe(PROJECT_B);
    // Nonsense is ignored.
    await press('project', 'No such album');
    await press('launch', 'PRESS');
    show({ itemIds: ['item-7'], title: 'Sunset at the lake', at: new Date().toISOString() });
    await until(() => ha.text('frame/living-room/state/title') === 'Sunset at the lake', 'the title sensor');
    expect(ha.text('frame/living-room/state/image')).toBe('https://static.example/media/item-7.jpg');
    expect(state.projectId).toBe(PROJECT_B);
    expect(commands).toHaveLength(4);
  });

  it('a real frame: screen and project commands change its settings', async () => {
    await fleet.relay();
    const ha = await fleet.watcher(['homeassistant/#', 'frame/#']);
    const frame = await fleet.frame('den');
    await until(() => frame.store.state.items.length === 4, 'the gallery');
    await until(() => ha.json('homeassistant/select/frame_den/project/config'), 'the project select');
    await ha.client.publishAsync('frame/den/cmd/screen', 'OFF', { qos: 1 });
    await until(() => frame.getSnapshot().status.screen === 'off' && ha.text('frame/den/state/screen') === 'OFF', 'the screen off');
    expect(frame.settings.effective().screenMode).toBe('off');
    await ha.client.publishAsync('frame/den/cmd/screen', 'ON', { qos: 1 });
    // On again agrees with the (absent) schedule: back to automatic.
    await until(() => frame.settings.effective().screenMode === 'auto' && ha.text('frame/den/state/screen') === 'ON', 'the screen on, by schedule');
    expect(frame.settings.effective().projectId).toBe(PROJECT_A);
    const withoutEnv = await fleet.frame('attic', { WIX_PROJECT_ID: '' });
    await until(() => ha.json<{ options: string[] }>('homeassistant/select/frame_attic/project/config')?.options.length === 2, "attic's select");
    await ha.client.publishAsync('frame/attic/cmd/project', 'Garden', { qos: 1 });
    await until(() => withoutEnv.store.state.projectId === PROJECT_B && withoutEnv.store.state.items.length === 3, 'attic on Garden');
    await until(() => ha.text('frame/attic/state/project') === 'Garden', 'the select state');
    expect(withoutEnv.store.state.items.map((i) => i.id)).toEqual([0, 1, 2].map((n) => sampleItem(PROJECT_B, n, fleet.wix.url).id));
  });

  it('a frame with its own Wix credentials works as before and also appears in Home Assistant', async () => {
    const ha = await fleet.watcher(['homeassistant/#', 'frame/#']);
    const frame = await fleet.wixFrame('study');
    await frame.sync!.whenIdle();
    expect(frame.store.state.items).toHaveLength(4);
    await until(() => ha.json<{ options: string[] }>('homeassistant/select/frame_study/project/config')?.options.length === 2, 'its own projects in the select');
    expect(ha.text('frame/study/status')).toBe('online');
    expect(frame.getSnapshot().status.fleet).toMatchObject({ frameId: 'study', source: 'wix', broker: 'connected' });
    expect(frame.getSnapshot().status.problems.filter((p) => p.area === 'relay')).toEqual([]);
    expect(ha.text('frame/study/state/project')).toBe('Holidays');
  });

  it('connects over mqtts:// with a user and password; a wrong password is refused and said', async () => {
    const secure = await Mosquitto.start({ users: { frame: 'correct horse' }, tls: true });
    fleet.stops.push(() => secure.stop());
    const good = await linkFor(secure.url, 'secure', { FRAME_MQTT_USERNAME: 'frame', FRAME_MQTT_PASSWORD: 'correct horse' }, secure.caPem!);
    fleet.stops.push(() => good.close());
    await until(() => good.connected, 'the TLS connection with the right password');
    const watcher = await BrokerWatcher.connect(secure.url, ['frame/#'], { username: 'frame', password: 'correct horse', ca: secure.caPem! });
    fleet.stops.push(() => watcher.close());
    await good.publish('frame/secure/state/title', 'over TLS', { retain: true });
    await until(() => watcher.text('frame/secure/state/title') === 'over TLS', 'the message over TLS');
    const bad = await linkFor(secure.url, 'intruder', { FRAME_MQTT_USERNAME: 'frame', FRAME_MQTT_PASSWORD: 'wrong' }, secure.caPem!);
    fleet.stops.push(() => bad.close());
    await until(() => bad.error, 'the refusal');
    expect(bad.connected).toBe(false);
    expect(bad.error).toMatch(/Not authorized|Bad User Name or Password/i);
  });
});

describe('frame data the settings show', () => {
  it('keeps a first-use key across restarts', async () => {
    const relay = await fleet.relay();
    const dir = await tempDir();
    const frame = await fleet.frame('keeper', {}, dir);
    await until(() => frame.getSnapshot().status.fleet?.relayKey, 'a pinned key');
    await frame.stop();
    const saved = await readFile(`${dir}/relay-key.pub.pem`, 'utf8');
    expect(saved).toContain('BEGIN PUBLIC KEY');
    const again = await fleet.frame('keeper', {}, dir);
    expect(again.getSnapshot().status.fleet?.relayKey).toEqual({ fingerprint: relay.keyFingerprint, source: 'first-use' });
  });
});

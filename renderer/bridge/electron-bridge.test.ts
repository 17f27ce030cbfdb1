import { describe, expect, it, vi } from 'vitest';
import type { FrameSnapshot } from '../../shared/display';
import { DEFAULT_SETTINGS, toPublicSettings } from '../../shared/settings';
import type { SettingsApi } from '../../shared/settings-api';
import { electronBridge, type SnapshotApi } from './electron-bridge';
import type { ConnectionStatus } from './frame-bridge';
import { pickBridge } from './pick-bridge';
import { testSnapshot } from '../test-support/test-snapshot';

function fakeApi(getSnapshot: () => Promise<FrameSnapshot>) {
  const listeners = new Set<(s: FrameSnapshot) => void>();
  const settingsListeners = new Set<() => void>();
  const api: SnapshotApi = {
    getSnapshot,
    onSnapshot(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onOpenSettings(listener) {
      settingsListeners.add(listener);
      return () => settingsListeners.delete(listener);
    },
    mediaOrigin: 'frame-media://media',
    ...fakeSettingsApi(),
  };
  return { api, push: (s: FrameSnapshot) => listeners.forEach((l) => l(s)), listeners, openSettings: () => settingsListeners.forEach((l) => l()) };
}

function fakeSettingsApi(calls: string[] = []): SettingsApi {
  const status = { supported: true, installed: { xdg: false, systemd: false }, paths: { xdg: 'x', systemd: 's' } };
  return {
    getSettings: () => (calls.push('get'), Promise.resolve(toPublicSettings(DEFAULT_SETTINGS, []))),
    saveSettings: (patch) => (calls.push(`save ${JSON.stringify(patch)}`), Promise.resolve({ ok: false, errors: {} })),
    testConnection: (patch) => (calls.push(`test ${JSON.stringify(patch)}`), Promise.resolve({ ok: true, message: 'ok' })),
    listProjects: (query) => (calls.push(`projects ${query}`), Promise.resolve({ ok: true, projects: [] })),
    getAutostart: () => (calls.push('autostart'), Promise.resolve(status)),
    setAutostart: (enabled, method) => (calls.push(`set autostart ${enabled} ${method}`), Promise.resolve(status)),
  };
}

const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('electronBridge', () => {
  it('delivers the current snapshot, then every push', async () => {
    const { api, push } = fakeApi(() => Promise.resolve(testSnapshot(['a'])));
    const seen: string[][] = [];
    const statuses: ConnectionStatus[] = [];
    electronBridge(api).subscribe(
      (s) => seen.push(s.gallery.items.map((i) => i.id)),
      (s) => statuses.push(s),
    );
    await flush();
    push(testSnapshot(['a', 'b']));
    expect(seen).toEqual([['a'], ['a', 'b']]);
    expect(statuses).toEqual(['connecting', 'connected']);
  });

  it('asks again when main could not answer yet', async () => {
    vi.useFakeTimers();
    try {
      const getSnapshot = vi.fn<() => Promise<FrameSnapshot>>().mockRejectedValueOnce(new Error('no handler')).mockResolvedValue(testSnapshot(['a']));
      const seen: FrameSnapshot[] = [];
      electronBridge(fakeApi(getSnapshot).api).subscribe((s) => seen.push(s));
      await vi.advanceTimersByTimeAsync(2_000);
      expect(getSnapshot).toHaveBeenCalledTimes(2);
      expect(seen).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('stops listening on unsubscribe', async () => {
    const { api, push, listeners } = fakeApi(() => Promise.resolve(testSnapshot()));
    const seen: FrameSnapshot[] = [];
    const unsubscribe = electronBridge(api).subscribe((s) => seen.push(s));
    unsubscribe();
    await flush();
    push(testSnapshot());
    expect(seen).toHaveLength(0);
    expect(listeners.size).toBe(0);
  });

  it('passes on the kiosk asking for settings, when the preload offers it', () => {
    const fake = fakeApi(() => Promise.resolve(testSnapshot()));
    let asked = 0;
    const unsubscribe = electronBridge(fake.api).onOpenSettings?.(() => asked++);
    fake.openSettings();
    unsubscribe?.();
    fake.openSettings();
    expect(asked).toBe(1);
    const { onOpenSettings: _, ...older } = fake.api;
    expect(electronBridge(older).onOpenSettings).toBeUndefined();
  });

  it('forwards the settings calls to the preload API', async () => {
    const calls: string[] = [];
    const fake = fakeApi(() => Promise.resolve(testSnapshot()));
    const bridge = electronBridge({ ...fake.api, ...fakeSettingsApi(calls) });
    await bridge.getSettings();
    await bridge.saveSettings({ slideSeconds: 9 });
    await bridge.testConnection({ siteId: 's' });
    await bridge.listProjects('Gar');
    await bridge.getAutostart();
    await bridge.setAutostart(true, 'xdg');
    expect(calls).toEqual(['get', 'save {"slideSeconds":9}', 'test {"siteId":"s"}', 'projects Gar', 'autostart', 'set autostart true xdg']);
    expect(bridge.adminToken).toBeUndefined();
  });

  it('prefixes media paths with the media origin', () => {
    expect(electronBridge(fakeApi(() => Promise.resolve(testSnapshot())).api).mediaUrl('/media/a.jpg')).toBe('frame-media://media/media/a.jpg');
  });
});

describe('pickBridge', () => {
  it('uses the preload API when the page has one', () => {
    const { api } = fakeApi(() => Promise.resolve(testSnapshot()));
    expect(pickBridge({ frameBridge: api }).mediaUrl('/media/a.jpg')).toBe('frame-media://media/media/a.jpg');
  });

  it('uses the web shell otherwise', () => {
    expect(pickBridge({}).mediaUrl('/media/a.jpg')).toBe('/media/a.jpg');
  });
});

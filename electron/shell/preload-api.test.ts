import { describe, expect, it } from 'vitest';
import { IpcChannels, type PreloadApi } from '../../shared/channels';
import { createPreloadApi, type IpcRendererLike } from './preload-api';
import { FakeEmitter } from './test-support/fake-emitter';
import { sampleSnapshot } from './test-support/fake-frame';

class FakeIpcRenderer extends FakeEmitter implements IpcRendererLike {
  readonly invoked: { channel: string; args: unknown[] }[] = [];
  answer: unknown = sampleSnapshot('from-main');
  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push({ channel, args });
    return this.answer;
  }
}

function setup() {
  const ipc = new FakeIpcRenderer();
  return { ipc, api: createPreloadApi(ipc, 'frame-media://media') };
}

describe('createPreloadApi', () => {
  it('has exactly one member per channel, plus the media origin', () => {
    const { api } = setup();
    const members = {
      getSnapshot: 0,
      onSnapshot: 0,
      onOpenSettings: 0,
      getSettings: 0,
      saveSettings: 0,
      testConnection: 0,
      listProjects: 0,
      getAutostart: 0,
      setAutostart: 0,
      setupLink: 0,
      control: 0,
      reportShowing: 0,
      onShowCommand: 0,
      mediaOrigin: 0,
    } satisfies Record<keyof PreloadApi, 0>;
    expect(Object.keys(api).sort()).toEqual(Object.keys(members).sort());
    expect(api.mediaOrigin).toBe('frame-media://media');
  });

  it('each settings method invokes its channel with exactly its declared arguments', async () => {
    const { ipc, api } = setup();
    const patch = { slideSeconds: 20 };
    const call = api as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    await api.getSettings();
    await api.saveSettings(patch);
    await api.testConnection(patch);
    await api.listProjects('gar');
    await api.getAutostart();
    await api.setAutostart(true, 'systemd');
    // Whatever else the page passes stays in the page.
    await call.saveSettings!(patch, 'extra');
    await call.getSettings!('extra');
    expect(ipc.invoked).toEqual([
      { channel: IpcChannels.getSettings, args: [] },
      { channel: IpcChannels.saveSettings, args: [patch] },
      { channel: IpcChannels.testConnection, args: [patch] },
      { channel: IpcChannels.listProjects, args: ['gar'] },
      { channel: IpcChannels.getAutostart, args: [] },
      { channel: IpcChannels.setAutostart, args: [true, 'systemd'] },
      { channel: IpcChannels.saveSettings, args: [patch] },
      { channel: IpcChannels.getSettings, args: [] },
    ]);
  });

  it('show controls invoke their channels with exactly their declared arguments, and commands arrive as plain values', async () => {
    const { ipc, api } = setup();
    const call = api as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    const now = { itemIds: ['a'], title: null, at: '2026-01-01T00:00:00.000Z' };
    await api.control('next');
    await call.control!('pause', 'extra');
    await api.reportShowing(now);
    expect(ipc.invoked).toEqual([
      { channel: IpcChannels.showControl, args: ['next'] },
      { channel: IpcChannels.showControl, args: ['pause'] },
      { channel: IpcChannels.showShowing, args: [now] },
    ]);
    const heard: unknown[] = [];
    const stop = api.onShowCommand((command) => heard.push(command));
    ipc.emit(IpcChannels.showCommand, { sender: ipc }, 'previous');
    stop();
    ipc.emit(IpcChannels.showCommand, { sender: ipc }, 'next');
    expect(heard).toEqual(['previous']);
  });

  it('hands back what main answered', async () => {
    const { ipc, api } = setup();
    ipc.answer = { ok: true, message: 'Connected to Wix.' };
    expect(await api.testConnection({})).toEqual({ ok: true, message: 'Connected to Wix.' });
  });

  it('onOpenSettings calls the listener with nothing, and unsubscribes once', () => {
    const { ipc, api } = setup();
    const received: unknown[][] = [];
    const stop = api.onOpenSettings((...args: unknown[]) => received.push(args));
    ipc.emit(IpcChannels.openSettings, { sender: ipc }, null);
    stop();
    stop();
    ipc.emit(IpcChannels.openSettings, { sender: ipc }, null);
    expect(received).toEqual([[]]);
    expect(ipc.listenerCount(IpcChannels.openSettings)).toBe(0);
  });

  it('getSnapshot invokes the channel without arguments', async () => {
    const { ipc, api } = setup();
    expect(await api.getSnapshot()).toEqual(sampleSnapshot('from-main'));
    expect(ipc.invoked).toEqual([{ channel: IpcChannels.getSnapshot, args: [] }]);
  });

  it('onSnapshot hands the page only the payload, never the IPC event', () => {
    const { ipc, api } = setup();
    const received: unknown[][] = [];
    api.onSnapshot((...args: unknown[]) => received.push(args));
    const snapshot = sampleSnapshot('pushed');
    ipc.emit(IpcChannels.snapshot, { sender: ipc, ports: [] }, snapshot);
    expect(received).toEqual([[snapshot]]);
  });

  it('unsubscribe removes exactly that listener, once', () => {
    const { ipc, api } = setup();
    const first: unknown[] = [];
    const second: unknown[] = [];
    const stopFirst = api.onSnapshot((s) => first.push(s));
    api.onSnapshot((s) => second.push(s));
    expect(ipc.listenerCount(IpcChannels.snapshot)).toBe(2);
    stopFirst();
    stopFirst();
    expect(ipc.listenerCount(IpcChannels.snapshot)).toBe(1);
    ipc.emit(IpcChannels.snapshot, {}, sampleSnapshot('after'));
    expect(first).toEqual([]);
    expect(second).toEqual([sampleSnapshot('after')]);
  });

  it('the same listener subscribed twice is two subscriptions', () => {
    const { ipc, api } = setup();
    const calls: unknown[] = [];
    const listener = (s: unknown) => calls.push(s);
    const stopA = api.onSnapshot(listener);
    api.onSnapshot(listener);
    stopA();
    ipc.emit(IpcChannels.snapshot, {}, sampleSnapshot());
    expect(calls).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import { IpcChannels, type PreloadApi } from '../../shared/channels';
import { createPreloadApi, type IpcRendererLike } from './preload-api';
import { FakeEmitter } from './test-support/fake-emitter';
import { sampleSnapshot } from './test-support/fake-frame';

class FakeIpcRenderer extends FakeEmitter implements IpcRendererLike {
  readonly invoked: { channel: string; args: unknown[] }[] = [];
  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push({ channel, args });
    return sampleSnapshot('from-main');
  }
}

function setup() {
  const ipc = new FakeIpcRenderer();
  return { ipc, api: createPreloadApi(ipc, 'frame-media://media') };
}

describe('createPreloadApi', () => {
  it('has exactly one member per channel, plus the media origin', () => {
    const { api } = setup();
    expect(Object.keys(api).sort()).toEqual(['getSnapshot', 'mediaOrigin', 'onSnapshot'] satisfies (keyof PreloadApi)[]);
    expect(api.mediaOrigin).toBe('frame-media://media');
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

import { describe, expect, it, vi } from 'vitest';
import { IpcChannels } from '../../shared/channels';
import type { FrameSnapshot } from '../../shared/display';
import { appIndexUrl } from './app-url';
import { appSenderCheck, pushSnapshots, registerIpcHandlers, type InvokeEvent, type IpcMainLike, type PushTarget } from './ipc';
import { FakeEmitter } from './test-support/fake-emitter';
import { FakeFrame, sampleSnapshot } from './test-support/fake-frame';

const INDEX = appIndexUrl('/app/dist/renderer/index.html');

type Handler = Parameters<IpcMainLike['handle']>[1];

class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Handler>();
  handle(channel: string, listener: Handler): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  invoke(channel: string, event: InvokeEvent): unknown {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler(event);
  }
}

class FakeContents extends FakeEmitter implements PushTarget {
  url = '';
  destroyed = false;
  readonly sent: { channel: string; payload: FrameSnapshot }[] = [];
  readonly mainFrame = { url: '', parent: null };
  send(channel: string, payload: FrameSnapshot): void {
    this.sent.push({ channel, payload });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getURL(): string {
    return this.url;
  }
  /** What Electron does when the page finished loading. */
  load(url: string): void {
    this.url = url;
    this.emit('did-finish-load');
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
}

const eventFrom = (sender: unknown, url: string, parent: unknown = null): InvokeEvent => ({ sender, senderFrame: { url, parent } });

describe('getSnapshot handler', () => {
  function setup() {
    const ipc = new FakeIpcMain();
    const frame = new FakeFrame();
    const window = new FakeContents();
    const logger = { warn: vi.fn() };
    const dispose = registerIpcHandlers(ipc, frame, appSenderCheck(() => window, INDEX), logger);
    return { ipc, frame, window, logger, dispose };
  }

  it("answers the main window's app page with the frame's snapshot", () => {
    const { ipc, frame, window } = setup();
    expect(ipc.invoke(IpcChannels.getSnapshot, eventFrom(window, `${INDEX}#/settings`))).toBe(frame.snapshot);
  });

  it('refuses another web contents, a subframe, a foreign page and a vanished frame', () => {
    const { ipc, window, logger } = setup();
    const refused = [
      eventFrom(new FakeContents(), INDEX),
      eventFrom(window, INDEX, { url: INDEX }),
      eventFrom(window, 'https://evil.example/'),
      eventFrom(window, 'file:///tmp/other.html'),
      { sender: window, senderFrame: null },
    ];
    for (const event of refused) expect(() => ipc.invoke(IpcChannels.getSnapshot, event)).toThrow('Not allowed.');
    expect(logger.warn).toHaveBeenCalledTimes(refused.length);
  });

  it('refuses everyone while there is no window', () => {
    const ipc = new FakeIpcMain();
    registerIpcHandlers(ipc, new FakeFrame(), appSenderCheck(() => null, INDEX));
    expect(() => ipc.invoke(IpcChannels.getSnapshot, eventFrom(null, INDEX))).toThrow('Not allowed.');
  });

  it('can be removed again', () => {
    const { ipc, dispose } = setup();
    dispose();
    expect(ipc.handlers.size).toBe(0);
  });
});

describe('pushSnapshots', () => {
  function setup() {
    const frame = new FakeFrame();
    const contents = new FakeContents();
    const stop = pushSnapshots(contents, frame, INDEX);
    return { frame, contents, stop };
  }

  it('sends the current snapshot when the page finishes loading, and again after a reload', () => {
    const { frame, contents } = setup();
    contents.load(INDEX);
    contents.load(INDEX);
    expect(contents.sent).toEqual([
      { channel: IpcChannels.snapshot, payload: frame.snapshot },
      { channel: IpcChannels.snapshot, payload: frame.snapshot },
    ]);
  });

  it('sends every change', () => {
    const { frame, contents } = setup();
    contents.load(INDEX);
    const next = sampleSnapshot('project-2');
    const after = sampleSnapshot('project-3');
    frame.change(next);
    frame.change(after);
    expect(contents.sent.map((m) => m.payload)).toEqual([sampleSnapshot(), next, after]);
  });

  it('sends nothing before the app page is there, or to a foreign page', () => {
    const { frame, contents } = setup();
    frame.change(sampleSnapshot('early'));
    contents.load('https://evil.example/');
    frame.change(sampleSnapshot('late'));
    expect(contents.sent).toEqual([]);
  });

  it('stops when the web contents are destroyed', () => {
    const { frame, contents } = setup();
    contents.load(INDEX);
    contents.destroy();
    frame.change(sampleSnapshot('after'));
    expect(frame.listenerCount).toBe(0);
    expect(contents.sent).toHaveLength(1);
  });

  it('stops on request, once', () => {
    const { frame, contents, stop } = setup();
    stop();
    stop();
    contents.load(INDEX);
    frame.change(sampleSnapshot('after'));
    expect(frame.listenerCount).toBe(0);
    expect(contents.listenerCount('did-finish-load')).toBe(0);
    expect(contents.sent).toEqual([]);
  });
});

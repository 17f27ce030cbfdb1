import { describe, expect, it, vi } from 'vitest';
import { IpcChannels, type IpcInvokeMap } from '../../shared/channels';
import type { FrameSnapshot } from '../../shared/display';
import { APP_INDEX_URL } from './app-url';
import { appSenderCheck, pushSnapshots, registerIpcHandlers, type InvokeEvent, type IpcMainLike, type PushTarget } from './ipc';
import { FakeEmitter } from './test-support/fake-emitter';
import { PayloadMessages } from './ipc-payloads';
import { FakeFrame, sampleAutostart, sampleSnapshot } from './test-support/fake-frame';

const INDEX = APP_INDEX_URL;

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
  invoke(channel: string, event: InvokeEvent, ...args: unknown[]): unknown {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler(event, ...args);
  }
}

class FakeContents extends FakeEmitter implements PushTarget {
  url = '';
  destroyed = false;
  readonly sent: { channel: string; payload: FrameSnapshot | string }[] = [];
  readonly mainFrame = { url: '', parent: null };
  send(channel: string, payload: FrameSnapshot | string): void {
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

const INVOKE_CHANNELS = Object.keys({
  [IpcChannels.getSnapshot]: 0,
  [IpcChannels.getSettings]: 0,
  [IpcChannels.saveSettings]: 0,
  [IpcChannels.testConnection]: 0,
  [IpcChannels.listProjects]: 0,
  [IpcChannels.getAutostart]: 0,
  [IpcChannels.setAutostart]: 0,
  [IpcChannels.setupLink]: 0,
  [IpcChannels.showControl]: 0,
  [IpcChannels.showShowing]: 0,
} satisfies Record<keyof IpcInvokeMap, 0>);

describe('show handlers', () => {
  function setup() {
    const ipc = new FakeIpcMain();
    const frame = new FakeFrame();
    const window = new FakeContents();
    registerIpcHandlers(ipc, frame, appSenderCheck(() => window, INDEX));
    const invoke = (channel: string, ...args: unknown[]) => ipc.invoke(channel, eventFrom(window, INDEX), ...args);
    return { frame, invoke };
  }

  it('passes the four commands to the core and refuses anything else', () => {
    const { frame, invoke } = setup();
    expect(invoke(IpcChannels.showControl, 'next')).toBe(true);
    expect(invoke(IpcChannels.showControl, 'pause')).toBe(true);
    for (const bad of ['stop', { command: 'next' }, null, ['next']]) expect(invoke(IpcChannels.showControl, bad)).toBe(false);
    expect(frame.commands).toEqual(['next', 'pause']);
  });

  it('takes a report of what is showing only in the expected shape, rebuilt afresh', () => {
    const { frame, invoke } = setup();
    const report = { itemIds: ['a', 'b'], title: 'A · B', at: '2026-01-01T00:00:00.000Z' };
    expect(invoke(IpcChannels.showShowing, { ...report, extra: { huge: true } })).toBe(true);
    expect(frame.showing()).toEqual(report);
    expect(invoke(IpcChannels.showShowing, { itemIds: 'a', title: null, at: report.at })).toBe(false);
    expect(frame.showing()).toEqual(report);
  });
});

describe('settings handlers', () => {
  function setup() {
    const ipc = new FakeIpcMain();
    const frame = new FakeFrame();
    const window = new FakeContents();
    const logger = { warn: vi.fn() };
    registerIpcHandlers(ipc, frame, appSenderCheck(() => window, INDEX), logger);
    const fromApp = eventFrom(window, `${INDEX}#/settings`);
    const invoke = (channel: string, ...args: unknown[]) => Promise.resolve(ipc.invoke(channel, fromApp, ...args));
    return { ipc, frame, window, logger, invoke };
  }

  it('registers one handler per invoke channel of the contract', () => {
    const { ipc } = setup();
    expect([...ipc.handlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
  });

  it('refuses every channel to a foreign page or another web contents, before the core is asked', () => {
    const { ipc, frame, window, logger } = setup();
    for (const channel of INVOKE_CHANNELS) {
      expect(() => ipc.invoke(channel, eventFrom(window, 'https://evil.example/'), {})).toThrow('Not allowed.');
      expect(() => ipc.invoke(channel, eventFrom(new FakeContents(), INDEX), {})).toThrow('Not allowed.');
    }
    expect(frame.settings.calls).toEqual([]);
    expect(logger.warn).toHaveBeenCalledWith(`Refused ${IpcChannels.saveSettings} from https://evil.example/.`);
  });

  it('reads settings and autostart without arguments, ignoring any the page adds', async () => {
    const { frame, invoke } = setup();
    expect(await invoke(IpcChannels.getSettings, 'extra')).toBe(frame.settings.settings);
    expect(await invoke(IpcChannels.getAutostart, 'extra')).toEqual(sampleAutostart());
    expect(frame.settings.calls).toEqual([
      { method: 'getSettings', args: [] },
      { method: 'getAutostart', args: [] },
    ]);
  });

  it('saves a patch of known fields; unknown keys never reach the core', async () => {
    const { frame, invoke } = setup();
    const sent = JSON.parse('{"slideSeconds": 20, "projectId": "p", "__proto__": {"polluted": true}, "shell": "rm -rf /"}') as unknown;
    expect(await invoke(IpcChannels.saveSettings, sent)).toBe(frame.settings.saveResult);
    const call = frame.settings.calls[0]!;
    expect(call).toEqual({ method: 'saveSettings', args: [{ slideSeconds: 20, projectId: 'p' }] });
    expect(Object.keys(call.args[0] as object)).toEqual(['projectId', 'slideSeconds']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('passes the core what it says about the values (validation is the schema\'s)', async () => {
    const { frame, invoke } = setup();
    frame.settings.saveResult = { ok: false, errors: { slideSeconds: 'Seconds per photo must be a number of seconds from 2 to 3600.' } };
    expect(await invoke(IpcChannels.saveSettings, { slideSeconds: 'soon' })).toEqual(frame.settings.saveResult);
  });

  it.each([null, undefined, 'slideSeconds=5', 42, [{ slideSeconds: 5 }], new Date(0), new Map()])('refuses %s as settings without asking the core', async (value) => {
    const { frame, invoke } = setup();
    expect(await invoke(IpcChannels.saveSettings, value)).toEqual({ ok: false, errors: { authMode: PayloadMessages.settingsObject } });
    expect(await invoke(IpcChannels.testConnection, value)).toEqual({ ok: false, message: PayloadMessages.settingsObject });
    expect(frame.settings.calls).toEqual([]);
  });

  it('tests a connection with a patch of known fields', async () => {
    const { frame, invoke } = setup();
    expect(await invoke(IpcChannels.testConnection, { authMode: 'apiKey', apiKey: 'k', other: 1 })).toBe(frame.settings.connection);
    expect(frame.settings.calls).toEqual([{ method: 'testConnection', args: [{ authMode: 'apiKey', apiKey: 'k' }] }]);
  });

  it('lists projects for a query of up to 200 characters', async () => {
    const { frame, invoke } = setup();
    expect(await invoke(IpcChannels.listProjects, '')).toBe(frame.settings.projects);
    expect(await invoke(IpcChannels.listProjects, 'x'.repeat(200))).toBe(frame.settings.projects);
    expect(frame.settings.calls.map((c) => c.args[0])).toEqual(['', 'x'.repeat(200)]);
  });

  it.each(['x'.repeat(201), 7, null, undefined, { q: 'a' }])('refuses %s as a project query', async (value) => {
    const { frame, invoke } = setup();
    expect(await invoke(IpcChannels.listProjects, value)).toEqual({ ok: false, message: PayloadMessages.projectQuery });
    expect(frame.settings.calls).toEqual([]);
  });

  it('switches start on boot with a boolean and a known method', async () => {
    const { frame, invoke } = setup();
    expect(await invoke(IpcChannels.setAutostart, true, 'systemd')).toEqual(sampleAutostart({ systemd: true }));
    expect(await invoke(IpcChannels.setAutostart, false, 'xdg')).toEqual(sampleAutostart({ systemd: true, xdg: false }));
    expect(frame.settings.calls).toEqual([
      { method: 'setAutostart', args: [true, 'systemd'] },
      { method: 'setAutostart', args: [false, 'xdg'] },
    ]);
  });

  it.each([
    ['true', 'xdg'],
    [1, 'systemd'],
    [true, 'cron'],
    [true, undefined],
    [undefined, undefined],
  ])('changes nothing for setAutostart(%s, %s) and answers the current state with the reason', async (enabled, method) => {
    const { frame, invoke } = setup();
    expect(await invoke(IpcChannels.setAutostart, enabled, method)).toEqual({ ...sampleAutostart(), message: PayloadMessages.autostart });
    expect(frame.settings.calls).toEqual([{ method: 'getAutostart', args: [] }]);
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

  it('sends next and previous to the page', () => {
    const { frame, contents } = setup();
    contents.load(INDEX);
    frame.control('next');
    frame.control('pause'); // state: it travels in the snapshot instead
    frame.control('previous');
    expect(contents.sent.slice(1)).toEqual([
      { channel: IpcChannels.showCommand, payload: 'next' },
      { channel: IpcChannels.showCommand, payload: 'previous' },
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

// The IPC side of the contract in shared/channels.ts: one invoke handler per
// channel, and the snapshot pushed to the window. Only the app's own page, in
// the window's top frame, may ask: anything else (a frame that somehow
// navigated elsewhere, a subframe) gets an error instead of an answer. What the
// page sends is shape-checked here (./ipc-payloads) before the core sees it.
import { IpcChannels, type IpcInvokeMap } from '../../shared/channels';
import type { FrameSnapshot } from '../../shared/display';
import type { SetupLink } from '../../shared/settings-api';
import { isShowCommand, showingFrom, type ShowCommand } from '../../shared/show';
import type { RunningFrame } from '../core/frame-types';
import { isAppUrl } from './app-url';
import { autostartMethodFrom, PayloadMessages, projectQueryFrom, settingsPatchFrom } from './ipc-payloads';
import type { GuardLogger } from './session-guard';

export interface SenderFrame {
  url: string;
  parent: unknown;
}

export interface InvokeEvent {
  sender: unknown;
  senderFrame: SenderFrame | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export type SnapshotSource = Pick<RunningFrame, 'getSnapshot' | 'onSnapshot' | 'onShowCommand'>;
/** What the invoke handlers answer from; setupLink comes from the web shell beside the kiosk, when it runs. */
export type IpcFrame = Pick<RunningFrame, 'getSnapshot' | 'settings' | 'control' | 'reportShowing'> & { setupLink?: () => SetupLink | null };

/** True for the top frame of the current main window showing the app's index.html. */
export type SenderCheck = (event: InvokeEvent) => boolean;

export function appSenderCheck(mainWebContents: () => unknown, indexUrl: string): SenderCheck {
  return (event) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent) return false;
    const main = mainWebContents();
    return main !== null && main !== undefined && event.sender === main && isAppUrl(frame.url, indexUrl);
  };
}

type Answer<C extends keyof IpcInvokeMap> = IpcInvokeMap[C]['response'] | Promise<IpcInvokeMap[C]['response']>;

/** One handler per invoke channel; the arguments are whatever the page sent. */
export type InvokeHandlers = { [C in keyof IpcInvokeMap]: (...args: unknown[]) => Answer<C> };

export function invokeHandlers(frame: IpcFrame): InvokeHandlers {
  const { settings } = frame;
  return {
    [IpcChannels.getSnapshot]: () => frame.getSnapshot(),
    [IpcChannels.getSettings]: () => settings.getSettings(),
    [IpcChannels.saveSettings]: (value) => {
      const patch = settingsPatchFrom(value);
      // The result has only per-field errors; the core reports a non-object on authMode as well.
      return patch ? settings.saveSettings(patch) : { ok: false, errors: { authMode: PayloadMessages.settingsObject } };
    },
    [IpcChannels.testConnection]: (value) => {
      const patch = settingsPatchFrom(value);
      return patch ? settings.testConnection(patch) : { ok: false, message: PayloadMessages.settingsObject };
    },
    [IpcChannels.listProjects]: (value) => {
      const query = projectQueryFrom(value);
      return query === null ? { ok: false, message: PayloadMessages.projectQuery } : settings.listProjects(query);
    },
    [IpcChannels.getAutostart]: () => settings.getAutostart(),
    [IpcChannels.setAutostart]: async (enabled, method) => {
      const checkedMethod = autostartMethodFrom(method);
      if (typeof enabled !== 'boolean' || !checkedMethod) return { ...(await settings.getAutostart()), message: PayloadMessages.autostart };
      return settings.setAutostart(enabled, checkedMethod);
    },
    [IpcChannels.setupLink]: () => frame.setupLink?.() ?? null,
    // Checked here: only the four commands, and a report of the expected shape rebuilt afresh.
    [IpcChannels.showControl]: (command) => {
      if (!isShowCommand(command)) return false;
      frame.control(command);
      return true;
    },
    [IpcChannels.showShowing]: (value) => {
      const now = showingFrom(value);
      if (now) frame.reportShowing(now);
      return now !== null;
    },
  };
}

/** Registers the invoke handlers; returns a function that removes them. */
export function registerIpcHandlers(ipcMain: IpcMainLike, frame: IpcFrame, isTrusted: SenderCheck, logger?: GuardLogger): () => void {
  const handlers = invokeHandlers(frame);
  const channels = Object.keys(handlers) as (keyof IpcInvokeMap)[];
  for (const channel of channels) {
    const handler = handlers[channel] as (...args: unknown[]) => unknown;
    ipcMain.handle(channel, (event, ...args) => {
      if (!isTrusted(event)) {
        logger?.warn(`Refused ${channel} from ${event.senderFrame?.url ?? 'a frame that is gone'}.`);
        throw new Error('Not allowed.');
      }
      return handler(...args);
    });
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

export interface PushTarget {
  send(channel: string, payload: FrameSnapshot | ShowCommand): void;
  isDestroyed(): boolean;
  getURL(): string;
  on(event: 'did-finish-load', listener: () => void): unknown;
  once(event: 'destroyed', listener: () => void): unknown;
  removeListener(event: 'did-finish-load', listener: () => void): unknown;
}

/**
 * Sends the snapshot whenever it changes and whenever the page (re)loads, so
 * a reloaded renderer never waits for the next change. Stops by itself when
 * the web contents are destroyed; the returned function stops it earlier.
 */
export function pushSnapshots(target: PushTarget, frame: SnapshotSource, indexUrl: string): () => void {
  const send = (snapshot: FrameSnapshot) => {
    // Before the first load and after a (blocked) navigation there is no app page to receive it.
    if (target.isDestroyed() || !isAppUrl(target.getURL(), indexUrl)) return;
    target.send(IpcChannels.snapshot, snapshot);
  };
  const onLoad = () => send(frame.getSnapshot());
  target.on('did-finish-load', onLoad);
  const unsubscribe = frame.onSnapshot(send);
  // Next and previous reach the page the same way, whoever asked for them.
  const unsubscribeCommands = frame.onShowCommand((command) => {
    if (!target.isDestroyed() && isAppUrl(target.getURL(), indexUrl)) target.send(IpcChannels.showCommand, command);
  });
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    unsubscribe();
    unsubscribeCommands();
    if (!target.isDestroyed()) target.removeListener('did-finish-load', onLoad);
  };
  target.once('destroyed', stop);
  return stop;
}

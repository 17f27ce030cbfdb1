// The IPC side of the contract in shared/channels.ts: answers getSnapshot and
// pushes every new snapshot to the window. Only the app's own page, in the
// window's top frame, may ask: anything else (a frame that somehow navigated
// elsewhere, a subframe) gets an error instead of the gallery.
import { IpcChannels } from '../../shared/channels';
import type { FrameSnapshot } from '../../shared/display';
import type { RunningFrame } from '../core/frame-types';
import { isAppUrl } from './app-url';
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

export type SnapshotSource = Pick<RunningFrame, 'getSnapshot' | 'onSnapshot'>;

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

/** Registers the invoke handlers; returns a function that removes them. */
export function registerIpcHandlers(ipcMain: IpcMainLike, frame: SnapshotSource, isTrusted: SenderCheck, logger?: GuardLogger): () => void {
  ipcMain.handle(IpcChannels.getSnapshot, (event): FrameSnapshot => {
    if (!isTrusted(event)) {
      logger?.warn(`Refused ${IpcChannels.getSnapshot} from ${event.senderFrame?.url ?? 'a frame that is gone'}.`);
      throw new Error('Not allowed.');
    }
    return frame.getSnapshot();
  });
  return () => ipcMain.removeHandler(IpcChannels.getSnapshot);
}

export interface PushTarget {
  send(channel: string, payload: FrameSnapshot): void;
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
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    unsubscribe();
    if (!target.isDestroyed()) target.removeListener('did-finish-load', onLoad);
  };
  target.once('destroyed', stop);
  return stop;
}

// The object preload.ts exposes as window.frameBridge: one method per channel
// of shared/channels.ts. Built from an injected ipcRenderer so tests need no
// Electron, and so ipcRenderer itself (which can send on any channel) never
// reaches the page. Each method forwards exactly the arguments its channel
// declares, nothing the page adds; main validates them again.
import { IpcChannels, type IpcInvokeMap, type IpcPushMap, type PreloadApi } from '../../shared/channels';

type IpcListener = (event: unknown, ...args: unknown[]) => void;

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: IpcListener): unknown;
  removeListener(channel: string, listener: IpcListener): unknown;
}

type InvokeChannel = keyof IpcInvokeMap;
type PushChannel = keyof IpcPushMap;

export function createPreloadApi(ipc: IpcRendererLike, mediaOrigin: string): PreloadApi {
  const invoke = <C extends InvokeChannel>(channel: C, ...args: IpcInvokeMap[C]['request']) =>
    ipc.invoke(channel, ...args) as Promise<IpcInvokeMap[C]['response']>;

  const subscribe = <C extends PushChannel>(channel: C, listener: (payload: IpcPushMap[C]) => void): (() => void) => {
    // The IPC event (with its sender) stays here: the page only sees the payload.
    const wrapped: IpcListener = (_event, payload) => listener(payload as IpcPushMap[C]);
    ipc.on(channel, wrapped);
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      ipc.removeListener(channel, wrapped);
    };
  };

  return {
    getSnapshot: () => invoke(IpcChannels.getSnapshot),
    onSnapshot: (listener) => subscribe(IpcChannels.snapshot, (snapshot) => listener(snapshot)),
    onOpenSettings: (listener) => subscribe(IpcChannels.openSettings, () => listener()),
    getSettings: () => invoke(IpcChannels.getSettings),
    saveSettings: (patch) => invoke(IpcChannels.saveSettings, patch),
    testConnection: (patch) => invoke(IpcChannels.testConnection, patch),
    listProjects: (query) => invoke(IpcChannels.listProjects, query),
    getAutostart: () => invoke(IpcChannels.getAutostart),
    setAutostart: (enabled, method) => invoke(IpcChannels.setAutostart, enabled, method),
    setupLink: () => invoke(IpcChannels.setupLink),
    control: (command) => invoke(IpcChannels.showControl, command),
    reportShowing: (now) => invoke(IpcChannels.showShowing, now),
    onShowCommand: (listener) => subscribe(IpcChannels.showCommand, (command) => listener(command)),
    mediaOrigin,
  };
}

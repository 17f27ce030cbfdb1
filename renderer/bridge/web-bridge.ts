// FrameBridge for the web shell: one fetch for a fast first snapshot, then
// Server-Sent Events. EventSource reconnects by itself after network errors;
// after an HTTP error it gives up (readyState CLOSED), so we open a new one.
// Settings go over plain HTTP (web-settings-api.ts).
import { ADMIN_TOKEN_HEADER } from '../../shared/settings-api';
import { isShowCommand, SHOW_COMMAND_EVENT, SHOW_PATH_PREFIX, SHOWING_PATH, type ShowCommand } from '../../shared/show';
import { SNAPSHOT_EVENT, WebPaths } from '../../shared/web-api';
import { SettingsPaths, type SetupLink } from '../../shared/settings-api';
import { createAdminTokenGate, tokenFromFragment, type AdminTokenGate, type TokenStorage } from './admin-token';
import type { FrameBridge } from './frame-bridge';
import { isSnapshot, parseSnapshot } from './parse-snapshot';
import { webSettingsApi, type HttpFetch } from './web-settings-api';

export const REOPEN_MS = 3_000;

/** The browser APIs the web bridge uses, injectable for tests. */
export interface WebBridgeDeps {
  fetch: (url: string) => Promise<{ ok: boolean; json(): Promise<unknown> }>;
  EventSource: new (url: string) => EventSource;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

function browserDeps(): WebBridgeDeps {
  return {
    fetch: (url) => fetch(url, { cache: 'no-store' }),
    EventSource,
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
}

/** What the settings calls use, injectable for tests. */
export interface WebSettingsDeps {
  http: HttpFetch;
  gate: AdminTokenGate;
}

function browserSettingsDeps(): WebSettingsDeps {
  let storage: TokenStorage | null = null;
  try {
    storage = typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    // Storage blocked: the token lives in memory only.
  }
  const gate = createAdminTokenGate(storage);
  // Opened from the frame's QR code: keep the token for this tab, and take it
  // out of the address bar (and so out of history and screenshots).
  const fromQr = typeof location === 'undefined' ? null : tokenFromFragment(location.hash);
  if (fromQr) {
    gate.submit(fromQr);
    history.replaceState(history.state, '', location.pathname + location.search);
  }
  return { http: (url, init) => fetch(url, { ...init, cache: 'no-store' }), gate };
}

export function webBridge(injected?: WebBridgeDeps, settingsDeps: WebSettingsDeps = browserSettingsDeps()): FrameBridge {
  const commandListeners = new Set<(command: ShowCommand) => void>();
  const onCommandEvent = (event: MessageEvent<string>) => {
    let command: unknown;
    try {
      command = JSON.parse(event.data);
    } catch {
      return;
    }
    if (isShowCommand(command)) for (const listener of commandListeners) listener(command);
  };
  // Show writes are JSON (the shell refuses anything else), with the admin token when the page has one.
  const postJson = async (path: string, body: unknown): Promise<void> => {
    const token = settingsDeps.gate.current();
    await settingsDeps.http(path, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { [ADMIN_TOKEN_HEADER]: token } : {}) }, body: JSON.stringify(body) });
  };
  return {
    ...webSettingsApi(settingsDeps.http, settingsDeps.gate),
    adminToken: settingsDeps.gate,
    // Answered to the frame itself only; a phone gets 403 and shows no code.
    setupLink: async () => {
      const response = await settingsDeps.http(SettingsPaths.setupLink, { method: 'GET', headers: {} });
      return response.ok ? ((await response.json()) as SetupLink) : null;
    },
    subscribe(listener, onStatus) {
      const deps = injected ?? browserDeps();
      let active = true;
      let streamed = false;
      let source: EventSource | null = null;
      let reopen: unknown;

      const onSnapshotEvent = (event: MessageEvent<string>) => {
        const snapshot = parseSnapshot(event.data);
        if (!active || !snapshot) return;
        streamed = true;
        listener(snapshot);
      };

      const open = () => {
        const es = new deps.EventSource(WebPaths.events);
        source = es;
        es.addEventListener(SNAPSHOT_EVENT, onSnapshotEvent as EventListener);
        es.addEventListener(SHOW_COMMAND_EVENT, onCommandEvent as EventListener);
        es.onopen = () => {
          if (active) onStatus?.('connected');
        };
        es.onerror = () => {
          if (!active) return;
          onStatus?.('reconnecting');
          if (es.readyState === es.CLOSED) {
            reopen = deps.setTimeout(() => {
              if (active) open();
            }, REOPEN_MS);
          }
        };
      };

      onStatus?.('connecting');
      open();
      // The stream sends the snapshot on connect too; whichever comes first wins,
      // and once the stream has spoken, the (possibly older) fetch answer is ignored.
      deps
        .fetch(WebPaths.snapshot)
        .then((response) => (response.ok ? response.json() : null))
        .then((snapshot) => {
          if (active && !streamed && isSnapshot(snapshot)) listener(snapshot);
        })
        .catch(() => undefined); // the stream delivers once the server is reachable

      return () => {
        active = false;
        deps.clearTimeout(reopen);
        source?.close();
      };
    },
    mediaUrl: (path) => path,
    control: (command) => postJson(`${SHOW_PATH_PREFIX}${command}`, {}).catch(() => undefined),
    reportShowing: (now) => postJson(SHOWING_PATH, now).catch(() => undefined),
    onShowCommand(listener) {
      commandListeners.add(listener);
      return () => commandListeners.delete(listener);
    },
  };
}

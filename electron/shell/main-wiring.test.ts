// The composition root (electron/main.ts) with 'electron' and the core mocked:
// only the wiring is checked here; each part has its own tests.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type * as NodeFs from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IpcChannels } from '../../shared/channels';
import { ConfigError, type StartFrameOptions } from '../core/frame-types';
import type { FakeEmitter } from './test-support/fake-emitter';
import { FakeFrame } from './test-support/fake-frame';

const h = vi.hoisted(() => ({
  events: [] as string[],
  start: null as null | ((options: StartFrameOptions) => Promise<unknown>),
  lock: true,
  readyResolve: null as null | (() => void),
}));

vi.mock('./../core/frame', () => ({
  startFrame: (options: StartFrameOptions) => {
    h.events.push('startFrame');
    return h.start!(options);
  },
}));

vi.mock('./../core/web/web-server', () => ({
  startWebServer: async () => {
    h.events.push('webServer');
    return { url: 'http://127.0.0.1:8700', close: async () => undefined };
  },
}));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof NodeFs>();
  // The renderer build may not exist when unit tests run.
  return { ...fs, existsSync: (p: string) => p.endsWith(join('renderer', 'index.html')) || fs.existsSync(p) };
});

vi.mock('electron', async () => {
  const { FakeEmitter: Emitter } = await import('./test-support/fake-emitter');
  class App extends Emitter {
    isPackaged = false;
    paths = new Map<string, string>();
    exitCode: number | null = null;
    quits = 0;
    getPath(name: string) {
      return this.paths.get(name)!;
    }
    setPath(name: string, path: string) {
      this.paths.set(name, path);
    }
    getAppPath() {
      return '/nonexistent/app';
    }
    getVersion() {
      return '0.0.0-test';
    }
    requestSingleInstanceLock() {
      h.events.push('lock');
      return h.lock;
    }
    whenReady() {
      return new Promise<void>((resolve) => (h.readyResolve = resolve));
    }
    quit() {
      this.quits += 1;
    }
    exit(code: number) {
      this.exitCode = code;
    }
  }
  class WebContents extends Emitter {
    url = '';
    send = vi.fn();
    isDestroyed = () => false;
    getURL = () => this.url;
    setWindowOpenHandler = vi.fn();
    setVisualZoomLevelLimits = vi.fn(() => Promise.resolve());
    openDevTools = vi.fn();
    closeDevTools = vi.fn();
    invalidate = vi.fn();
  }
  class BrowserWindow extends Emitter {
    static created: BrowserWindow[] = [];
    webContents = new WebContents();
    loaded: string[] = [];
    constructor(readonly options: unknown) {
      super();
      BrowserWindow.created.push(this);
      h.events.push('window');
    }
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    isMinimized = () => false;
    isDestroyed = () => false;
    destroy = vi.fn();
  }
  const handlers = new Map<string, unknown>();
  return {
    app: new App(),
    BrowserWindow,
    dialog: { showErrorBox: vi.fn() },
    safeStorage: { isEncryptionAvailable: () => false, getSelectedStorageBackend: () => 'basic_text', encryptString: vi.fn(), decryptString: vi.fn() },
    ipcMain: { handle: (channel: string, fn: unknown) => handlers.set(channel, fn), removeHandler: (c: string) => handlers.delete(c), handlers },
    Menu: { setApplicationMenu: vi.fn() },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => h.events.push('registerScheme')),
      handle: vi.fn(() => h.events.push('handleScheme')),
    },
    session: {
      defaultSession: Object.assign(new Emitter(), {
        webRequest: { onHeadersReceived: vi.fn() },
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        setDevicePermissionHandler: vi.fn(),
      }),
    },
  };
});

type FakeWebContents = FakeEmitter & {
  url: string;
  send: ReturnType<typeof vi.fn>;
  setVisualZoomLevelLimits: ReturnType<typeof vi.fn>;
  openDevTools: ReturnType<typeof vi.fn>;
  closeDevTools: ReturnType<typeof vi.fn>;
  invalidate: ReturnType<typeof vi.fn>;
};

type ElectronFake = {
  app: FakeEmitter & { paths: Map<string, string>; exitCode: number | null; quits: number; isPackaged: boolean };
  BrowserWindow: { created: (FakeEmitter & { options: { webPreferences: Record<string, unknown> }; loaded: string[]; webContents: FakeWebContents })[] };
  dialog: { showErrorBox: ReturnType<typeof vi.fn> };
  ipcMain: { handlers: Map<string, unknown> };
  Menu: { setApplicationMenu: ReturnType<typeof vi.fn> };
  protocol: { registerSchemesAsPrivileged: ReturnType<typeof vi.fn>; handle: ReturnType<typeof vi.fn> };
};

let electron: ElectronFake;
let signalListeners: { SIGINT: unknown[]; SIGTERM: unknown[] };
const dataDir = mkdtempSync(join(tmpdir(), 'frame-main-'));

async function boot(): Promise<void> {
  await import('../main');
  h.readyResolve!();
  await vi.waitFor(() => expect(electron.app.exitCode !== null || electron.BrowserWindow.created.length > 0).toBe(true));
}

beforeEach(async () => {
  vi.resetModules();
  h.events = [];
  h.lock = true;
  signalListeners = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') };
  vi.stubEnv('FRAME_DATA_DIR', dataDir);
  electron = (await import('electron')) as unknown as ElectronFake;
  electron.app.paths.set('userData', join(dataDir, 'default'));
  electron.app.exitCode = null;
  electron.app.isPackaged = false;
  electron.BrowserWindow.created.length = 0;
  electron.ipcMain.handlers.clear();
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    for (const listener of process.listeners(signal)) {
      if (!signalListeners[signal].includes(listener)) process.removeListener(signal, listener);
    }
  }
});

describe('electron/main.ts', () => {
  it('starts the core, then opens the kiosk window on the built renderer', async () => {
    const frame = new FakeFrame();
    let options: StartFrameOptions | null = null;
    h.start = async (o) => ((options = o), frame);
    await boot();
    expect(h.events).toEqual(['registerScheme', 'lock', 'startFrame', 'handleScheme', 'handleScheme', 'webServer', 'window']);
    expect(options).toMatchObject({
      argv: process.argv.slice(2),
      defaultDataDir: dataDir,
      env: process.env,
      secretCodec: { kind: 'plain' },
      launch: { electron: true, env: { FRAME_DATA_DIR: dataDir } },
    });
    expect(electron.app.paths.get('sessionData')).toBe(join(dataDir, 'chromium'));
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledWith(null);
    const [window] = electron.BrowserWindow.created;
    expect(window!.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, devTools: true });
    expect(String(window!.options.webPreferences.preload)).toMatch(/preload\.cjs$/);
    // The page comes through frame-app://, never file:// (and the scheme is answered from the built renderer).
    expect(window!.loaded).toEqual(['frame-app://app/index.html']);
    expect(electron.protocol.handle).toHaveBeenCalledWith('frame-app', expect.any(Function));
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([expect.objectContaining({ scheme: 'frame-app' }), expect.objectContaining({ scheme: 'frame-media' })]);
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual(
      [IpcChannels.getSnapshot, IpcChannels.getSettings, IpcChannels.saveSettings, IpcChannels.testConnection, IpcChannels.listProjects, IpcChannels.getAutostart, IpcChannels.setAutostart, IpcChannels.setupLink, IpcChannels.showControl, IpcChannels.showShowing].sort(),
    );
    // Kiosk page hardening and the settings shortcut are wired on the window.
    window!.webContents.emit('did-finish-load');
    expect(window!.webContents.setVisualZoomLevelLimits).toHaveBeenCalledWith(1, 1);
    expect(window!.webContents.openDevTools).not.toHaveBeenCalled();
    expect(window!.webContents.listenerCount('before-input-event')).toBe(1);
    expect(electron.app.listenerCount('child-process-gone')).toBe(1);
    // The log goes to frame.log in the data dir (written asynchronously: it lands shortly after).
    await vi.waitFor(() => expect(readFileSync(join(dataDir, 'frame.log'), 'utf8')).toContain('Frame 0.0.0-test kiosk started'), { timeout: 5_000 });
  });

  it('asks the page to open its settings on F2', async () => {
    h.start = async () => new FakeFrame();
    await boot();
    const [window] = electron.BrowserWindow.created;
    const contents = window!.webContents;
    contents.url = window!.loaded[0]!;
    const event = { preventDefault: vi.fn() };
    contents.emit('before-input-event', event, { type: 'keyDown', key: 'F2', isAutoRepeat: false, shift: false, control: false, alt: false, meta: false });
    expect(event.preventDefault).toHaveBeenCalled();
    expect(contents.send).toHaveBeenCalledWith(IpcChannels.openSettings, null);
  });

  it('answers settings over IPC from the core, and only to the app page', async () => {
    const frame = new FakeFrame();
    h.start = async () => frame;
    await boot();
    const [window] = electron.BrowserWindow.created;
    const appUrl = window!.loaded[0]!;
    const handler = electron.ipcMain.handlers.get(IpcChannels.listProjects) as (event: unknown, ...args: unknown[]) => Promise<unknown>;
    expect(await handler({ sender: window!.webContents, senderFrame: { url: appUrl, parent: null } }, 'gar')).toBe(frame.settings.projects);
    expect(() => handler({ sender: window!.webContents, senderFrame: { url: 'https://evil.example/', parent: null } }, 'gar')).toThrow('Not allowed.');
  });

  it('packaged: no DevTools, and closes them should they open', async () => {
    electron.app.isPackaged = true;
    h.start = async () => new FakeFrame();
    await boot();
    const [window] = electron.BrowserWindow.created;
    expect(window!.options.webPreferences.devTools).toBe(false);
    window!.webContents.emit('devtools-opened');
    expect(window!.webContents.closeDevTools).toHaveBeenCalledOnce();
  });

  it('FRAME_DEVTOOLS=1 opens DevTools even when packaged', async () => {
    electron.app.isPackaged = true;
    vi.stubEnv('FRAME_DEVTOOLS', '1');
    h.start = async () => new FakeFrame();
    await boot();
    const [window] = electron.BrowserWindow.created;
    expect(window!.options.webPreferences.devTools).toBe(true);
    expect(window!.webContents.openDevTools).toHaveBeenCalledWith({ mode: 'detach' });
  });

  it('refuses a bad FRAME_DEVTOOLS before starting anything', async () => {
    vi.stubEnv('FRAME_DEVTOOLS', 'yes');
    h.start = async () => new FakeFrame();
    await import('../main');
    expect(process.stderr.write).toHaveBeenCalledWith('frame: FRAME_DEVTOOLS must be 1 (open DevTools) or 0 (no DevTools), got "yes".\n');
    expect(electron.app.exitCode).toBe(1);
    expect(h.events).toEqual([]);
  });

  it('shows a configuration error and exits with code 1', async () => {
    h.start = async () => {
      throw new ConfigError('WIX_PROJECT_ID must be a GUID, got "x".');
    };
    await boot();
    expect(process.stderr.write).toHaveBeenCalledWith('frame: WIX_PROJECT_ID must be a GUID, got "x".\n');
    expect(electron.dialog.showErrorBox).toHaveBeenCalledWith('Frame cannot start', 'WIX_PROJECT_ID must be a GUID, got "x".');
    expect(electron.app.exitCode).toBe(1);
    expect(electron.BrowserWindow.created).toEqual([]);
  });

  it('quits at once when another instance holds the lock', async () => {
    h.lock = false;
    h.start = async () => new FakeFrame();
    await import('../main');
    expect(electron.app.quits).toBe(1);
    expect(h.events).toEqual(['registerScheme', 'lock']);
  });
});

// Electron composition root (`npm start`): the sync core from ./core/frame in
// a fullscreen kiosk window. Everything Electron-specific lives in ./shell as
// small parts taking Electron objects as arguments; this file only wires them.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session } from 'electron';
import { startFrame } from './core/frame';
import { ConfigError, type RunningFrame } from './core/frame-types';
import { createFrameLog, logLevelFromEnv, type FrameLogger } from './core/util/frame-log';
import { startWebServer, type RunningWebServer } from './core/web/web-server';
import { handleAppProtocol } from './shell/app-protocol';
import { APP_INDEX_URL } from './shell/app-url';
import { watchChildProcesses } from './shell/child-process-watch';
import { applyDataDir } from './shell/data-paths';
import { appSenderCheck, pushSnapshots, registerIpcHandlers } from './shell/ipc';
import { hardenKioskContents } from './shell/kiosk-contents';
import { KioskWindow } from './shell/kiosk-window';
import { appArguments, electronLaunchCommand } from './shell/launch';
import { handleMediaProtocol } from './shell/media-protocol';
import { registerPrivilegedSchemes } from './shell/schemes';
import { hardenSession } from './shell/session-guard';
import { chooseSecretCodec } from './shell/secret-codec';
import { forwardSettingsShortcut, SETTINGS_SHORTCUT_LABEL } from './shell/settings-shortcut';
import { reportStartupFailure } from './shell/startup-failure';
import { stopBeforeQuit } from './shell/stop-before-quit';
import { hardenWebContents } from './shell/web-contents-guard';
import { devToolsPolicy, mainWindowOptions, type DevToolsPolicy } from './shell/window-options';

// Bundled to dist/electron/main.cjs beside preload.cjs; Vite builds dist/renderer/,
// which the window loads through frame-app://app/ (shell/app-protocol.ts), never file://.
const RENDERER_DIR = join(__dirname, '../renderer');
const INDEX_HTML = join(RENDERER_DIR, 'index.html');
const PRELOAD = join(__dirname, 'preload.cjs');
const INDEX_URL = APP_INDEX_URL;

// Console until the data dir is known, then also frame.log in it.
let logger: FrameLogger = createFrameLog();

function fail(error: unknown): void {
  reportStartupFailure(error, {
    showErrorBox: (title, content) => dialog.showErrorBox(title, content),
    writeStderr: (text) => process.stderr.write(text),
    exit: (code) => app.exit(code),
  });
}

function main(): void {
  let dataDir: string;
  let devTools: DevToolsPolicy;
  try {
    const applied = applyDataDir(app, process.env);
    dataDir = applied.dataDir;
    logger = createFrameLog({ dir: dataDir, level: logLevelFromEnv(process.env) });
    if (applied.problem) logger.warn(applied.problem);
    devTools = devToolsPolicy(app.isPackaged, process.env);
  } catch (error) {
    fail(error);
    return;
  }
  registerPrivilegedSchemes(protocol);
  if (!app.requestSingleInstanceLock()) {
    logger.info(`Frame is already running with data in ${dataDir}: bringing it forward.`);
    app.quit();
    return;
  }

  let frame: RunningFrame | null = null;
  let web: RunningWebServer | null = null;
  let kiosk: KioskWindow<BrowserWindow> | null = null;

  app.on('second-instance', () => kiosk?.focus());
  // Every web contents, whoever creates it, gets the navigation/window/webview guards.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, INDEX_URL, logger));
  app.on('window-all-closed', () => app.quit());
  watchChildProcesses(app, { logger, repaint: () => kiosk?.current?.webContents.invalidate() });
  stopBeforeQuit(
    app,
    async () => {
      kiosk?.dispose();
      await web?.close();
      await frame?.stop();
      await logger.close();
    },
    logger,
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());

  app
    .whenReady()
    .then(async () => {
      Menu.setApplicationMenu(null);
      hardenSession(session.defaultSession, logger);
      if (!existsSync(INDEX_HTML)) throw new ConfigError(`The renderer is not built (${INDEX_HTML} is missing): run "npm run build" first.`);
      const args = appArguments(process.argv, app.isPackaged, [__filename, app.getAppPath()]);
      const running = await startFrame({
        env: process.env,
        argv: args,
        defaultDataDir: app.getPath('userData'),
        logger,
        secretCodec: chooseSecretCodec(safeStorage, process.platform),
        launch: electronLaunchCommand({ execPath: process.execPath, isPackaged: app.isPackaged, mainScript: __filename, args, env: process.env }),
      });
      frame = running;
      handleAppProtocol(protocol, RENDERER_DIR);
      handleMediaProtocol(protocol, running, logger);
      // The same web shell beside the kiosk: /healthz, and settings from a phone when FRAME_HTTP_HOST allows.
      const { host, port, adminToken, allowedHosts } = running.config.http;
      web = await startWebServer({ frame: running, rendererDir: RENDERER_DIR, host, port, adminToken, allowedHosts, dataDir: running.config.dataDir, logger }).catch((error: Error) => {
        logger.warn(`Web shell not started on ${host}:${port} (${error.message}); the kiosk runs without it.`);
        return null;
      });
      if (web) logger.info(`Web shell at ${web.url}/ (settings at ${web.url}/settings, health at ${web.url}/healthz).`);
      const window = new KioskWindow<BrowserWindow>({
        // Electronegativity cannot see options built by a function: scripts/security-scan.mjs
        // checks the literal mainWindowOptions() returns instead (window-options.test.ts pins it).
        create: () => new BrowserWindow(mainWindowOptions({ preloadPath: PRELOAD, devTools: devTools.allowed })), // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
        indexUrl: INDEX_URL,
        setup: (created) => {
          hardenKioskContents(created.webContents, devTools, logger);
          forwardSettingsShortcut(created.webContents, INDEX_URL, logger);
          pushSnapshots(created.webContents, running, INDEX_URL);
        },
        logger,
      });
      kiosk = window;
      const ipcFrame = {
        getSnapshot: () => running.getSnapshot(),
        settings: running.settings,
        control: running.control,
        reportShowing: running.reportShowing,
        setupLink: () => web?.setupLink() ?? null,
      };
      registerIpcHandlers(ipcMain, ipcFrame, appSenderCheck(() => window.current?.webContents ?? null, INDEX_URL), logger);
      window.open();
      logger.info(`Frame ${app.getVersion()} kiosk started (Electron ${process.versions.electron ?? '?'}), data and frame.log in ${dataDir}; ${SETTINGS_SHORTCUT_LABEL} opens the settings.`);
    })
    .catch(fail);
}

main();

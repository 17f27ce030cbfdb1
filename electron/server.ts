// Web shell composition root (`npm run serve`): the sync core plus an HTTP
// server for the renderer. Also the mode for boards Electron does not support.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dataDirFromEnv, platformDataDir } from './core/config/data-dir';
import { startFrame } from './core/frame';
import { keptEnvironment } from './core/system/kept-env';
import { ConfigError } from './core/frame-types';
import { createFrameLog, logLevelFromEnv, type FrameLogger } from './core/util/frame-log';
import { startWebServer } from './core/web/web-server';

const here = dirname(fileURLToPath(import.meta.url));
// The log goes to frame.log in the data dir and, readable, to the console.
// A card that cannot take it only costs the file (the storage check says why).
let logger: FrameLogger;
try {
  logger = createFrameLog({ dir: dataDirFromEnv(), level: logLevelFromEnv(process.env) });
} catch (error) {
  console.error(`frame: ${(error as Error).message}`);
  process.exit(1);
}

async function main(): Promise<void> {
  const launch = {
    command: [process.execPath, fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    electron: false,
    env: keptEnvironment(process.env),
  };
  const frame = await startFrame({ env: process.env, argv: process.argv.slice(2), defaultDataDir: platformDataDir(), logger, launch });
  const { host, port, adminToken, allowedHosts } = frame.config.http;
  const web = await startWebServer({ frame, rendererDir: join(here, '..', 'renderer'), host, port, adminToken, allowedHosts, dataDir: frame.config.dataDir, logger }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') throw new ConfigError(`FRAME_HTTP_PORT ${port} is already in use on ${host}: stop the other program or choose another port.`);
    throw error;
  });
  logger.info(`Frame web shell at ${web.url}/ (settings at ${web.url}/settings), data in ${frame.config.dataDir}`);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: stopping.`);
    await web.close();
    await frame.stop();
    await logger.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`frame: ${error.message}`);
  } else {
    console.error(`frame: could not start: ${(error as Error).stack ?? String(error)}`);
  }
  process.exit(1);
});

// Relay composition root (`npm run relay`): the one process holding the Wix
// credentials and receiving the webhooks, publishing galleries over MQTT.
import { dataDirFromEnv, platformDataDir } from './core/config/data-dir';
import { ConfigError } from './core/frame-types';
import { startRelay } from './core/relay';
import { createFrameLog, logLevelFromEnv, type FrameLogger } from './core/util/frame-log';

// The same log as a frame's (frame.log in the data dir, readable on the console).
let logger: FrameLogger;
try {
  logger = createFrameLog({ dir: dataDirFromEnv(), level: logLevelFromEnv(process.env) });
} catch (error) {
  console.error(`relay: ${(error as Error).message}`);
  process.exit(1);
}

async function main(): Promise<void> {
  const relay = await startRelay({ env: process.env, argv: process.argv.slice(2), defaultDataDir: platformDataDir(), logger });
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: stopping the relay.`);
    await relay.stop();
    await logger.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `relay: ${error.message}` : `relay: could not start: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});

// Relay composition root (`npm run relay`): the one process holding the Wix
// credentials and receiving the webhooks, publishing galleries over MQTT.
import { dataDirFromEnv, platformDataDir } from './core/config/data-dir';
import { ConfigError, type Logger } from './core/frame-types';
import { startRelay } from './core/relay';
import { fileLogger } from './core/util/file-logger';
import { consoleLogger } from './core/util/logger';

let logger: Logger = consoleLogger('relay');
try {
  logger = fileLogger({ dir: dataDirFromEnv() });
} catch {
  // startRelay reports an unusable FRAME_DATA_DIR with a clear message.
}

async function main(): Promise<void> {
  const relay = await startRelay({ env: process.env, argv: process.argv.slice(2), defaultDataDir: platformDataDir(), logger });
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: stopping the relay.`);
    await relay.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `relay: ${error.message}` : `relay: could not start: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});

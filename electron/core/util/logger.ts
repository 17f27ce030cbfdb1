// Loggers for the parts that take one: the console (pino, readable lines) and
// a silent one for tests. Secrets never reach a logger.
import type { Logger } from '../frame-types';
import { createFrameLog } from './frame-log';

export function consoleLogger(): Logger {
  return createFrameLog();
}

export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

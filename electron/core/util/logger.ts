// A line-per-message logger with time and level; secrets never reach it.
import type { Logger } from '../frame-types';

export function consoleLogger(prefix = 'frame'): Logger {
  const line = (level: string, message: string) => `${new Date().toISOString()} ${prefix} ${level} ${message}`;
  return {
    info: (m) => console.log(line('info', m)),
    warn: (m) => console.warn(line('warn', m)),
    error: (m) => console.error(line('error', m)),
  };
}

export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

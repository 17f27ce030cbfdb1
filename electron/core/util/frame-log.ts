// The frame's log through pino: JSON lines with time and level in the data
// dir (frame.log, mode 0600, rotated by size: frame.log → frame.log.1 → …),
// and the same lines made readable on the console (pino-pretty: the
// service's journal or a terminal). Both streams write asynchronously; a
// full or read-only card stops the file, never the frame.
import { chmod } from 'node:fs/promises';
import { join } from 'node:path';
import pino, { type DestinationStream, type Level } from 'pino';
import pretty from 'pino-pretty';
import { createStream } from 'rotating-file-stream';
import { ConfigError, type Logger } from '../frame-types';

export const LOG_FILE = 'frame.log';
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface FrameLogger extends Logger {
  debug(message: string): void;
  /** The log file, or null when the log goes to the console only. */
  readonly path: string | null;
  /** Writes what is buffered and closes the file (before the process exits). */
  close(): Promise<void>;
}

export interface FrameLogOptions {
  /** Data dir for frame.log; without it, the console only. */
  dir?: string;
  level?: LogLevel;
  /** Rotate when the file reaches this size (default 1 MiB), keeping `keep` old files (default 3). */
  maxBytes?: number;
  keep?: number;
  /** Also print readable lines on the console (default true). */
  echo?: boolean;
  /** Told when the file cannot be written (full or read-only card); the console goes on. */
  onFileError?: (error: Error, path: string) => void;
}

/** FRAME_LOG_LEVEL, refused with one clear line when it is not a level. */
export function logLevelFromEnv(env: NodeJS.ProcessEnv): LogLevel {
  const raw = env.FRAME_LOG_LEVEL?.trim().toLowerCase();
  if (!raw) return 'info';
  if ((LOG_LEVELS as readonly string[]).includes(raw)) return raw as LogLevel;
  throw new ConfigError(`FRAME_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${env.FRAME_LOG_LEVEL}".`);
}

export function createFrameLog(options: FrameLogOptions = {}): FrameLogger {
  const streams: { level: Level; stream: DestinationStream }[] = [];
  const level = options.level ?? 'info';
  const closers: (() => Promise<void>)[] = [];
  if (options.echo !== false) {
    const console = pretty({ colorize: Boolean(process.stdout.isTTY), destination: 1, sync: false, translateTime: 'SYS:yyyy-mm-dd HH:MM:ss.l', ignore: 'pid,hostname,name' });
    streams.push({ level, stream: console });
    closers.push(() => new Promise((done) => (console as unknown as { flush(cb: () => void): void }).flush?.(done) ?? done()));
  }
  const path = options.dir ? join(options.dir, LOG_FILE) : null;
  if (options.dir && path) {
    const file = rotatingFile(options.dir, options.maxBytes ?? 1024 * 1024, options.keep ?? 3, (error) => {
      if (options.onFileError) options.onFileError(error, path);
      else log.warn(`The log file ${path} cannot be written (${error.message}); logging to the console only.`);
    });
    streams.push({ level, stream: file });
    closers.push(() => file.close());
    // Files from versions that wrote 0644 logs.
    void chmod(path, 0o600).catch(() => undefined);
  }
  const log = pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime }, pino.multistream(streams));
  return {
    path,
    debug: (message) => log.debug(message),
    info: (message) => log.info(message),
    warn: (message) => log.warn(message),
    error: (message) => log.error(message),
    async close() {
      await Promise.all(closers.map((close) => close()));
    },
  };
}

/** frame.log rotated by size; after a write error it drops lines instead of throwing. */
function rotatingFile(dir: string, maxBytes: number, keep: number, onError: (error: Error) => void): DestinationStream & { close(): Promise<void> } {
  const stream = createStream((index: number | Date | null) => (typeof index === 'number' && index > 0 ? `${LOG_FILE}.${index}` : LOG_FILE), { path: dir, size: `${Math.max(1, Math.round(maxBytes / 1024))}K`, rotate: keep, mode: 0o600 });
  let failed = false;
  const fail = (error: Error) => {
    if (failed) return;
    failed = true;
    onError(error);
  };
  stream.on('error', fail);
  stream.on('warning', fail);
  return {
    write(line: string) {
      if (!failed) stream.write(line);
    },
    close: () =>
      new Promise<void>((done) => {
        if (failed || stream.writableFinished) return done();
        stream.once('finish', () => done());
        stream.once('error', () => done());
        stream.end();
      }),
  };
}

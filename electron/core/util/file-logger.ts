// The frame's log in the data dir (frame.log), rotated by size so months of
// running never fill the SD card: frame.log → frame.log.1 → … → dropped.
import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../frame-types';

export interface FileLoggerOptions {
  dir: string;
  maxBytes?: number;
  keep?: number;
  /** Also print to the console (the service's journal). */
  echo?: boolean;
  now?: () => Date;
}

export function fileLogger(options: FileLoggerOptions): Logger & { path: string } {
  const path = join(options.dir, 'frame.log');
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const keep = options.keep ?? 3;
  const now = options.now ?? (() => new Date());
  mkdirSync(options.dir, { recursive: true });
  let size = (() => {
    try {
      return statSync(path).size;
    } catch {
      return 0;
    }
  })();

  const rotate = () => {
    rmSync(`${path}.${keep}`, { force: true });
    for (let i = keep - 1; i >= 1; i--) {
      try {
        renameSync(`${path}.${i}`, `${path}.${i + 1}`);
      } catch {
        // Not there yet.
      }
    }
    try {
      renameSync(path, `${path}.1`);
    } catch {
      // Nothing to rotate.
    }
    size = 0;
  };

  const write = (level: string, message: string) => {
    const line = `${now().toISOString()} ${level} ${message.replace(/\n/g, ' ')}\n`;
    if (options.echo !== false) (level === 'info' ? console.log : console.error)(line.trimEnd());
    try {
      if (size + line.length > maxBytes) rotate();
      appendFileSync(path, line);
      size += Buffer.byteLength(line);
    } catch {
      // A full or read-only disk must not stop the show.
    }
  };
  return { path, info: (m) => write('info', m), warn: (m) => write('warn', m), error: (m) => write('error', m) };
}

// Streams a download to a .part file and renames it when whole: never the
// whole body in memory (a 600 MB video on a 1 GB Pi), never more than the cap,
// and whatever goes wrong, no .part is left behind.
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';

export class DownloadFailed extends Error {
  override name = 'DownloadFailed';
}

/** Writes `body` to `${path}.part`, then renames it to `path`; returns the size. */
export async function downloadToFile(body: ReadableStream<Uint8Array>, path: string, limits: { maxBytes: number; declaredBytes: number | null }): Promise<number> {
  const { maxBytes, declaredBytes } = limits;
  if (declaredBytes !== null && declaredBytes > maxBytes) {
    await body.cancel().catch(() => undefined);
    throw new DownloadFailed(`too large (${declaredBytes} bytes, at most ${maxBytes})`);
  }
  const part = `${path}.part`;
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) done(new DownloadFailed(`too large (over ${maxBytes} bytes)`));
      else done(null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(body as NodeReadableStream<Uint8Array>), counter, createWriteStream(part, { mode: 0o600 }));
    if (declaredBytes !== null && size !== declaredBytes) throw new DownloadFailed(`truncated (${size} of ${declaredBytes} bytes)`);
    await rename(part, path);
    return size;
  } catch (error) {
    // A read-only card cannot take the removal either; the next start removes it.
    await rm(part, { force: true }).catch(() => undefined);
    // The file system's own error stays the cause: a full or read-only disk is the storage health's to say.
    throw error instanceof DownloadFailed ? error : new DownloadFailed(`cut off (${(error as Error).message})`, { cause: error });
  }
}

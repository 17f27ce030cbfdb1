// Writes that survive a crash or power cut at any point: the old file or the
// new one is found afterwards, never a half-written mix. A write the disk
// refuses (full, read-only, …) fails as a StorageFailure naming the file.
import { open, rename, rm, mkdir } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { asStorageFailure } from '../storage/storage-failure';

export async function writeFileAtomic(path: string, data: string, mode = 0o644): Promise<void> {
  try {
    await writeAndRename(path, data, mode);
  } catch (error) {
    throw asStorageFailure(error, path);
  }
}

async function writeAndRename(path: string, data: string, mode: number): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'w', mode);
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dir);
}

/** Makes the rename itself durable; not every platform allows it, which is fine. */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Directories cannot be fsynced on some file systems; the rename still happened.
  }
}

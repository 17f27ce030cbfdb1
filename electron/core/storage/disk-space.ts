// Free space on the file system holding a folder, and the floor the frame
// keeps free so the SD card never fills up because of it: 200 MB, or 5 % of
// a small disk (a 2 GB card keeps 100 MB).
import { statfs } from 'node:fs/promises';

export interface DiskSpace {
  freeBytes: number;
  totalBytes: number;
}

export type DiskSpaceReader = (path: string) => Promise<DiskSpace>;

export const FLOOR_BYTES = 200 * 1024 * 1024;
export const FLOOR_SHARE = 0.05;

export const readDiskSpace: DiskSpaceReader = async (path) => {
  const s = await statfs(path);
  // bavail: what an unprivileged process may still use (ext4 keeps 5 % for root).
  return { freeBytes: s.bavail * s.bsize, totalBytes: s.blocks * s.bsize };
};

export function floorBytes(totalBytes: number): number {
  return Math.min(FLOOR_BYTES, Math.floor(totalBytes * FLOOR_SHARE));
}

/** Bytes that must be freed before writing `bytes` more, 0 when there is room. */
export function shortfall(space: DiskSpace, bytes: number): number {
  return Math.max(0, floorBytes(space.totalBytes) + bytes - space.freeBytes);
}

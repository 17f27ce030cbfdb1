// What a failed write on the data dir means for a person, from its error code:
// the disk is full, it turned read-only, the folder is missing, or the frame
// may not write there. Anything else is not a storage problem.

export type StorageFault = 'full' | 'read-only' | 'missing' | 'not-permitted';

const FAULTS: Record<string, StorageFault> = {
  ENOSPC: 'full',
  EDQUOT: 'full',
  EROFS: 'read-only',
  ENOENT: 'missing',
  ENOTDIR: 'missing',
  EACCES: 'not-permitted',
  EPERM: 'not-permitted',
  // Something else stands where the file must go (a folder, a mount): it cannot be written either.
  EISDIR: 'not-permitted',
  EBUSY: 'not-permitted',
};

export function storageFaultOf(error: unknown): StorageFault | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return (code && FAULTS[code]) || null;
}

/** A write that failed for a storage reason, naming the file it was for. */
export class StorageFailure extends Error {
  override name = 'StorageFailure';
  constructor(
    readonly fault: StorageFault,
    readonly path: string,
    readonly code: string,
  ) {
    super(`${shortProblem(fault)}: ${path} could not be written (${code})`);
  }
}

/** The failure as a StorageFailure when it is one, else unchanged. */
export function asStorageFailure(error: unknown, path: string): unknown {
  if (error instanceof StorageFailure) return error;
  const fault = storageFaultOf(error);
  return fault ? new StorageFailure(fault, path, (error as NodeJS.ErrnoException).code ?? fault) : error;
}

/** The few words an HTTP answer carries, e.g. {"error": "the disk is full", "path": …}. */
export function shortProblem(fault: StorageFault): string {
  switch (fault) {
    case 'full':
      return 'the disk is full';
    case 'read-only':
      return 'the data folder is read-only';
    case 'missing':
      return 'the data folder is missing';
    case 'not-permitted':
      return 'the data folder may not be written (permission denied)';
  }
}

/** 507 Insufficient Storage for a full disk; 503 for the rest (it may come back after a fix or a restart). */
export function httpStatusOf(fault: StorageFault): number {
  return fault === 'full' ? 507 : 503;
}

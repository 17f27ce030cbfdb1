// A small tmpfs for storage tests: a disk that fills up for real, or turns
// read-only for real. Needs root (mount); where mounts are not allowed the
// tests that need one are skipped and say why.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Tmpfs {
  dir: string;
  readOnly(): void;
  readWrite(): void;
  unmount(): void;
}

function mount(args: string[]): void {
  execFileSync('mount', args, { stdio: 'pipe' });
}

/** Why tmpfs tests cannot run here, or null when they can. */
export const tmpfsUnavailable: string | null = (() => {
  if (process.platform !== 'linux') return 'tmpfs mounts are Linux-only';
  if (process.getuid?.() !== 0) return 'mounting a tmpfs needs root (CI runs as root)';
  let probe: Tmpfs | null = null;
  try {
    probe = mountTmpfs(64 * 1024);
    return null;
  } catch (error) {
    return `this machine allows no mounts (${(error as Error).message.split('\n')[0]})`;
  } finally {
    probe?.unmount();
  }
})();

export function mountTmpfs(sizeBytes: number, prefix = 'frame-tmpfs-'): Tmpfs {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  try {
    mount(['-t', 'tmpfs', '-o', `size=${sizeBytes},mode=0755`, 'tmpfs', dir]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  let mounted = true;
  return {
    dir,
    readOnly: () => mount(['-o', 'remount,ro', dir]),
    readWrite: () => mount(['-o', 'remount,rw', dir]),
    unmount() {
      if (!mounted) return;
      mounted = false;
      try {
        execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Fills the file system holding `dir` to the last byte (a full SD card). */
export function fillUp(dir: string): void {
  // dd stops with "No space left on device"; that is the point.
  try {
    execFileSync('dd', ['if=/dev/zero', `of=${join(dir, 'filler')}`, 'bs=4096'], { stdio: 'pipe' });
  } catch {
    // Expected: ENOSPC.
  }
}

// Chromium's helper processes (GPU, network and other utility services) are
// restarted by Chromium itself when they die; Frame logs why, so a frame that
// misbehaves overnight leaves a trail, and repaints the window after the GPU
// process came back, so no stale or black picture stays up. (Renderer
// processes are not reported here: KioskWindow replaces those windows.)
import type { Logger } from '../core/frame-types';

export interface ChildProcessGone {
  type: string;
  reason: string;
  exitCode: number;
  serviceName?: string;
  name?: string;
}

export interface ChildProcessSource {
  on(event: 'child-process-gone', listener: (event: unknown, details: ChildProcessGone) => void): unknown;
}

export interface ChildProcessWatchOptions {
  logger: Logger;
  /** Repaints the kiosk window (webContents.invalidate()). */
  repaint(): void;
  setTimeout?(callback: () => void, ms: number): unknown;
}

/** Time for Chromium to bring a new GPU process up before the repaint. */
export const REPAINT_DELAY_MS = 1_000;

export function describeChildProcessGone(details: ChildProcessGone): string {
  const which = [details.type, details.name ?? details.serviceName].filter(Boolean).join(' ');
  return `${which} process gone (${details.reason}, exit code ${details.exitCode})`;
}

export function watchChildProcesses(source: ChildProcessSource, options: ChildProcessWatchOptions): void {
  const later = options.setTimeout ?? ((callback, ms) => setTimeout(callback, ms));
  source.on('child-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') {
      options.logger.info(`${describeChildProcessGone(details)}.`);
      return;
    }
    if (details.type === 'GPU') {
      options.logger.warn(`${describeChildProcessGone(details)}: Chromium starts a new one; repainting the window.`);
      later(() => options.repaint(), REPAINT_DELAY_MS);
      return;
    }
    options.logger.warn(`${describeChildProcessGone(details)}: Chromium starts a new one when needed.`);
  });
}

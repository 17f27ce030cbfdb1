// Quitting waits for the core to stop (flush the saved gallery, close the
// webhook port), but never longer than a few seconds: a hung stop must not
// keep a frame from restarting.
import type { Logger } from '../core/frame-types';

export interface QuittingApp {
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
}

export function stopBeforeQuit(app: QuittingApp, stop: () => Promise<void>, logger: Logger, timeoutMs = 5_000): void {
  let state: 'running' | 'stopping' | 'stopped' = 'running';
  app.on('before-quit', (event) => {
    if (state === 'stopped') return;
    event.preventDefault();
    if (state === 'stopping') return;
    state = 'stopping';
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        logger.warn(`The frame did not stop within ${timeoutMs} ms; quitting anyway.`);
        resolve();
      }, timeoutMs);
    });
    Promise.race([Promise.resolve().then(stop), timeout])
      .catch((error: unknown) => logger.error(`Stopping the frame failed: ${(error as Error).message}`))
      .finally(() => {
        clearTimeout(timer);
        state = 'stopped';
        app.quit();
      });
  });
}

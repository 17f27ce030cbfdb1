// Per-window kiosk behaviour of the page itself: no pinch-zoom (a touch frame
// must not end up magnified with no way back), and DevTools only where the
// policy allows them; should they open anyway, they are closed again.
import type { GuardLogger } from './session-guard';
import type { DevToolsPolicy } from './window-options';

export interface KioskContents {
  setVisualZoomLevelLimits(minimumLevel: number, maximumLevel: number): Promise<void>;
  on(event: 'did-finish-load' | 'devtools-opened', listener: () => void): unknown;
  openDevTools(options: { mode: 'detach' }): void;
  closeDevTools(): void;
}

export function hardenKioskContents(contents: KioskContents, devTools: DevToolsPolicy, logger?: GuardLogger): void {
  // Electron starts with visual zoom off; pin it after every (re)load, when
  // there is a page to apply it to, so nothing can turn pinch-zoom back on.
  contents.on('did-finish-load', () => {
    contents.setVisualZoomLevelLimits(1, 1).catch((error: unknown) => logger?.warn(`Could not turn pinch-zoom off: ${(error as Error).message}`));
  });
  if (!devTools.allowed) {
    contents.on('devtools-opened', () => {
      logger?.warn('DevTools opened although they are off (set FRAME_DEVTOOLS=1 to allow them): closed.');
      contents.closeDevTools();
    });
  } else if (devTools.openOnStart) {
    contents.openDevTools({ mode: 'detach' });
  }
}

// The ways into settings besides the corner: by itself on first run, the
// Electron kiosk's shortcut (via the bridge) and "s" or "," on a keyboard.
import { useEffect } from 'react';
import type { FrameBridge } from '../bridge/frame-bridge';
import type { Route } from '../routing';
import { useFrame } from '../state/frame-store';

/** Once per page load: someone who went back to the (empty) show is not sent back again. */
let openedForSetup = false;

export function useOpenSettings(route: Route, bridge: Pick<FrameBridge, 'onOpenSettings'>, open: () => void): void {
  const setupNeeded = useFrame((s) => s.snapshot?.status.setupNeeded ?? false);

  useEffect(() => {
    if (!setupNeeded || openedForSetup) return;
    openedForSetup = true;
    if (route.page === 'slideshow') open();
  }, [setupNeeded, route.page, open]);

  useEffect(() => bridge.onOpenSettings?.(open), [bridge, open]);

  useEffect(() => {
    if (route.page !== 'slideshow') return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.altKey || e.metaKey || e.repeat) return;
      if (e.key === 's' || e.key === 'S' || e.key === ',') {
        e.preventDefault();
        open();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [route.page, open]);
}

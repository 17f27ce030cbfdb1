// The ways into settings besides the corner: by itself on first run, the
// Electron kiosk's shortcut (via the bridge), and on a keyboard in either
// shell F2, Ctrl+, (Cmd+,), S or ",". The README lists the same keys.
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
      if (isSettingsKey(e)) {
        e.preventDefault();
        open();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [route.page, open]);
}

/** F2, Ctrl+, or Cmd+, (as in the kiosk), and S or "," alone. */
export function isSettingsKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'repeat'>): boolean {
  if (e.altKey || e.repeat) return false;
  if (e.ctrlKey || e.metaKey) return e.key === ',';
  return e.key === 'F2' || e.key === 's' || e.key === 'S' || e.key === ',';
}

import { lazy, Suspense } from 'react';
import type { FrameBridge } from './bridge/frame-bridge';
import { openSettings, useRoute } from './routing';
import { SettingsCorner } from './settings/SettingsCorner';
import { SetupLinkContext } from './settings/SetupQr';
import { useOpenSettings } from './settings/use-open-settings';
import { Slideshow } from './slideshow/Slideshow';

// The settings screen (forms, the settings schema, the project picker) loads
// only when opened: the show a frame starts into stays small and quick to parse.
const SettingsScreen = lazy(() => import('./settings/SettingsScreen').then((m) => ({ default: m.SettingsScreen })));

export function App({ bridge }: { bridge: FrameBridge }) {
  const route = useRoute();
  useOpenSettings(route, bridge, openSettings);
  return (
    <SetupLinkContext.Provider value={bridge.setupLink}>
      {route.page === 'settings' ? (
        <Suspense fallback={<div className="settings-loading" data-testid="settings-loading" />}>
          <SettingsScreen bridge={bridge} backHref={route.backHref} />
        </Suspense>
      ) : (
        <>
          <Slideshow link={bridge} />
          <SettingsCorner onOpen={openSettings} />
        </>
      )}
    </SetupLinkContext.Provider>
  );
}

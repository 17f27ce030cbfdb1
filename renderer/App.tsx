import type { FrameBridge } from './bridge/frame-bridge';
import { openSettings, useRoute } from './routing';
import { SettingsCorner } from './settings/SettingsCorner';
import { SettingsScreen } from './settings/SettingsScreen';
import { SetupLinkContext } from './settings/SetupQr';
import { useOpenSettings } from './settings/use-open-settings';
import { Slideshow } from './slideshow/Slideshow';

export function App({ bridge }: { bridge: FrameBridge }) {
  const route = useRoute();
  useOpenSettings(route, bridge, openSettings);
  return (
    <SetupLinkContext.Provider value={bridge.setupLink}>
      {route.page === 'settings' ? (
        <SettingsScreen bridge={bridge} backHref={route.backHref} />
      ) : (
        <>
          <Slideshow link={bridge} />
          <SettingsCorner onOpen={openSettings} />
        </>
      )}
    </SetupLinkContext.Provider>
  );
}

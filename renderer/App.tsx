import type { FrameBridge } from './bridge/frame-bridge';
import { openSettings, useRoute } from './routing';
import { SettingsCorner } from './settings/SettingsCorner';
import { SettingsScreen } from './settings/SettingsScreen';
import { useOpenSettings } from './settings/use-open-settings';
import { Slideshow } from './slideshow/Slideshow';

export function App({ bridge }: { bridge: FrameBridge }) {
  const route = useRoute();
  useOpenSettings(route, bridge, openSettings);
  if (route.page === 'settings') return <SettingsScreen bridge={bridge} backHref={route.backHref} />;
  return (
    <>
      <Slideshow mediaUrl={bridge.mediaUrl} />
      <SettingsCorner onOpen={openSettings} />
    </>
  );
}

import type { FrameBridge } from './bridge/frame-bridge';
import { useRoute } from './routing';
import { SettingsPlaceholder } from './settings/SettingsPlaceholder';
import { Slideshow } from './slideshow/Slideshow';

export function App({ bridge }: { bridge: FrameBridge }) {
  const route = useRoute();
  if (route.page === 'settings') return <SettingsPlaceholder backHref={route.backHref} />;
  return <Slideshow mediaUrl={bridge.mediaUrl} />;
}

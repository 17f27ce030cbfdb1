// What people call each setting, and the GUID check, without the settings
// schema: the renderer needs only these, and importing shared/settings.ts for
// them would bring the whole validation library into its bundle (~2.5 KB
// gzipped). shared/settings.test.ts keeps the labels equal to the schema's.
import type { Settings } from './settings';

export const SETTING_LABELS: Record<keyof Settings, string> = {
  authMode: 'Sign-in method',
  apiKey: 'API key',
  siteId: 'Site ID',
  clientId: 'Client ID',
  clientSecret: 'Client secret',
  instanceId: 'Instance ID',
  projectId: 'Project ID',
  slideSeconds: 'Seconds per photo',
  transition: 'Transition',
  order: 'Order',
  fit: 'Fit',
  captions: 'Captions',
  pairPortraits: 'Portrait pairs',
  kenBurns: 'Slow pan and zoom',
  clock: 'Clock',
  pollSeconds: 'The Wix check interval',
  webhookPublicKey: 'Webhook public key',
  scheduleEnabled: 'Night schedule',
  weekSchedule: 'Weekly schedule',
  screenMode: 'Screen',
  screenPower: 'Screen switch',
};

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuidText(value: string): boolean {
  return GUID.test(value.trim());
}

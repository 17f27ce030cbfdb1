// Settings given by environment variables win over saved ones; the settings
// screen shows them as fixed. Values were already validated by loadEnvConfig.
import type { Settings } from '../../../shared/settings';
import type { FrameConfig } from '../config/env-config';

export function envOverrides(config: FrameConfig): Partial<Settings> {
  const overrides: Partial<Settings> = {};
  const auth = config.wix.auth;
  if (auth?.kind === 'apiKey') Object.assign(overrides, { authMode: 'apiKey', apiKey: auth.apiKey, siteId: auth.siteId });
  if (auth?.kind === 'oauth') Object.assign(overrides, { authMode: 'oauth', clientId: auth.clientId, clientSecret: auth.clientSecret, instanceId: auth.instanceId });
  if (config.wix.projectId) overrides.projectId = config.wix.projectId;
  Object.assign(overrides, config.settings);
  if (config.webhook.publicKeyPem) overrides.webhookPublicKey = config.webhook.publicKeyPem;
  return overrides;
}

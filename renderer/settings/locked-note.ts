// Why a field cannot be edited here: an environment variable (named, so the
// person knows where to change it) or the demo mode fixes it.
import type { Settings } from '../../shared/settings';

const ENV_NAMES: Partial<Record<keyof Settings, string>> = {
  apiKey: 'WIX_API_KEY',
  siteId: 'WIX_SITE_ID',
  clientId: 'WIX_CLIENT_ID',
  clientSecret: 'WIX_CLIENT_SECRET',
  instanceId: 'WIX_INSTANCE_ID',
  projectId: 'WIX_PROJECT_ID',
  slideSeconds: 'FRAME_SLIDE_SECONDS',
  pollSeconds: 'FRAME_POLL_SECONDS',
  webhookPublicKey: 'WIX_WEBHOOK_PUBLIC_KEY',
};

const DEMO_FIXED = new Set<keyof Settings>(['authMode', 'apiKey', 'siteId']);

export function lockedNote(field: keyof Settings, demo: boolean): string {
  if (demo && DEMO_FIXED.has(field)) return 'Fixed by the demo mode.';
  const name = ENV_NAMES[field];
  return name ? `Set by an environment variable (${name}).` : 'Set by an environment variable.';
}

// The renderer's Content-Security-Policy (electron/core/web/csp.ts, the same
// policy the web shell sends) on every response of the kiosk's session.
import { contentSecurityPolicy } from '../core/web/csp';

export { contentSecurityPolicy, metaContentSecurityPolicy } from '../core/web/csp';

/** Response headers with our policy replacing any the response brought (header names are case-insensitive). */
export function withContentSecurityPolicy(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  // scripts/security-scan.mjs checks the policy itself, written out (a call is all the scanner sees here).
  result['Content-Security-Policy'] = [contentSecurityPolicy()]; // eng-disable CSP_JS_CHECK
  return result;
}

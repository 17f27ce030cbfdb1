// The renderer's Content-Security-Policy. The built index.html carries the same
// policy in a <meta> tag (file:// pages may get no response headers to
// rewrite); the header adds what a <meta> cannot say (frame-ancestors).
import { ELECTRON_MEDIA_SCHEME } from '../../shared/channels';

const MEDIA = `${ELECTRON_MEDIA_SCHEME}:`;

export const CSP_DIRECTIVES: ReadonlyArray<readonly [string, ...string[]]> = [
  ['default-src', "'self'"],
  ['img-src', "'self'", MEDIA, 'data:', 'blob:'],
  ['media-src', "'self'", MEDIA, 'blob:'],
  ['script-src', "'self'"],
  // React and the slideshow set inline style attributes (transforms, opacity).
  ['style-src', "'self'", "'unsafe-inline'"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['frame-ancestors', "'none'"],
];

export function contentSecurityPolicy(): string {
  return CSP_DIRECTIVES.map((parts) => parts.join(' ')).join('; ');
}

/** The same policy for index.html's <meta> tag, where browsers ignore (and warn about) frame-ancestors. */
export function metaContentSecurityPolicy(): string {
  return CSP_DIRECTIVES.filter(([name]) => name !== 'frame-ancestors')
    .map((parts) => parts.join(' '))
    .join('; ');
}

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

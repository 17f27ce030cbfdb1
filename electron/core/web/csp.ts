// The renderer's Content-Security-Policy, one policy for both shells: the web
// shell sends it as a header, Electron adds it to every response of its
// session, and the built index.html carries it in a <meta> tag (minus what a
// <meta> cannot say: frame-ancestors). Media answers get a policy of their own
// (media/media-headers.ts).
import { ELECTRON_MEDIA_SCHEME } from '../../../shared/channels';

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

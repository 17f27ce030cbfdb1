// Headers on every answer of the web shell: the renderer's CSP (which also
// forbids framing: frame-ancestors 'none'), no MIME sniffing, no Referer to
// anyone, and no loading of the frame's responses as subresources of another
// site. Media answers replace the CSP with MEDIA_CSP (frame.ts sets it).
import { contentSecurityPolicy } from './csp';

export const PAGE_SECURITY_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['content-security-policy', contentSecurityPolicy()],
  ['x-content-type-options', 'nosniff'],
  ['referrer-policy', 'no-referrer'],
  ['x-frame-options', 'DENY'],
  ['cross-origin-resource-policy', 'same-origin'],
];

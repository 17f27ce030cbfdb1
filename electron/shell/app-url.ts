// The one page the window may show: the built renderer's index.html, served
// by the frame-app:// scheme (app-protocol.ts) rather than loaded from file://,
// so the page has an origin of its own and no file: privileges at all.
// Navigation and IPC are allowed for exactly this document (any #route or
// ?query of it, which the renderer uses for its settings), nothing else.

export const APP_SCHEME = 'frame-app';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** True when `url` is the app's index document, ignoring query and hash. */
export function isAppUrl(url: string, indexUrl: string = APP_INDEX_URL): boolean {
  let candidate: URL;
  let index: URL;
  try {
    candidate = new URL(url);
    index = new URL(indexUrl);
  } catch {
    return false;
  }
  // Custom schemes have an opaque origin to Node's URL, so compare scheme, host and path.
  return candidate.protocol === index.protocol && candidate.host === index.host && candidate.pathname === index.pathname;
}

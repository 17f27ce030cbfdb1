// The one page the window may show: the built renderer's index.html on disk.
// Navigation and IPC are allowed for exactly this document (any #route or
// ?query of it, which the renderer uses for /settings), nothing else.
import { pathToFileURL } from 'node:url';

export function appIndexUrl(indexHtmlPath: string): string {
  return pathToFileURL(indexHtmlPath).href;
}

/** True when `url` is the app's index document, ignoring query and hash. */
export function isAppUrl(url: string, indexUrl: string): boolean {
  let candidate: URL;
  let index: URL;
  try {
    candidate = new URL(url);
    index = new URL(indexUrl);
  } catch {
    return false;
  }
  // file: URLs have no meaningful origin ("null"), so compare scheme, host and path.
  return candidate.protocol === index.protocol && candidate.host === index.host && candidate.pathname === index.pathname;
}

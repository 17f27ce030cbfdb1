// Fetches only from Wix's own media origins. A video rendition's address
// comes from Wix data, which a forged or tampered item could point anywhere
// (the router, a cloud metadata service, the frame's own web shell): the
// origin is compared in full (scheme, host and port) before any request, and
// again for every redirect, which is followed by hand for that reason.
import { DownloadFailed } from './download-to-file';

const MAX_REDIRECTS = 3;

export class ForeignOrigin extends Error {
  override name = 'ForeignOrigin';
}

/** "https://video.wixstatic.com" of a URL, or null when it is not http(s). */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

export interface OriginFetchOptions {
  /** Full origins, e.g. WIX_VIDEO_BASE_URL's and WIX_MEDIA_BASE_URL's. */
  allowedOrigins: readonly string[];
  /** Until the answer's headers arrive; the body may take longer (a big video on slow Wi-Fi). */
  timeoutMs: number;
  fetch?: typeof fetch;
}

export async function fetchFromWixOrigin(url: string, options: OriginFetchOptions): Promise<Response> {
  const doFetch = options.fetch ?? fetch;
  let current = url;
  for (let hop = 0; ; hop++) {
    const origin = originOf(current);
    if (!origin || !options.allowedOrigins.includes(origin)) throw new ForeignOrigin(`${origin ?? 'an unreadable address'} is not one of Wix's media origins`);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new DownloadFailed('timed out')), options.timeoutMs);
    let response: Response;
    try {
      response = await doFetch(current, { redirect: 'manual', signal: controller.signal });
    } finally {
      clearTimeout(timer);
    }
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) return response;
    await response.body?.cancel().catch(() => undefined);
    if (hop >= MAX_REDIRECTS) throw new DownloadFailed('too many redirects');
    current = new URL(location, current).href;
  }
}

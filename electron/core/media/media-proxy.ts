// Fetches resized media from Wix for the shells. Failures become plain
// responses (502/504) so the renderer simply skips the photo.
import { loadKy } from '../util/lazy-ky';
import type { MediaRequest } from '../../../shared/media';
import { wixResizedUrl } from './wix-media-url';

export interface MediaProxyOptions {
  mediaBaseUrl: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

const PASSED_HEADERS = ['content-type', 'content-length', 'etag', 'last-modified'];

export function createMediaProxy(options: MediaProxyOptions) {
  return async function fetchMedia(request: MediaRequest, signal?: AbortSignal): Promise<Response> {
    const url = wixResizedUrl(options.mediaBaseUrl, request);
    try {
      const ky = await loadKy();
      const upstream = await ky.get(url, {
        timeout: options.timeoutMs ?? 30_000,
        retry: 1,
        throwHttpErrors: false,
        ...(signal ? { signal } : {}),
        ...(options.fetch ? { fetch: options.fetch } : {}),
      });
      const headers = new Headers({ 'cache-control': 'private, max-age=86400' });
      for (const name of PASSED_HEADERS) {
        const value = upstream.headers.get(name);
        if (value) headers.set(name, value);
      }
      return new Response(upstream.body, { status: upstream.status, headers });
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      return new Response(timedOut ? 'Wix media timed out' : 'Wix media unreachable', { status: timedOut ? 504 : 502 });
    }
  };
}

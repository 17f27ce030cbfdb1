// Serves an item's video: the rendition for the screen, fetched from Wix's
// video or media origin only, streamed once into the media cache, then played
// from disk (with Range for seeking).
import type { GalleryItem } from '../../../shared/gallery';
import type { VideoRequest } from '../../../shared/media';
import type { Logger } from '../frame-types';
import type { MediaCache } from './media-cache';
import { chooseRendition } from './rendition';
import { fetchFromWixOrigin, originOf } from './wix-origin-fetch';

export interface VideoSourceOptions {
  cache: MediaCache;
  /** WIX_VIDEO_BASE_URL and WIX_MEDIA_BASE_URL: renditions come from these origins only. */
  videoBaseUrl: string;
  mediaBaseUrl: string;
  logger: Logger;
  fetch?: typeof fetch;
}

export type VideoSource = (items: GalleryItem[], request: VideoRequest, range?: string, signal?: AbortSignal) => Promise<Response>;

export function createVideoSource(options: VideoSourceOptions): VideoSource {
  const allowedOrigins = [options.videoBaseUrl, options.mediaBaseUrl].map(originOf).filter((origin): origin is string => origin !== null);
  return async (items, request, range, signal) => {
    const video = items.find((item) => item.id === request.itemId)?.video;
    const chosen = video ? chooseRendition(video, request.height) : null;
    if (!video || !chosen) return new Response('no such video', { status: 404 });
    if (!allowedOrigins.includes(originOf(chosen.url) ?? '')) {
      // Checked here too, so a cached copy of an address that is no longer Wix's is not served either.
      options.logger.warn(`Video of item ${request.itemId} refused: its address is not on Wix's video or media origin (${allowedOrigins.join(', ')}).`);
      return new Response('video address is not Wix’s', { status: 502 });
    }
    const upstream = () => fetchFromWixOrigin(chosen.url, { allowedOrigins, timeoutMs: 120_000, ...(options.fetch ? { fetch: options.fetch } : {}) });
    // Keyed by the rendition's size, so a rotated screen gets its own file.
    return options.cache.get({ fileId: video.id, width: chosen.width ?? 0, height: chosen.height ?? 0, fit: 'fit' }, signal, { upstream, range });
  };
}

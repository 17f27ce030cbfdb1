// Serves an item's video: the rendition for the screen, downloaded once into
// the media cache, then played from disk (with Range for seeking).
import ky from 'ky';
import type { GalleryItem } from '../../../shared/gallery';
import type { VideoRequest } from '../../../shared/media';
import type { MediaCache } from './media-cache';
import { chooseRendition } from './rendition';

export async function fetchVideoFor(items: GalleryItem[], cache: MediaCache, request: VideoRequest, range?: string, signal?: AbortSignal): Promise<Response> {
  const video = items.find((item) => item.id === request.itemId)?.video;
  const chosen = video ? chooseRendition(video, request.height) : null;
  if (!video || !chosen) return new Response('no such video', { status: 404 });
  const upstream = () => ky.get(chosen.url, { timeout: 120_000, retry: 1, throwHttpErrors: false });
  // Keyed by the rendition's size, so a rotated screen gets its own file.
  return cache.get({ fileId: video.id, width: chosen.width ?? 0, height: chosen.height ?? 0, fit: 'fit' }, signal, { upstream, range });
}

// Where the renderer asks for media. Both shells answer these paths: the web
// shell over HTTP (same origin), Electron through the frame-media:// protocol.
// The shell turns them into Wix's resized URLs: the renderer never asks for
// an original.

import type { FitMode } from './display';

export interface MediaRequest {
  fileId: string;
  width: number;
  height: number;
  fit: FitMode;
}

export const MEDIA_PATH_PREFIX = '/media/';

/** What a Wix media file id looks like ("11062b_abc~mv2.jpg"); anything else is refused everywhere. */
export const FILE_ID_SHAPE = /^[\w.~-]{1,200}$/;

/** Relative path for a resized image, e.g. /media/abc~mv2.jpg?w=1920&h=1080&fit=fit */
export function mediaPath(req: MediaRequest): string {
  const w = clampDimension(req.width);
  const h = clampDimension(req.height);
  return `${MEDIA_PATH_PREFIX}${encodeURIComponent(req.fileId)}?w=${w}&h=${h}&fit=${req.fit}`;
}

/** Wix transforms accept at most 5000×5000. */
export function clampDimension(n: number): number {
  if (!Number.isFinite(n) || n < 1) return 1;
  return Math.min(5000, Math.round(n));
}

/** The id after a path prefix, decoded and checked against its allowed shape. */
function idAfter(prefix: string, pathname: string, shape: RegExp): string | null {
  if (!pathname.startsWith(prefix)) return null;
  try {
    const id = decodeURIComponent(pathname.slice(prefix.length));
    return shape.test(id) ? id : null;
  } catch {
    return null;
  }
}

/** Parses what mediaPath produced; null when anything is off. */
export function parseMediaPath(pathname: string, search: URLSearchParams): MediaRequest | null {
  const fileId = idAfter(MEDIA_PATH_PREFIX, pathname, FILE_ID_SHAPE);
  if (!fileId) return null;
  const width = Number(search.get('w'));
  const height = Number(search.get('h'));
  const fit = search.get('fit');
  if (!Number.isInteger(width) || !Number.isInteger(height)) return null;
  if (width < 1 || height < 1 || width > 5000 || height > 5000) return null;
  if (fit !== 'fit' && fit !== 'fill') return null;
  return { fileId, width, height, fit };
}

export const VIDEO_PATH_PREFIX = '/video/';

export interface VideoRequest {
  itemId: string;
  /** Screen height in device pixels: the rendition chosen is the smallest at least this tall (≤ 1080p). */
  height: number;
}

/** Relative path for an item's video, e.g. /video/<item id>?h=1080. The shell picks the rendition. */
export function videoPath(req: VideoRequest): string {
  return `${VIDEO_PATH_PREFIX}${encodeURIComponent(req.itemId)}?h=${clampDimension(req.height)}`;
}

export function parseVideoPath(pathname: string, search: URLSearchParams): VideoRequest | null {
  const itemId = idAfter(VIDEO_PATH_PREFIX, pathname, /^[\w-]{1,100}$/);
  if (!itemId) return null;
  const height = Number(search.get('h'));
  if (!Number.isInteger(height) || height < 1 || height > 5000) return null;
  return { itemId, height };
}

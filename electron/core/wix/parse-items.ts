// Wix items parsed defensively: every field optional, unknown fields ignored,
// items without usable media skipped (and counted) rather than crashing.
import { compareItems, type FocalPoint, type GalleryItem, type ImageMedia, type VideoMedia, type VideoRendition } from '../../../shared/gallery';
import { FILE_ID_SHAPE as FILE_ID } from '../../../shared/media';

type Json = Record<string, unknown>;

function asObject(value: unknown): Json | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}
function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
function asNumber(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}
function positive(value: unknown): number | undefined {
  const n = asNumber(value);
  return n !== undefined && n > 0 ? n : undefined;
}

/** "https://static.wixstatic.com/media/abc~mv2.jpg" → "abc~mv2.jpg"; also accepts "wix:image://v1/<id>/..." */
export function fileIdFromUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const wixUri = /^wix:(?:image|video):\/\/v1\/([^/#]+)/.exec(url);
  if (wixUri) return wixUri[1];
  const media = /\/media\/([^/?#]+)/.exec(url);
  if (media) return media[1];
  return undefined;
}


function fileId(info: Json): string | undefined {
  const candidates = [fileIdFromUrl(asString(info.url)), asString(info.id)];
  return candidates.find((id) => id !== undefined && FILE_ID.test(id));
}

function focalPoint(value: unknown): FocalPoint | undefined {
  const fp = asObject(value);
  const x = asNumber(fp?.x);
  const y = asNumber(fp?.y);
  if (x === undefined || y === undefined) return undefined;
  // Wix has used both 0..1 and percentages.
  const scale = x > 1 || y > 1 ? 100 : 1;
  const clamp = (n: number) => Math.min(1, Math.max(0, n / scale));
  return { x: clamp(x), y: clamp(y) };
}

function parseImage(raw: Json): ImageMedia | undefined {
  const media = asObject(raw.image);
  const info = asObject(media?.imageInfo);
  if (!info) return undefined;
  const id = fileId(info);
  if (!id) return undefined;
  const image: ImageMedia = { id };
  const url = asString(info.url);
  if (url) image.url = url;
  const width = positive(info.width);
  const height = positive(info.height);
  if (width) image.width = width;
  if (height) image.height = height;
  // A Project Item's Image is { imageInfo, focalPoint } (@wix/portfolio): the focal point sits beside imageInfo.
  const fp = focalPoint(media?.focalPoint);
  if (fp) image.focalPoint = fp;
  return image;
}

function parseRenditions(value: unknown): VideoRendition[] {
  if (!Array.isArray(value)) return [];
  const renditions: VideoRendition[] = [];
  for (const entry of value) {
    const obj = asObject(entry);
    const url = asString(obj?.url);
    if (!obj || !url) continue;
    const rendition: VideoRendition = { url };
    const width = positive(obj.width);
    const height = positive(obj.height);
    if (width) rendition.width = width;
    if (height) rendition.height = height;
    const quality = asString(obj.quality) ?? asString(obj.format);
    if (quality) rendition.quality = quality;
    renditions.push(rendition);
  }
  return renditions;
}

function parseVideo(raw: Json): VideoMedia | undefined {
  const info = asObject(asObject(raw.video)?.videoInfo);
  if (!info) return undefined;
  const resolutions = parseRenditions(info.resolutions);
  const url = asString(info.url);
  const id = asString(info.id) ?? fileIdFromUrl(url);
  if (!id || (!url && resolutions.length === 0)) return undefined;
  const video: VideoMedia = { id, resolutions };
  if (url) video.url = url;
  const width = positive(info.width);
  const height = positive(info.height);
  if (width) video.width = width;
  if (height) video.height = height;
  const posters = Array.isArray(info.posters) ? info.posters : [];
  const poster = asObject(posters[0]);
  const posterId = poster ? fileId(poster) : undefined;
  if (posterId) video.posterId = posterId;
  return video;
}

/** One Wix item, or undefined when it has no id or no usable media. */
export function parseItem(value: unknown): GalleryItem | undefined {
  const raw = asObject(value);
  const id = asString(raw?.id);
  if (!raw || !id) return undefined;
  const image = parseImage(raw);
  const video = image ? undefined : parseVideo(raw);
  if (!image && !video) return undefined;
  const createdDate = asString(raw.createdDate);
  const updatedDate = asString(raw.updatedDate);
  // Wix defaults sortOrder to the creation time; fall back to it likewise.
  const sortOrder = asNumber(raw.sortOrder) ?? (createdDate ? Date.parse(createdDate) / 1000 : undefined) ?? Number.MAX_SAFE_INTEGER;
  const item: GalleryItem = {
    id,
    title: asString(raw.title) ?? '',
    description: asString(raw.description) ?? '',
    type: image ? 'IMAGE' : 'VIDEO',
    sortOrder: Number.isFinite(sortOrder) ? sortOrder : Number.MAX_SAFE_INTEGER,
  };
  if (createdDate) item.createdDate = createdDate;
  if (updatedDate) item.updatedDate = updatedDate;
  if (image) item.image = image;
  if (video) item.video = video;
  return item;
}

export interface ParsedItems {
  items: GalleryItem[];
  skipped: number;
}

export function parseItems(values: unknown[]): ParsedItems {
  const byId = new Map<string, GalleryItem>();
  let skipped = 0;
  for (const value of values) {
    const item = parseItem(value);
    if (item) byId.set(item.id, item);
    else skipped++;
  }
  return { items: [...byId.values()].sort(compareItems), skipped };
}

// What the frame caches and serves: raster photos and videos, nothing else.
// SVG is an image that can carry script, and HTML or anything unknown has no
// business in a photo frame, so they are refused at download.

const EXTENSIONS = new Map([
  ['image/jpeg', 'jpg'],
  ['image/png', 'png'],
  ['image/webp', 'webp'],
  ['image/avif', 'avif'],
  ['image/gif', 'gif'],
  ['video/mp4', 'mp4'],
  ['video/webm', 'webm'],
]);
const TYPES = new Map([...EXTENSIONS].map(([type, ext]) => [ext, type]));

/** The cache file extension for a content type we keep; undefined for anything else. */
export function extensionFor(contentType: string): string | undefined {
  return EXTENSIONS.get(contentType);
}

/** The content type of a cache file with this extension; undefined when it is none of ours. */
export function typeOfExtension(ext: string): string | undefined {
  return TYPES.get(ext);
}

/** The bare content type ("image/png" of "image/png; charset=x"), lower case. */
export function bareType(header: string | null): string {
  return (header ?? '').split(';')[0]!.trim().toLowerCase();
}

export function isVideoType(type: string): boolean {
  return type.startsWith('video/');
}

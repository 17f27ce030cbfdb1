// Checks a GalleryItem read back from disk: a hand-edited or damaged file must
// not put anything on screen that the renderer cannot show.
import type { GalleryItem } from '../../../shared/gallery';
import { FILE_ID_SHAPE as FILE_ID } from '../../../shared/media';


function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isStoredItem(value: unknown): value is GalleryItem {
  if (!isRecord(value)) return false;
  const { id, title, description, type, sortOrder, image, video } = value;
  if (typeof id !== 'string' || id === '' || typeof title !== 'string' || typeof description !== 'string') return false;
  if (typeof sortOrder !== 'number' || !Number.isFinite(sortOrder)) return false;
  if (type === 'IMAGE') return isRecord(image) && typeof image.id === 'string' && FILE_ID.test(image.id);
  if (type === 'VIDEO') return isRecord(video) && typeof video.id === 'string' && Array.isArray(video.resolutions);
  return false;
}

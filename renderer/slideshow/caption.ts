// What a slide's caption says, per the display setting.
import type { Captions } from '../../shared/display';
import type { GalleryItem } from '../../shared/gallery';

export interface Caption {
  title: string;
  description?: string;
}

export function captionFor(item: Pick<GalleryItem, 'title' | 'description'> | undefined, mode: Captions): Caption | null {
  if (!item || mode === 'none') return null;
  const title = item.title.trim();
  const description = mode === 'title-description' ? item.description.trim() : '';
  // No title: the description alone (when it is wanted) says it.
  if (!title) return description ? { title: description } : null;
  return description ? { title, description } : { title };
}

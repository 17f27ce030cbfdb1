// GET /api/state: the runtime contract's summary of what the frame shows.
import type { GalleryState } from '../../../shared/gallery';

export interface PublicState {
  projectId: string | null;
  items: { id: string; title: string; type: string; sortOrder: number; updatedDate: string | null }[];
  syncedAt: string | null;
  lastError: string | null;
}

export function publicState(gallery: GalleryState): PublicState {
  return {
    projectId: gallery.projectId,
    items: gallery.items.map((i) => ({ id: i.id, title: i.title, type: i.type, sortOrder: i.sortOrder, updatedDate: i.updatedDate ?? null })),
    syncedAt: gallery.syncedAt,
    lastError: gallery.lastError,
  };
}

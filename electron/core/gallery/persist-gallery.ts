// Every change of the gallery is saved in the background, so a frame
// restarted without network shows it at once.
import type { GallerySnapshotFile } from './snapshot-file';
import type { GalleryStore } from './store';

export function persistGallery(store: GalleryStore, file: GallerySnapshotFile): () => void {
  return store.subscribe((state, change) => {
    if (change.added.length || change.updated.length || change.removed.length) void file.save(state);
  });
}

// One project's webhook events applied to its gallery: the applier drops
// duplicates, stale and foreign events; the poller is told so a sync already
// under way does not undo the change, and confirms it a little later.
import type { GalleryStore } from '../gallery/store';
import type { GallerySync } from '../gallery/sync';
import { EventApplier } from '../webhook/event-applier';
import type { ItemEvent } from '../webhook/item-event';

/** A confirming sync this long after the last event heals anything missed. */
export const CONFIRM_SYNC_MS = 3_000;

export function projectEventHandler(store: GalleryStore, getSync: () => GallerySync | null): (event: ItemEvent) => 'accepted' | 'ignored' {
  const applier = new EventApplier(store);
  return (event) => {
    const result = applier.apply(event);
    const sync = getSync();
    if (result === 'applied') sync?.noteLocalChange();
    if (result === 'applied' || result === 'stale') sync?.syncSoon(CONFIRM_SYNC_MS);
    return result === 'applied' ? 'accepted' : 'ignored';
  };
}

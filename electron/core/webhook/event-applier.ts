// Applies verified item events to the gallery in arrival order. Wix may
// deliver duplicates and out of order: duplicates are dropped by event id,
// and an event older than what is known for its item (entityEventSequence,
// then eventTime) is dropped too. Other projects' items are ignored.
import type { GalleryStore } from '../gallery/store';
import { BoundedMap } from '../util/bounded-set';
import { parseItem } from '../wix/parse-items';
import type { ItemEvent } from './item-event';

export type ApplyResult = 'applied' | 'duplicate' | 'stale' | 'other-project' | 'unknown-item';

interface KnownVersion {
  sequence: number | null;
  time: number | null;
}

export class EventApplier {
  private readonly seenEvents: BoundedMap<string, true>;
  private readonly versions: BoundedMap<string, KnownVersion>;

  constructor(
    private readonly store: GalleryStore,
    capacity = 10_000,
  ) {
    this.seenEvents = new BoundedMap(capacity);
    this.versions = new BoundedMap(capacity);
  }

  apply(event: ItemEvent): ApplyResult {
    if (this.seenEvents.has(event.eventId)) return 'duplicate';
    this.seenEvents.set(event.eventId, true);
    const current = this.store.state.items.find((i) => i.id === event.itemId);
    if (!this.belongsHere(event, current !== undefined)) return 'other-project';
    if (this.isStale(event, current?.updatedDate)) return 'stale';
    this.versions.set(event.itemId, { sequence: event.sequence, time: event.eventTime });
    if (event.kind === 'deleted') return this.store.remove(event.itemId) ? 'applied' : 'unknown-item';
    const item = parseItem(event.entity);
    // An item whose media became unusable leaves the show, as a sync would skip it.
    if (item) this.store.upsert(item);
    else this.store.remove(event.itemId);
    return 'applied';
  }

  private belongsHere(event: ItemEvent, inGallery: boolean): boolean {
    const projectId = this.store.state.projectId;
    if (!projectId) return false;
    if (event.kind === 'deleted') return true;
    const entityProject = event.entity?.projectId;
    if (typeof entityProject === 'string') return entityProject === projectId;
    // Without a projectId only items already shown are trusted; the confirming sync settles the rest.
    return inGallery;
  }

  private isStale(event: ItemEvent, updatedDate: string | undefined): boolean {
    const known = this.versions.get(event.itemId);
    if (known) {
      if (event.sequence !== null && known.sequence !== null) return event.sequence <= known.sequence;
      if (event.eventTime !== null && known.time !== null) return event.eventTime < known.time;
      return false;
    }
    const syncedTime = updatedDate ? Date.parse(updatedDate) : NaN;
    return event.eventTime !== null && !Number.isNaN(syncedTime) && event.eventTime < syncedTime;
  }
}

// The current gallery, replaced whole by a complete sync or changed an item at
// a time by webhook events. State objects are immutable: a change makes a new one.
import { compareItems, type GalleryItem, type GalleryState } from '../../../shared/gallery';

export interface GalleryChange {
  added: string[];
  updated: string[];
  removed: string[];
  errorChanged: boolean;
}

export type GalleryListener = (state: GalleryState, change: GalleryChange) => void;

export class GalleryStore {
  private current: GalleryState;
  private readonly listeners = new Set<GalleryListener>();

  constructor(initial: GalleryState) {
    this.current = initial;
  }

  get state(): GalleryState {
    return this.current;
  }

  subscribe(listener: GalleryListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A complete, parsed sync: the only way a whole gallery is replaced. */
  replaceAll(projectId: string, items: GalleryItem[], syncedAt: string): GalleryChange {
    const sorted = [...items].sort(compareItems);
    const change = diff(this.current.projectId === projectId ? this.current.items : [], sorted);
    if (this.current.projectId !== projectId) change.removed.push(...this.current.items.map((i) => i.id));
    change.errorChanged = this.current.lastError !== null;
    this.commit({ projectId, items: sorted, syncedAt, lastError: null }, change);
    return change;
  }

  /** Records a failure; the items shown stay exactly as they were. */
  setError(message: string | null): void {
    if (this.current.lastError === message) return;
    this.commit({ ...this.current, lastError: message }, { added: [], updated: [], removed: [], errorChanged: true });
  }

  /** Inserts or replaces one item, keeping the order. */
  upsert(item: GalleryItem): void {
    const existing = this.current.items.findIndex((i) => i.id === item.id);
    const items = this.current.items.filter((i) => i.id !== item.id);
    items.push(item);
    items.sort(compareItems);
    const change = { added: existing < 0 ? [item.id] : [], updated: existing < 0 ? [] : [item.id], removed: [], errorChanged: false };
    this.commit({ ...this.current, items }, change);
  }

  remove(itemId: string): boolean {
    if (!this.current.items.some((i) => i.id === itemId)) return false;
    const items = this.current.items.filter((i) => i.id !== itemId);
    this.commit({ ...this.current, items }, { added: [], updated: [], removed: [itemId], errorChanged: false });
    return true;
  }

  /** Switching project: nothing of the old one may linger on screen. */
  switchProject(projectId: string | null): void {
    if (this.current.projectId === projectId) return;
    const removed = this.current.items.map((i) => i.id);
    this.commit({ projectId, items: [], syncedAt: null, lastError: null }, { added: [], updated: [], removed, errorChanged: true });
  }

  private commit(next: GalleryState, change: GalleryChange): void {
    this.current = next;
    for (const listener of this.listeners) listener(next, change);
  }
}

function diff(before: GalleryItem[], after: GalleryItem[]): GalleryChange {
  const old = new Map(before.map((i) => [i.id, i]));
  const change: GalleryChange = { added: [], updated: [], removed: [], errorChanged: false };
  for (const item of after) {
    const previous = old.get(item.id);
    if (!previous) change.added.push(item.id);
    else if (JSON.stringify(previous) !== JSON.stringify(item)) change.updated.push(item.id);
    old.delete(item.id);
  }
  change.removed.push(...old.keys());
  return change;
}

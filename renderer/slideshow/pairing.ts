// Which photos share the screen: on a landscape screen two portraits side by
// side, on a portrait screen two landscapes stacked. Pairs are remembered, so
// a pair stays the same across shuffle rounds and gallery changes: a pair
// lasts while both its photos do; photos left alone, and new ones, pair up
// among themselves in gallery order. A photo without a partner shows alone.
import type { GalleryItem } from '../../shared/gallery';
import type { Size } from './framing';

export type PairLayout = 'row' | 'column';

/** How two photos share this screen, or null when the screen is too square for pairs. */
export function pairLayoutFor(screen: Size): PairLayout | null {
  if (screen.width >= screen.height * 1.2) return 'row';
  if (screen.height >= screen.width * 1.2) return 'column';
  return null;
}

/** True for a photo of the other orientation than the screen: it would look lost alone. */
export function isAcross(item: GalleryItem, layout: PairLayout): boolean {
  const { width, height } = item.image ?? {};
  if (item.type !== 'IMAGE' || !width || !height) return false;
  const aspect = width / height;
  return layout === 'row' ? aspect < 0.9 : aspect > 1 / 0.9;
}

export class PairBook {
  /** Both directions: id → partner id. */
  private partners = new Map<string, string>();

  /** The pairs among `candidates` (item ids in gallery order), keeping earlier pairs. Returns id → partner. */
  update(candidates: readonly string[]): ReadonlyMap<string, string> {
    const present = new Set(candidates);
    const kept = new Map<string, string>();
    for (const [id, partner] of this.partners) {
      if (present.has(id) && present.has(partner)) kept.set(id, partner);
    }
    let waiting: string | null = null;
    for (const id of candidates) {
      if (kept.has(id)) continue;
      if (waiting === null) {
        waiting = id;
        continue;
      }
      kept.set(waiting, id);
      kept.set(id, waiting);
      waiting = null;
    }
    this.partners = kept;
    return kept;
  }
}

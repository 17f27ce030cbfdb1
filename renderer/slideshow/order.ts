// Shuffle without repeats: every item is shown once per round, in a random
// order, before any comes again. The round survives gallery changes: added
// items join the not-yet-shown pool at random places, removed ones leave it,
// and what is left keeps its order (no reshuffle).
import type { SlideOrder } from '../../shared/display';
import { SORTED_ORDER, type ShowOrder, type Slide } from './sequence';

export class ShuffleOrder implements ShowOrder {
  /** Items not yet shown this round, in the order they will come. */
  private pool: string[] = [];
  /** The item ids of the last gallery seen, to tell added items from known ones. */
  private known = new Set<string>();

  constructor(private readonly random: () => number = Math.random) {}

  next(slides: readonly Slide[], fromId: string | null, skip: ReadonlySet<string>): Slide | null {
    this.reconcile(slides);
    const byId = new Map(slides.map((s) => [s.itemId, s]));
    const pick = (): Slide | null => {
      for (const id of this.pool) {
        const slide = byId.get(id);
        if (slide && id !== fromId && !skip.has(slide.url)) return slide;
      }
      return null;
    };
    let slide = pick();
    if (!slide) {
      // Everything of this round was shown (or cannot be shown now): the next round begins.
      this.newRound(slides);
      slide = pick();
    }
    if (slide) return slide;
    const from = fromId === null ? undefined : byId.get(fromId);
    return from && !skip.has(from.url) ? from : null;
  }

  replacing(_before: readonly Slide[], after: readonly Slide[], _removedId: string, skip: ReadonlySet<string>): Slide | null {
    return this.next(after, null, skip);
  }

  shown(itemId: string): void {
    const index = this.pool.indexOf(itemId);
    if (index >= 0) this.pool.splice(index, 1);
  }

  /** The ids still to come this round, in order (for tests and diagnostics). */
  upcoming(): readonly string[] {
    return this.pool;
  }

  private reconcile(slides: readonly Slide[]): void {
    const ids = new Set(slides.map((s) => s.itemId));
    if (this.pool.some((id) => !ids.has(id))) this.pool = this.pool.filter((id) => ids.has(id));
    for (const id of ids) {
      // Inserting each at a uniformly random place: the first gallery becomes a uniform shuffle.
      if (!this.known.has(id)) this.pool.splice(Math.floor(this.random() * (this.pool.length + 1)), 0, id);
    }
    this.known = ids;
  }

  private newRound(slides: readonly Slide[]): void {
    const pool = slides.map((s) => s.itemId);
    for (let i = pool.length - 1; i > 0; i--) {
      const j = Math.floor(this.random() * (i + 1));
      [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    }
    this.pool = pool;
  }
}

export function createOrder(kind: SlideOrder, random?: () => number): ShowOrder {
  return kind === 'shuffle' ? new ShuffleOrder(random) : SORTED_ORDER;
}

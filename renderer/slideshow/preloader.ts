// Holds the next picture decoded ahead, so the swap at the slide's end is
// instant even on a slow network. Holds nothing else: a picture that is no
// longer expected is released (src removed) at once.
import { ImageRing } from './image-ring';

/** The next slide's pictures: one, or the two of a pair (each half the screen). */
export const PRELOAD_AHEAD = 2;

export interface PreloadImage {
  src: string;
  decoding: 'async' | 'sync' | 'auto';
  decode(): Promise<void>;
  removeAttribute(name: 'src'): void;
}

const preloadRing = new ImageRing(PRELOAD_AHEAD + 1);
const ringImage = (): PreloadImage => preloadRing.take();

export class Preloader {
  private readonly held = new Map<string, PreloadImage>();

  /** Elements come from a ring: one per slide would never be freed (see image-ring.ts). */
  constructor(private readonly createImage: () => PreloadImage = ringImage) {}

  /** Decode exactly these (the first PRELOAD_AHEAD of them); release the rest. */
  keep(urls: readonly string[]): void {
    const wanted = urls.slice(0, PRELOAD_AHEAD);
    for (const [url, image] of this.held) {
      if (wanted.includes(url)) continue;
      image.removeAttribute('src');
      this.held.delete(url);
    }
    for (const url of wanted) {
      if (this.held.has(url)) continue;
      const image = this.createImage();
      image.decoding = 'async';
      image.src = url;
      // A failure shows up again when the show loads it for real.
      image.decode().catch(() => {});
      this.held.set(url, image);
    }
  }

  /** The URLs held now (for tests). */
  holding(): string[] {
    return [...this.held.keys()];
  }
}

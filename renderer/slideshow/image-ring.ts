// Chromium keeps every <img> made by script alive for the document's lifetime
// (a viewport listener holds it), so a show that made one per slide would grow
// by one element a slide for months. The show reuses a few instead.

export class ImageRing {
  private readonly images: HTMLImageElement[] = [];
  private next = 0;

  constructor(
    private readonly size: number,
    private readonly create: () => HTMLImageElement = () => new Image(),
  ) {}

  /** The least recently handed out element (made on first use); the caller sets its src. */
  take(): HTMLImageElement {
    if (this.images.length < this.size) {
      const image = this.create();
      this.images.push(image);
      return image;
    }
    const image = this.images[this.next]!;
    this.next = (this.next + 1) % this.size;
    return image;
  }

  /** How many elements exist (for tests): never more than the size. */
  get count(): number {
    return this.images.length;
  }
}

/** Releases an element's picture only if it still shows `url` (a later user may own it now). */
export function releaseIf(image: HTMLImageElement, url: string): void {
  if (image.getAttribute('src') === url) image.removeAttribute('src');
}

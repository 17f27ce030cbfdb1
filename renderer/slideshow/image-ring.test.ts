import { describe, expect, it } from 'vitest';
import { ImageRing, releaseIf } from './image-ring';

class FakeImage {
  private attributes = new Map<string, string>();
  getAttribute(name: string) {
    return this.attributes.get(name) ?? null;
  }
  setAttribute(name: string, value: string) {
    this.attributes.set(name, value);
  }
  removeAttribute(name: string) {
    this.attributes.delete(name);
  }
}

describe('ImageRing', () => {
  it('never makes more elements than its size, however many pictures pass', () => {
    const ring = new ImageRing(2, () => new FakeImage() as unknown as HTMLImageElement);
    const seen = new Set<HTMLImageElement>();
    for (let i = 0; i < 1000; i++) seen.add(ring.take());
    expect(ring.count).toBe(2);
    expect(seen.size).toBe(2);
  });

  it('hands out the least recently used element', () => {
    const ring = new ImageRing(2, () => new FakeImage() as unknown as HTMLImageElement);
    const a = ring.take();
    const b = ring.take();
    expect(ring.take()).toBe(a);
    expect(ring.take()).toBe(b);
  });

  it('releases a picture only while the element still shows it', () => {
    const image = new FakeImage();
    image.setAttribute('src', '/media/new');
    releaseIf(image as unknown as HTMLImageElement, '/media/old');
    expect(image.getAttribute('src')).toBe('/media/new');
    releaseIf(image as unknown as HTMLImageElement, '/media/new');
    expect(image.getAttribute('src')).toBeNull();
  });
});

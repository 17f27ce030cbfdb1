import { describe, expect, it } from 'vitest';
import { Preloader, type PreloadImage } from './preloader';

class FakeImage implements PreloadImage {
  src = '';
  decoding: 'async' | 'sync' | 'auto' = 'auto';
  decodes = 0;
  decode() {
    this.decodes++;
    return Promise.reject(new Error('not in a browser'));
  }
  removeAttribute() {
    this.src = '';
  }
}

describe('Preloader', () => {
  it('decodes the next picture and releases it when it is no longer expected', () => {
    const made: FakeImage[] = [];
    const preloader = new Preloader(() => {
      const image = new FakeImage();
      made.push(image);
      return image;
    });
    preloader.keep(['/a', '/b', '/z']);
    expect(preloader.holding()).toEqual(['/a', '/b']); // one slide ahead only: at most the two photos of a pair
    expect(made[0]).toMatchObject({ src: '/a', decoding: 'async', decodes: 1 });
    preloader.keep(['/a']);
    expect(made).toHaveLength(2); // already held: not loaded again
    expect(made[1]!.src).toBe('');
    preloader.keep(['/c']);
    expect(made[0]!.src).toBe('');
    expect(preloader.holding()).toEqual(['/c']);
    preloader.keep([]);
    expect(made[2]!.src).toBe('');
    expect(preloader.holding()).toEqual([]);
  });
});

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
    preloader.keep(['/a', '/b']);
    expect(preloader.holding()).toEqual(['/a']); // one ahead only
    expect(made[0]).toMatchObject({ src: '/a', decoding: 'async', decodes: 1 });
    preloader.keep(['/a']);
    expect(made).toHaveLength(1); // already held: not loaded again
    preloader.keep(['/c']);
    expect(made[0]!.src).toBe('');
    expect(preloader.holding()).toEqual(['/c']);
    preloader.keep([]);
    expect(made[1]!.src).toBe('');
    expect(preloader.holding()).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import type { GalleryItem } from '../../shared/gallery';
import { PairBook } from './pairing';
import { toSlide, toSlides, type SlideSetup } from './slide-media';

const base = { title: '', description: '', sortOrder: 1 };
const image = (id: string, fileId: string, extra: Partial<NonNullable<GalleryItem['image']>> = {}): GalleryItem => ({ ...base, id, type: 'IMAGE', image: { id: fileId, ...extra } });
const video = (id: string, posterId?: string): GalleryItem => ({
  ...base,
  id,
  type: 'VIDEO',
  video: { id: `${id}.mp4`, resolutions: [{ url: 'https://video.wixstatic.com/x/720p/mp4/file.mp4', height: 720 }], ...(posterId ? { posterId } : {}) },
});
const setup = (fit: SlideSetup['fit'] = 'fit'): SlideSetup => ({ fit, screen: { width: 1920, height: 1080 }, urlOf: (path) => `http://frame${path}` });

describe('toSlide', () => {
  it('shows an image at screen size', () => {
    expect(toSlide(image('a', 'a~mv2.jpg'), setup())).toEqual({ itemId: 'a', url: 'http://frame/media/a~mv2.jpg?w=1920&h=1080&fit=fit', fit: 'fit', focus: { x: 0.5, y: 0.5 } });
  });

  it('lets Wix crop a plain fill, and crops around the focal point itself', () => {
    expect(toSlide(image('a', 'a.jpg'), setup('fill'))?.url).toBe('http://frame/media/a.jpg?w=1920&h=1080&fit=fill');
    // A 4000×6000 portrait, focal point near the top: the whole photo just covering the screen, cropped in the browser.
    const slide = toSlide(image('p', 'p.jpg', { width: 4000, height: 6000, focalPoint: { x: 0.5, y: 0.2 } }), setup('fill'));
    expect(slide?.url).toBe('http://frame/media/p.jpg?w=1920&h=2880&fit=fit');
    expect(slide?.position).toBe('50% 2%');
  });

  it('plays a video from the shell, over its poster at screen size', () => {
    expect(toSlide(video('v', 'poster~mv2.jpg'), setup())).toEqual({
      itemId: 'v',
      url: 'http://frame/media/poster~mv2.jpg?w=1920&h=1080&fit=fit',
      video: 'http://frame/video/v?h=1080',
      fit: 'fit',
    });
  });

  it('plays a video without a poster too (nothing to decode first)', () => {
    const slide = toSlide(video('v'), setup());
    expect(slide?.video).toBe('http://frame/video/v?h=1080');
    expect(slide?.url).toBe(slide?.video);
  });

  it('skips items without media', () => {
    expect(toSlide({ ...base, id: 'x', type: 'IMAGE' }, setup())).toBeNull();
    expect(toSlide({ ...base, id: 'y', type: 'VIDEO' }, setup())).toBeNull();
  });
});

describe('toSlides', () => {
  it('keeps gallery order and drops what cannot be shown', () => {
    const items = [image('a', 'a.jpg'), { ...base, id: 'x', type: 'IMAGE' as const }, video('w', 'w.jpg'), image('b', 'b.jpg')];
    expect(toSlides(items, setup()).map((s) => s.itemId)).toEqual(['a', 'w', 'b']);
  });
});

describe('toSlides with pairing', () => {
  const portrait = (id: string) => image(id, `${id}.jpg`, { width: 4000, height: 6000 });
  const landscape = (id: string) => image(id, `${id}.jpg`, { width: 6000, height: 4000 });
  const paired = (screen = { width: 1920, height: 1080 }, fit: SlideSetup['fit'] = 'fit'): SlideSetup => ({ ...setup(fit), screen, pairs: new PairBook() });

  it('puts two portraits side by side on a landscape screen, each fetched for its half', () => {
    const slides = toSlides([landscape('a'), portrait('p'), landscape('b'), portrait('q')], paired());
    expect(slides.map((s) => s.itemId)).toEqual(['a', 'p+q', 'b']);
    const pair = slides[1]!.pair!;
    expect(pair.layout).toBe('row');
    // 1920 less a 13 px seam, halved.
    expect(pair.parts.map((p) => p.url)).toEqual(['http://frame/media/p.jpg?w=953&h=1080&fit=fit', 'http://frame/media/q.jpg?w=953&h=1080&fit=fit']);
  });

  it('stacks two landscapes on a portrait screen', () => {
    const slides = toSlides([landscape('a'), portrait('p'), landscape('b')], paired({ width: 1080, height: 1920 }));
    expect(slides.map((s) => s.itemId)).toEqual(['a+b', 'p']);
    expect(slides[0]!.pair!.layout).toBe('column');
  });

  it('shows a portrait without a partner whole, even when the show fills the screen', () => {
    const [alone] = toSlides([portrait('p')], paired(undefined, 'fill'));
    expect(alone).toMatchObject({ itemId: 'p', fit: 'fit' });
    expect(alone!.pair).toBeUndefined();
  });

  it('pairs nothing when pairing is off or the screen is square', () => {
    expect(toSlides([portrait('p'), portrait('q')], setup()).map((s) => s.itemId)).toEqual(['p', 'q']);
    expect(toSlides([portrait('p'), portrait('q')], paired({ width: 1000, height: 1000 })).map((s) => s.itemId)).toEqual(['p', 'q']);
  });
});

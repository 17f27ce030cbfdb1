import { describe, expect, it } from 'vitest';
import type { GalleryItem } from '../../shared/gallery';
import { slideFileId, toSlides } from './slide-media';

const base = { title: '', description: '', sortOrder: 1 };
const image = (id: string, fileId: string): GalleryItem => ({ ...base, id, type: 'IMAGE', image: { id: fileId } });
const video = (id: string, posterId?: string): GalleryItem => ({ ...base, id, type: 'VIDEO', video: { id: `${id}.mp4`, resolutions: [], ...(posterId ? { posterId } : {}) } });

describe('slideFileId', () => {
  it('shows an image item by its image', () => {
    expect(slideFileId(image('a', 'a~mv2.jpg'))).toBe('a~mv2.jpg');
  });

  it('shows a video by its poster until video playback exists', () => {
    expect(slideFileId(video('v', 'poster~mv2.jpg'))).toBe('poster~mv2.jpg');
  });

  it('skips a video without poster, and items without media', () => {
    expect(slideFileId(video('v'))).toBeNull();
    expect(slideFileId({ ...base, id: 'x', type: 'IMAGE' })).toBeNull();
  });
});

describe('toSlides', () => {
  it('keeps gallery order, drops what cannot be shown, and builds URLs for the screen', () => {
    const items = [image('a', 'a.jpg'), video('v'), video('w', 'w.jpg'), image('b', 'b.jpg')];
    const slides = toSlides(items, 'fill', (fileId) => `/media/${fileId}`);
    expect(slides).toEqual([
      { itemId: 'a', url: '/media/a.jpg', fit: 'fill' },
      { itemId: 'w', url: '/media/w.jpg', fit: 'fill' },
      { itemId: 'b', url: '/media/b.jpg', fit: 'fill' },
    ]);
  });
});

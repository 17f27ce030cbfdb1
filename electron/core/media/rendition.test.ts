import { describe, expect, it } from 'vitest';
import type { VideoMedia } from '../../../shared/gallery';
import { chooseRendition } from './rendition';

const video = (heights: (number | undefined)[], url?: string): VideoMedia => ({
  id: 'v',
  resolutions: heights.map((height) => ({ url: `r${height ?? 'x'}`, ...(height ? { height, width: Math.round((height * 16) / 9) } : {}) })),
  ...(url ? { url } : {}),
});

describe('chooseRendition', () => {
  it('takes the smallest rendition at least as tall as the screen', () => {
    expect(chooseRendition(video([1080, 360, 720, 480]), 600)?.url).toBe('r720');
    expect(chooseRendition(video([1080, 360, 720, 480]), 480)?.url).toBe('r480');
  });

  it('never goes above 1080p, even on a 4K screen', () => {
    expect(chooseRendition(video([2160, 1080, 720]), 2160)?.url).toBe('r1080');
  });

  it('takes the tallest available when none is tall enough', () => {
    expect(chooseRendition(video([360, 480]), 1080)?.url).toBe('r480');
  });

  it('falls back to unsized renditions, then the main url', () => {
    expect(chooseRendition(video([undefined]), 720)?.url).toBe('rx');
    expect(chooseRendition(video([2160], 'main.mp4'), 720)?.url).toBe('main.mp4');
    expect(chooseRendition(video([2160]), 720)?.url).toBe('r2160');
    expect(chooseRendition(video([]), 720)).toBeNull();
  });
});

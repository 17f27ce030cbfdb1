import { describe, expect, it } from 'vitest';
import { backdropSize, focalPosition, pictureRequest, shownFocus } from './framing';

const screen = { width: 1920, height: 1080 };

describe('pictureRequest', () => {
  it('asks for exactly the screen for fit, and for fill without a focal point', () => {
    expect(pictureRequest(screen, 'fit', { width: 4000, height: 6000, focalPoint: { x: 0.1, y: 0.1 } })).toEqual({ width: 1920, height: 1080, fit: 'fit' });
    expect(pictureRequest(screen, 'fill', { width: 4000, height: 6000 })).toEqual({ width: 1920, height: 1080, fit: 'fill' });
    expect(pictureRequest(screen, 'fill', undefined)).toEqual({ width: 1920, height: 1080, fit: 'fill' });
  });

  it('asks for the whole picture just covering the screen when a focal point says where to crop', () => {
    expect(pictureRequest(screen, 'fill', { width: 6000, height: 2000, focalPoint: { x: 0.9, y: 0.5 } })).toEqual({ width: 3240, height: 1080, fit: 'fit', position: '100% 50%' });
  });

  it('stays within what Wix can resize to', () => {
    const request = pictureRequest(screen, 'fill', { width: 1000, height: 20000, focalPoint: { x: 0.5, y: 0.5 } });
    expect(Math.max(request.width, request.height)).toBe(5000);
    expect(request.width).toBe(250);
  });
});

describe('focalPosition', () => {
  it('centres the focal point when the picture allows', () => {
    // 3000×1000 shown 3240×1080 on a 1920 wide screen: x=0.5 is the middle.
    expect(focalPosition(screen, { width: 3000, height: 1000 }, { x: 0.5, y: 0.5 })).toBe('50% 50%');
    // Focal point at 40 %: picture offset so that 0.4 × 3240 = 1296 lands at 960 → -336 of -1320.
    expect(focalPosition(screen, { width: 3000, height: 1000 }, { x: 0.4, y: 0.5 })).toBe('25.5% 50%');
  });

  it('stops at the picture edges', () => {
    expect(focalPosition(screen, { width: 3000, height: 1000 }, { x: 0, y: 0 })).toBe('0% 50%');
    expect(focalPosition(screen, { width: 3000, height: 1000 }, { x: 1, y: 1 })).toBe('100% 50%');
    expect(focalPosition(screen, { width: 1000, height: 3000 }, { x: 0.5, y: 0.98 })).toBe('50% 100%');
  });
});

describe('backdropSize', () => {
  it('is a few hundred pixels with the picture’s shape', () => {
    expect(backdropSize({ width: 720, height: 1080 }, screen)).toEqual({ width: 32, height: 48 });
    expect(backdropSize({ width: 1920, height: 640 }, screen)).toEqual({ width: 32, height: 11 });
  });

  it('is not needed when the picture fills the screen, or unknown', () => {
    expect(backdropSize({ width: 1280, height: 720 }, screen)).toBeNull();
    expect(backdropSize({ width: 0, height: 0 }, screen)).toBeNull();
  });
});

describe('shownFocus', () => {
  const screen = { width: 1920, height: 1080 };
  it('is the centre without a focal point', () => {
    expect(shownFocus(screen, { width: 6000, height: 4000 }, 'fit')).toEqual({ x: 0.5, y: 0.5 });
  });
  it('maps the focal point through a whole photo on the backdrop', () => {
    // A 4000×6000 portrait is 720 px wide on a 1080 px tall screen, from x = 600.
    expect(shownFocus(screen, { width: 4000, height: 6000, focalPoint: { x: 0.5, y: 0.25 } }, 'fit')).toEqual({ x: 0.5, y: 0.25 });
    expect(shownFocus(screen, { width: 4000, height: 6000, focalPoint: { x: 0, y: 0.5 } }, 'fit')).toEqual({ x: 0.313, y: 0.5 });
  });
  it('maps it through a crop that keeps it as central as the photo allows', () => {
    expect(shownFocus(screen, { width: 4000, height: 6000, focalPoint: { x: 0.5, y: 0.5 } }, 'fill')).toEqual({ x: 0.5, y: 0.5 });
    const top = shownFocus(screen, { width: 4000, height: 6000, focalPoint: { x: 0.5, y: 0.05 } }, 'fill');
    expect(top.y).toBeLessThan(0.5);
  });
});

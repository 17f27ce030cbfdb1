import { describe, expect, it } from 'vitest';
import { parseItem } from './parse-items';

const imageItem = (image: Record<string, unknown>) => ({ id: 'i1', type: 'IMAGE', sortOrder: 1, image });
const info = { id: 'abc~mv2.jpg', url: 'https://static.wixstatic.com/media/abc~mv2.jpg', width: 4000, height: 6000 };

describe('parseItem focal point', () => {
  it('reads the focal point where a Project Item carries it: image.focalPoint, beside imageInfo', () => {
    expect(parseItem(imageItem({ imageInfo: info, focalPoint: { x: 0.25, y: 0.75 } }))?.image?.focalPoint).toEqual({ x: 0.25, y: 0.75 });
  });

  it('takes percentages as well as fractions', () => {
    expect(parseItem(imageItem({ imageInfo: info, focalPoint: { x: 25, y: 80 } }))?.image?.focalPoint).toEqual({ x: 0.25, y: 0.8 });
  });

  it('ignores a focal point inside imageInfo, where Wix does not put it, and a malformed one', () => {
    expect(parseItem(imageItem({ imageInfo: { ...info, focalPoint: { x: 0.1, y: 0.1 } } }))?.image?.focalPoint).toBeUndefined();
    expect(parseItem(imageItem({ imageInfo: info, focalPoint: { x: 'left' } }))?.image?.focalPoint).toBeUndefined();
  });
});

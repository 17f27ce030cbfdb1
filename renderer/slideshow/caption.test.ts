import { describe, expect, it } from 'vitest';
import { captionFor } from './caption';

const item = (title: string, description: string) => ({ title, description });

describe('captionFor', () => {
  it('says nothing when captions are off, or there is nothing to say', () => {
    expect(captionFor(item('Lake', 'At dawn'), 'none')).toBeNull();
    expect(captionFor(item(' ', ''), 'title-description')).toBeNull();
    expect(captionFor(item('', 'At dawn'), 'title')).toBeNull();
    expect(captionFor(undefined, 'title')).toBeNull();
  });

  it('shows the title, or the title and the description', () => {
    expect(captionFor(item('Lake', 'At dawn'), 'title')).toEqual({ title: 'Lake' });
    expect(captionFor(item('Lake ', ' At dawn'), 'title-description')).toEqual({ title: 'Lake', description: 'At dawn' });
    expect(captionFor(item('Lake', ''), 'title-description')).toEqual({ title: 'Lake' });
  });

  it('shows a description without a title on its own', () => {
    expect(captionFor(item('', 'At dawn'), 'title-description')).toEqual({ title: 'At dawn' });
  });
});

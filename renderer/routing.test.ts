import { describe, expect, it } from 'vitest';
import { routeOf } from './routing';

describe('routeOf', () => {
  it('shows the slideshow by default', () => {
    expect(routeOf('/', '')).toEqual({ page: 'slideshow' });
    expect(routeOf('/opt/Frame/dist/renderer/index.html', '')).toEqual({ page: 'slideshow' });
    expect(routeOf('/', '#/')).toEqual({ page: 'slideshow' });
  });

  it('opens settings at /settings in the web shell', () => {
    expect(routeOf('/settings', '')).toEqual({ page: 'settings', backHref: '/' });
    expect(routeOf('/frame/settings/', '')).toEqual({ page: 'settings', backHref: '/frame/' });
  });

  it('opens settings at #/settings in Electron', () => {
    expect(routeOf('/opt/Frame/dist/renderer/index.html', '#/settings')).toEqual({ page: 'settings', backHref: '#/' });
  });

  it('does not mistake look-alikes for settings', () => {
    expect(routeOf('/settingsx', '')).toEqual({ page: 'slideshow' });
    expect(routeOf('/', '#/settings-old')).toEqual({ page: 'slideshow' });
  });
});

import { describe, expect, it } from 'vitest';
import { routeOf, settingsHref } from './routing';

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

describe('settingsHref', () => {
  it('routes by hash when the page is a file (Electron)', () => {
    expect(settingsHref('file:', '/opt/Frame/resources/app/dist/renderer/index.html')).toBe('#/settings');
  });

  it('routes by path on the web shell, also below a prefix', () => {
    expect(settingsHref('http:', '/')).toBe('/settings');
    expect(settingsHref('http:', '/frame/')).toBe('/frame/settings');
    expect(settingsHref('https:', '/frame')).toBe('/frame/settings');
  });

  it('comes back to where it came from', () => {
    for (const pathname of ['/', '/frame/']) {
      const href = settingsHref('http:', pathname);
      expect(routeOf(href, '')).toEqual({ page: 'settings', backHref: pathname });
    }
  });
});

import { describe, expect, it } from 'vitest';
import { APP_INDEX_URL, isAppUrl } from './app-url';

const INDEX = APP_INDEX_URL;

describe('isAppUrl', () => {
  it('accepts the index document with any query or hash', () => {
    expect(INDEX).toBe('frame-app://app/index.html');
    expect(isAppUrl(INDEX, INDEX)).toBe(true);
    expect(isAppUrl(`${INDEX}#/settings`, INDEX)).toBe(true);
    expect(isAppUrl(`${INDEX}?view=settings`, INDEX)).toBe(true);
  });

  it('refuses other files, other schemes, other hosts and garbage', () => {
    expect(isAppUrl('frame-app://app/other.html', INDEX)).toBe(false);
    expect(isAppUrl('file:///opt/Frame/resources/app.asar/dist/renderer/index.html', INDEX)).toBe(false);
    expect(isAppUrl('https://evil.example/index.html', INDEX)).toBe(false);
    expect(isAppUrl('frame-app://evil/index.html', INDEX)).toBe(false);
    expect(isAppUrl('frame-media://media/index.html', INDEX)).toBe(false);
    expect(isAppUrl('', INDEX)).toBe(false);
    expect(isAppUrl('not a url', INDEX)).toBe(false);
  });

  it('is not fooled by path tricks', () => {
    expect(isAppUrl('frame-app://app/x/../index.html', INDEX)).toBe(true);
    expect(isAppUrl('frame-app://app/index.html/../../../../etc/passwd', INDEX)).toBe(false);
  });
});

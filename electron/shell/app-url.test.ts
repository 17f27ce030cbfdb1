import { describe, expect, it } from 'vitest';
import { appIndexUrl, isAppUrl } from './app-url';

const INDEX = appIndexUrl('/opt/Frame/resources/app.asar/dist/renderer/index.html');

describe('isAppUrl', () => {
  it('accepts the index document with any query or hash', () => {
    expect(INDEX).toBe('file:///opt/Frame/resources/app.asar/dist/renderer/index.html');
    expect(isAppUrl(INDEX, INDEX)).toBe(true);
    expect(isAppUrl(`${INDEX}#/settings`, INDEX)).toBe(true);
    expect(isAppUrl(`${INDEX}?view=settings`, INDEX)).toBe(true);
  });

  it('refuses other files, other schemes and garbage', () => {
    expect(isAppUrl('file:///etc/passwd', INDEX)).toBe(false);
    expect(isAppUrl('file:///opt/Frame/resources/app.asar/dist/renderer/other.html', INDEX)).toBe(false);
    expect(isAppUrl('https://evil.example/opt/Frame/resources/app.asar/dist/renderer/index.html', INDEX)).toBe(false);
    expect(isAppUrl('file://evil-host/opt/Frame/resources/app.asar/dist/renderer/index.html', INDEX)).toBe(false);
    expect(isAppUrl('', INDEX)).toBe(false);
    expect(isAppUrl('not a url', INDEX)).toBe(false);
  });

  it('is not fooled by path tricks', () => {
    expect(isAppUrl('file:///opt/Frame/resources/app.asar/dist/renderer/x/../index.html', INDEX)).toBe(true);
    expect(isAppUrl('file:///opt/Frame/resources/app.asar/dist/renderer/index.html/../../../../etc/passwd', INDEX)).toBe(false);
  });
});

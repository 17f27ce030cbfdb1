import { describe, expect, it } from 'vitest';
import { applySettingsPatch, DEFAULT_SETTINGS, readStoredSettings, toPublicSettings } from './settings';

describe('settings schema', () => {
  it('has defaults matching the runtime contract', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({ slideSeconds: 15, pollSeconds: 300, transition: 'crossfade', order: 'sorted', fit: 'fit', captions: 'none', authMode: 'none' });
  });

  it('accepts a valid patch and trims text', () => {
    const result = applySettingsPatch(DEFAULT_SETTINGS, { authMode: 'apiKey', apiKey: ' key ', siteId: '123e4567-e89b-12d3-a456-426614174000', slideSeconds: 8 });
    expect(result).toMatchObject({ ok: true, value: { apiKey: 'key', slideSeconds: 8 } });
  });

  it('refuses field by field with what is expected, and changes nothing', () => {
    const result = applySettingsPatch(DEFAULT_SETTINGS, { slideSeconds: 0, transition: 'spin', projectId: 'holiday', fit: 'fit', webhookPublicKey: 'abc' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      slideSeconds: 'Seconds per photo must be a number of seconds from 2 to 3600.',
      transition: 'Transition must be one of: crossfade, none.',
      projectId: 'Project ID must be a project ID, a GUID like 123e4567-e89b-12d3-a456-426614174000.',
      webhookPublicKey: 'Webhook public key must be a PEM public key starting with -----BEGIN PUBLIC KEY-----.',
    });
  });

  it('asks for the fields a sign-in method needs', () => {
    const result = applySettingsPatch(DEFAULT_SETTINGS, { authMode: 'oauth', clientId: 'c' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(['clientSecret', 'instanceId']);
  });

  it('refuses what is not an object', () => {
    expect(applySettingsPatch(DEFAULT_SETTINGS, 'x').ok).toBe(false);
    expect(applySettingsPatch(DEFAULT_SETTINGS, null).ok).toBe(false);
  });

  it('reads stored settings forgivingly: bad fields back to defaults and named', () => {
    const { settings, invalid } = readStoredSettings({ slideSeconds: 'soon', order: 'shuffle', unknown: 1 });
    expect(settings.slideSeconds).toBe(15);
    expect(settings.order).toBe('shuffle');
    expect(invalid).toEqual(['slideSeconds']);
  });

  it('the public view never carries secrets', () => {
    const view = toPublicSettings({ ...DEFAULT_SETTINGS, apiKey: 'SECRET-KEY', clientSecret: 'SECRET-2' }, []);
    expect(JSON.stringify(view)).not.toMatch(/SECRET/);
    expect(view).toMatchObject({ apiKeySet: true, clientSecretSet: true });
  });
});

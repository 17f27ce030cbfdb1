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
      slideSeconds: 'Seconds per photo must be a number of seconds from 1 to 3600.',
      transition: 'Transition must be one of: crossfade, slide, zoom-fade, none.',
      projectId: 'Project ID must be a GUID like 123e4567-e89b-12d3-a456-426614174000, as in the project’s address in the Wix dashboard.',
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

  it('reads stored settings forgivingly: bad fields back to defaults and named with why', () => {
    const { settings, invalid } = readStoredSettings({ slideSeconds: [1, 2, 3], captions: null, order: 'shuffle', unknown: 1 });
    expect(settings.slideSeconds).toBe(15);
    expect(settings.captions).toBe('none');
    expect(settings.order).toBe('shuffle');
    expect(invalid).toEqual([
      { field: 'slideSeconds', problem: 'Seconds per photo must be a number of seconds from 1 to 3600. The saved value [1,2,3] was set aside.' },
      { field: 'captions', problem: 'Captions must be one of: none, title, title-description. The saved value null was set aside.' },
    ]);
  });

  it('takes own setting keys only: built-in object keys are neither saved nor an error', () => {
    const patch = JSON.parse('{"__proto__": {"slideSeconds": 4}, "hasOwnProperty": 1, "__lookupGetter__": 2, "constructor": 3, "slideSeconds": 6}');
    const result = applySettingsPatch(DEFAULT_SETTINGS, patch);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.keys(result.value).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
    expect(result.value.slideSeconds).toBe(6);
    expect(Object.getPrototypeOf(result.value)).toBe(Object.prototype);
    expect(readStoredSettings(patch).settings).not.toHaveProperty('hasOwnProperty', 1);
  });

  it('maps screen commands saved by older versions to a named method, or drops them with a note', () => {
    const mapped = readStoredSettings({ screenOffCommand: "wlopm --off '*'", screenOnCommand: "wlopm --on '*'" });
    expect(mapped.settings.screenPower).toBe('wlopm');
    expect(mapped.notes[0]).toMatch(/now the named method "wlopm"/);
    expect(readStoredSettings({ screenOffCommand: 'vcgencmd display_power 0' }).settings.screenPower).toBe('vcgencmd');
    expect(readStoredSettings({ screenOffCommand: 'echo 1 > /sys/class/backlight/rpi_backlight/bl_power' }).settings.screenPower).toBe('backlight');
    const dropped = readStoredSettings({ screenOffCommand: 'id > /tmp/x', screenPower: undefined });
    expect(dropped.settings.screenPower).toBe('wlopm');
    const custom = readStoredSettings({ screenOffCommand: 'id > /tmp/x' });
    expect(custom.notes[0]).toMatch(/was dropped: screen commands are no longer free text/);
    expect(JSON.stringify(custom.settings)).not.toContain('/tmp/x');
  });

  it('has the new show settings with calm defaults', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({ pairPortraits: true, kenBurns: false, clock: 'off', screenPower: 'wlopm' });
    expect(applySettingsPatch(DEFAULT_SETTINGS, { transition: 'zoom-fade', clock: 'time', kenBurns: true })).toMatchObject({ ok: true, value: { transition: 'zoom-fade', clock: 'time', kenBurns: true } });
    expect(applySettingsPatch(DEFAULT_SETTINGS, { screenPower: "wlopm --off '*'" }).ok).toBe(false);
  });

  it('the public view never carries secrets', () => {
    const view = toPublicSettings({ ...DEFAULT_SETTINGS, apiKey: 'SECRET-KEY', clientSecret: 'SECRET-2' }, []);
    expect(JSON.stringify(view)).not.toMatch(/SECRET/);
    expect(view).toMatchObject({ apiKeySet: true, clientSecretSet: true });
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, toPublicSettings, type PublicSettings, type Settings } from '../../shared/settings';
import { formFromSettings, hasSavedConnection, isConnectionChanged, parseNumber, patchFromForm } from './form-state';

const saved = (changes: Partial<Settings> = {}, locked: (keyof Settings)[] = []): PublicSettings => toPublicSettings({ ...DEFAULT_SETTINGS, ...changes }, locked);

describe('settings form', () => {
  it('never holds a saved secret', () => {
    const form = formFromSettings(saved({ authMode: 'apiKey', apiKey: 'secret-key', siteId: 's', clientSecret: 'other' }));
    expect(form.apiKey).toBe('');
    expect(form.clientSecret).toBe('');
    expect(form.siteId).toBe('s');
  });

  it('sends nothing when nothing changed', () => {
    const s = saved({ authMode: 'apiKey', apiKey: 'k', siteId: 'x', scheduleEnabled: true });
    expect(patchFromForm(formFromSettings(s), s)).toEqual({});
  });

  it('sends only what changed, numbers as numbers', () => {
    const s = saved();
    const form = { ...formFromSettings(s), slideSeconds: ' 20 ', transition: 'none' as const, pollSeconds: '300' };
    expect(patchFromForm(form, s)).toEqual({ slideSeconds: 20, transition: 'none' });
  });

  it('leaves a number it cannot read for the schema to name', () => {
    expect(parseNumber('12.5')).toBe(12.5);
    expect(parseNumber('soon')).toBe('soon');
    expect(parseNumber('')).toBe('');
    const s = saved();
    expect(patchFromForm({ ...formFromSettings(s), slideSeconds: 'ten' }, s)).toEqual({ slideSeconds: 'ten' });
  });

  it('sends a secret only when one was typed', () => {
    const s = saved({ authMode: 'apiKey', apiKey: 'old', siteId: 'site' });
    expect(patchFromForm({ ...formFromSettings(s), apiKey: 'new-key' }, s)).toEqual({ apiKey: 'new-key' });
    expect(patchFromForm({ ...formFromSettings(s), apiKey: '' }, s)).toEqual({});
  });

  it('never sends a field the environment fixes', () => {
    const s = saved({ authMode: 'apiKey', apiKey: 'env', siteId: 'env-site', slideSeconds: 30 }, ['authMode', 'apiKey', 'siteId', 'slideSeconds']);
    const form = { ...formFromSettings(s), authMode: 'oauth' as const, apiKey: 'typed', siteId: 'other', slideSeconds: '5', fit: 'fill' as const };
    expect(patchFromForm(form, s)).toEqual({ fit: 'fill' });
  });

  it('sends the whole week when one day changed', () => {
    const s = saved();
    const form = formFromSettings(s);
    form.weekSchedule[3] = { ...form.weekSchedule[3]!, off: '23:00' };
    const patch = patchFromForm(form, s);
    expect(patch.weekSchedule).toHaveLength(7);
    expect(patch.weekSchedule?.[3]).toEqual({ enabled: true, on: '07:00', off: '23:00' });
    expect(s.weekSchedule[3]!.off).toBe('22:30'); // the saved copy is untouched
  });

  it('tells connection changes apart', () => {
    expect(isConnectionChanged({ apiKey: 'k' })).toBe(true);
    expect(isConnectionChanged({ authMode: 'oauth' })).toBe(true);
    expect(isConnectionChanged({ slideSeconds: 3, projectId: 'p' })).toBe(false);
  });

  it('knows when the saved settings can reach Wix', () => {
    expect(hasSavedConnection(saved())).toBe(false);
    expect(hasSavedConnection(saved({ authMode: 'apiKey', apiKey: 'k', siteId: 's' }))).toBe(true);
    expect(hasSavedConnection(saved({ authMode: 'apiKey', apiKey: '', siteId: 's' }))).toBe(false);
    expect(hasSavedConnection(saved({ authMode: 'oauth', clientId: 'c', clientSecret: 'x', instanceId: 'i' }))).toBe(true);
    expect(hasSavedConnection(saved({ authMode: 'oauth', clientId: 'c', clientSecret: '', instanceId: 'i' }))).toBe(false);
  });
});

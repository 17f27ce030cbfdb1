import { describe, expect, it } from 'vitest';
import { autostartMethodFrom, isPlainObject, MAX_PROJECT_QUERY, projectQueryFrom, settingsPatchFrom } from './ipc-payloads';

describe('IPC payload shapes', () => {
  it('takes plain objects, with or without a prototype, as settings', () => {
    expect(isPlainObject({})).toBe(true);
    expect(isPlainObject(Object.create(null))).toBe(true);
    for (const value of [null, undefined, [], 'x', 1, true, new Date(0), new Map(), new Uint8Array(2)]) expect(isPlainObject(value)).toBe(false);
  });

  it('keeps only known settings fields, values untouched for the schema to judge', () => {
    expect(settingsPatchFrom({ slideSeconds: 'soon', captions: 'title', unknown: 1 })).toEqual({ slideSeconds: 'soon', captions: 'title' });
    expect(settingsPatchFrom({})).toEqual({});
    expect(settingsPatchFrom([])).toBeNull();
  });

  it('does not pick up inherited fields', () => {
    const inherited = Object.create({ apiKey: 'from-prototype' }) as Record<string, unknown>;
    expect(settingsPatchFrom(inherited)).toBeNull();
    const own = Object.assign(Object.create(null) as Record<string, unknown>, { apiKey: 'own' });
    expect(settingsPatchFrom(own)).toEqual({ apiKey: 'own' });
  });

  it('takes a project query of up to 200 characters', () => {
    expect(projectQueryFrom('')).toBe('');
    expect(projectQueryFrom('a'.repeat(MAX_PROJECT_QUERY))).toHaveLength(200);
    expect(projectQueryFrom('a'.repeat(MAX_PROJECT_QUERY + 1))).toBeNull();
    expect(projectQueryFrom(['a'])).toBeNull();
  });

  it('knows the two autostart methods', () => {
    expect(autostartMethodFrom('xdg')).toBe('xdg');
    expect(autostartMethodFrom('systemd')).toBe('systemd');
    expect(autostartMethodFrom('SYSTEMD')).toBeNull();
    expect(autostartMethodFrom(undefined)).toBeNull();
  });
});

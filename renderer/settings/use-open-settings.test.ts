import { describe, expect, it } from 'vitest';
import { isSettingsKey } from './use-open-settings';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; repeat: boolean }> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, repeat: false, ...mods });

describe('the keys that open the settings (as the README lists them)', () => {
  it('are F2, Ctrl+, and Cmd+, as in the kiosk, and S or "," alone', () => {
    for (const k of [key('F2'), key(',', { ctrlKey: true }), key(',', { metaKey: true }), key('s'), key('S'), key(',')]) expect(isSettingsKey(k), JSON.stringify(k)).toBe(true);
  });

  it('are not Ctrl+S (saving a page), Alt combinations, repeats or the show’s keys', () => {
    for (const k of [key('s', { ctrlKey: true }), key(',', { altKey: true }), key('F2', { repeat: true }), key('ArrowRight'), key(' ')]) expect(isSettingsKey(k), JSON.stringify(k)).toBe(false);
  });
});

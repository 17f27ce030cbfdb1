import { describe, expect, it } from 'vitest';
import { SETTING_LABELS, isGuidText } from './setting-labels';
import { isGuid, LABELS, SETTING_FIELDS } from './settings';

describe('setting labels for the renderer', () => {
  it('are the schema’s labels, field for field', () => {
    expect(Object.keys(SETTING_LABELS).sort()).toEqual([...SETTING_FIELDS].sort());
    for (const field of SETTING_FIELDS) expect(SETTING_LABELS[field]).toBe(LABELS[field]);
  });

  it('check GUIDs as the schema does', () => {
    for (const text of ['123e4567-e89b-12d3-a456-426614174000', ' 123E4567-E89B-12D3-A456-426614174000 ', 'nope', '']) expect(isGuidText(text)).toBe(isGuid(text));
  });
});

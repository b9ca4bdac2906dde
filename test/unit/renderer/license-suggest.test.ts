import { describe, expect, it } from 'vitest';
import { applySuggestion, fixCase, suggestLicenses } from '../../../renderer/src/features/review/license-suggest';

describe('license id autocompletion', () => {
  it('corrects the case of known ids and operators, leaving LicenseRefs alone', () => {
    expect(fixCase('(mit or apache-2.0) and gpl-2.0-only with classpath-exception-2.0')).toBe('(MIT OR Apache-2.0) AND GPL-2.0-only WITH Classpath-exception-2.0');
    expect(fixCase('gpl-2.0+ OR LicenseRef-acme-eula')).toBe('GPL-2.0+ OR LicenseRef-acme-eula');
    expect(fixCase('not-a-license')).toBe('not-a-license');
  });

  it('offers SPDX ids that start with the word first, then ids containing it', () => {
    const { items } = suggestLicenses('apache', 6, 20);
    expect(items.slice(0, 3)).toEqual(['Apache-1.0', 'Apache-1.1', 'Apache-2.0']);
    const gpl = suggestLicenses('MIT OR gpl-3').items;
    expect(gpl).toContain('GPL-3.0-only');
    expect(gpl).toContain('GPL-3.0-or-later');
    expect(gpl.indexOf('GPL-3.0-only')).toBeLessThan(gpl.findIndex((id) => id.startsWith('AGPL') || id.startsWith('LGPL')) >>> 0);
  });

  it('offers exception ids after WITH', () => {
    const { items } = suggestLicenses('GPL-2.0-only WITH Class');
    expect(items).toContain('Classpath-exception-2.0');
    expect(items.every((id) => id.includes('exception') || id.includes('Exception') || /class/i.test(id))).toBe(true);
  });

  it('completes the word under the caret, not the last one', () => {
    const text = 'mi OR Apache-2.0';
    const s = suggestLicenses(text, 2);
    expect(s.items[0]).toBe('MIT');
    expect(applySuggestion(text, s, 'MIT')).toEqual({ text: 'MIT OR Apache-2.0', caret: 4 });
  });

  it('offers operators after a complete id, and nothing for an empty word', () => {
    expect(suggestLicenses('MIT ').items).toEqual([]);
    expect(suggestLicenses('MIT o').items[0]).toBe('OR');
    expect(suggestLicenses('MIT OR').items).toEqual([]);
    expect(suggestLicenses('MIT').items[0]).toBe('MIT');
    expect(suggestLicenses('mit').items[0]).toBe('MIT');
  });
});

import { describe, expect, it } from 'vitest';
import { detectCopyrights } from '../../../../electron/main/engine/2-detect/copyrights/index.js';
import { spdxText } from '../../../helpers/license-texts.js';

describe('copyright statements vs enumerated clauses', () => {
  it('does not take the "(c)" item of a license clause list for a copyright (Apache-2.0 section 4)', () => {
    const found = detectCopyrights(spdxText('Apache-2.0'));
    expect(found.map((f) => f.text.trim())).not.toContainEqual(expect.stringMatching(/^\(c\) You must retain/));
  });

  it('still finds "(c)" statements with a holder and a year, and a bare "(c) Holder" line', () => {
    const text = '/*\n * (c) 2019 Example Corp\n * (c) Jane Doe\n */\n';
    expect(detectCopyrights(text).map((f) => f.holders)).toEqual([['Example Corp'], ['Jane Doe']]);
  });
});

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shippedCategories } from '../../../../electron/main/engine/4-evaluate/license-categories.js';

const requireFromHere = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '../../../..');

describe('shipped license categories', () => {
  it('are exactly what the generator derives from the installed npm data (regenerate when those packages change)', async () => {
    const generator = (await import(path.join(root, 'resources/policies/generate-license-categories.mjs'))) as { buildCategories(): unknown };
    const shipped = JSON.parse(readFileSync(path.join(root, 'resources/policies/license-categories.json'), 'utf8')) as unknown;
    expect(shipped).toEqual(generator.buildCategories());
  });

  it('cover every SPDX license id, current and deprecated', () => {
    const ids = [...(requireFromHere('spdx-license-ids') as string[]), ...(requireFromHere('spdx-license-ids/deprecated.json') as string[])];
    const table = shippedCategories().licenses;
    expect(ids.filter((id) => !(id in table))).toEqual([]);
  });

  it('agree with Blue Oak (permissive) and spdx-copyleft on every id those lists name', () => {
    const table = shippedCategories().licenses;
    const blueOak = (requireFromHere('@blueoak/list') as { licenses: { id: string }[] }[]).flatMap((r) => r.licenses.map((l) => l.id));
    expect(blueOak.filter((id) => table[id]!.category !== 'permissive' && table[id]!.category !== 'public-domain')).toEqual([]);
    const copyleft = requireFromHere('spdx-copyleft') as string[];
    expect(copyleft.filter((id) => !/copyleft|non-commercial/.test(table[id]!.category))).toEqual([]);
  });

  it('put the well-known families where an OSPO expects them', () => {
    const table = shippedCategories().licenses;
    const expected: Record<string, string> = {
      MIT: 'permissive',
      'Apache-2.0': 'permissive',
      'BSD-3-Clause': 'permissive',
      'CC0-1.0': 'public-domain',
      Unlicense: 'public-domain',
      'LGPL-2.1-or-later': 'weak-copyleft',
      'MPL-2.0': 'weak-copyleft',
      'EPL-2.0': 'weak-copyleft',
      'CDDL-1.1': 'weak-copyleft',
      'GPL-2.0-only': 'strong-copyleft',
      'GPL-3.0-or-later': 'strong-copyleft',
      'EUPL-1.2': 'strong-copyleft',
      'AGPL-3.0-only': 'network-copyleft',
      'SSPL-1.0': 'network-copyleft',
      'CC-BY-NC-4.0': 'non-commercial-or-proprietary',
      'BUSL-1.1': 'non-commercial-or-proprietary',
      'GPL-2.0-with-classpath-exception': 'weak-copyleft',
    };
    expect(Object.fromEntries(Object.keys(expected).map((id) => [id, table[id]!.category]))).toEqual(expected);
  });
});

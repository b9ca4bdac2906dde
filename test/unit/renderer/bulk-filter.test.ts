import { describe, expect, it } from 'vitest';
import { compileBulkFilter, defaultBulkFilter, type BulkCandidate } from '../../../renderer/src/features/review/bulk-filter';

function candidate(id: number, declared: string | null, detected: string[], problems = 0, status: BulkCandidate['status'] = 'undecided'): BulkCandidate {
  return { component: { id, declared: { verbatim: declared, expression: declared, normalised: false }, detected }, status, problems };
}

describe('the bulk filter', () => {
  const pool = [
    candidate(1, 'MIT', ['MIT']),
    candidate(2, 'MIT', ['MIT', 'GPL-3.0-only']),
    candidate(3, 'MIT', []),
    candidate(4, 'MIT', ['MIT'], 1),
    candidate(5, 'ISC', ['ISC']),
    candidate(6, 'MIT', ['MIT'], 0, 'decided'),
    candidate(7, null, ['MIT']),
    candidate(8, 'Apache-2.0 OR MIT', ['Apache-2.0', 'MIT']),
  ];
  const pick = (filter: Parameters<typeof compileBulkFilter>[0]) => {
    const compiled = compileBulkFilter(filter);
    if (!compiled.ok) throw new Error(compiled.error);
    return pool.filter(compiled.test).map((c) => c.component.id);
  };

  it('"declared and detected both MIT, no other finding, undecided" picks only the clean component', () => {
    expect(pick(defaultBulkFilter)).toEqual([1]);
  });

  it('each condition can be relaxed', () => {
    expect(pick({ ...defaultBulkFilter, onlyUndecided: false })).toEqual([1, 6]);
    expect(pick({ ...defaultBulkFilter, noOtherFindings: false })).toEqual([1, 4]);
    expect(pick({ ...defaultBulkFilter, detectedSame: false })).toEqual([1, 3]);
    expect(pick({ license: 'MIT', detectedSame: false, noOtherFindings: false, onlyUndecided: false })).toEqual([1, 2, 3, 4, 6]);
  });

  it('compares expressions after normalising them', () => {
    expect(pick({ ...defaultBulkFilter, license: '(mit OR apache-2.0)' })).toEqual([]);
    expect(pick({ ...defaultBulkFilter, license: 'mit' })).toEqual([1]);
    expect(pick({ ...defaultBulkFilter, license: 'Apache-2.0 OR MIT' })).toEqual([8]);
  });

  it('reports an invalid license expression', () => {
    const compiled = compileBulkFilter({ ...defaultBulkFilter, license: 'MIT AND' });
    expect(compiled.ok).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { componentSubject, draftProblems, emptyDraft, recordParams } from '../../../renderer/src/features/review/decision-draft';

const today = '2026-03-01';

describe('the decision draft', () => {
  it('needs a state, and a rationale for every state but approved', () => {
    expect(draftProblems(emptyDraft, today).state).toBeDefined();
    expect(draftProblems({ ...emptyDraft, state: 'approved' }, today)).toEqual({});
    for (const state of ['approved-with-conditions', 'rejected', 'needs-legal-review', 'not-applicable'] as const) {
      expect(draftProblems({ ...emptyDraft, state }, today).rationale, state).toMatch(/rationale is required/);
      expect(draftProblems({ ...emptyDraft, state, rationale: 'vendored, not shipped' }, today), state).toEqual({});
    }
  });

  it('checks the concluded license as an SPDX expression', () => {
    expect(draftProblems({ ...emptyDraft, state: 'approved', concludedLicense: 'MIT OR Apache-2.0' }, today)).toEqual({});
    expect(draftProblems({ ...emptyDraft, state: 'approved', concludedLicense: 'MIT OR' }, today).concludedLicense).toMatch(/invalid SPDX expression/);
    expect(draftProblems({ ...emptyDraft, state: 'approved', concludedLicense: 'GPL-2.0-only WITH Classpath-exception-2.0' }, today)).toEqual({});
  });

  it('requires a future expiry date for an exception', () => {
    const exception = { ...emptyDraft, state: 'exception' as const, rationale: 'until the vendor relicenses' };
    expect(draftProblems(exception, today).expiresAt).toMatch(/needs an expiry date/);
    expect(draftProblems({ ...exception, expiresAt: '2026-02-28' }, today).expiresAt).toMatch(/already passed/);
    expect(draftProblems({ ...exception, expiresAt: '2026-03-01' }, today)).toEqual({});
    expect(draftProblems({ ...exception, expiresAt: '01/03/2027' }, today).expiresAt).toMatch(/YYYY-MM-DD/);
  });

  it('maps the scope to the decision subject', () => {
    const component = { id: 4, key: 'pkg:npm/lodash@4.17.21', purl: 'pkg:npm/lodash@4.17.21' };
    expect(componentSubject(component, 'version', '')).toEqual({ type: 'component', componentId: 4 });
    expect(componentSubject(component, 'range', ' ^4.0.0 ')).toEqual({ type: 'component-range', componentId: 4, range: '^4.0.0' });
    expect(componentSubject(component, 'workspace', '')).toEqual({ type: 'component', purl: 'pkg:npm/lodash@4.17.21' });
    expect(componentSubject({ ...component, purl: null, key: 'generic:app' }, 'workspace', '')).toEqual({ type: 'component', key: 'generic:app' });
    expect(draftProblems({ ...emptyDraft, state: 'approved', scope: 'range' }, today).range).toBeDefined();
    expect(componentSubject({ ...component, projectId: 9 }, 'path', '', ' test/** ')).toEqual({ type: 'path', pattern: 'test/**', projectId: 9 });
    expect(() => componentSubject(component, 'path', '', 'test/**')).toThrow(/needs the project/);
    expect(draftProblems({ ...emptyDraft, state: 'approved', scope: 'path' }, today).pattern).toMatch(/path pattern/);
  });

  it('normalises the license and trims the rationale in the recorded params', () => {
    const params = recordParams({ ...emptyDraft, state: 'rejected', concludedLicense: '(mit  OR Apache-2.0)', rationale: '  copyleft in a binary  ' }, { type: 'component', componentId: 1 });
    expect(params).toMatchObject({ state: 'rejected', concludedLicense: 'MIT OR Apache-2.0', rationale: 'copyleft in a binary', expiresAt: null });
  });
});

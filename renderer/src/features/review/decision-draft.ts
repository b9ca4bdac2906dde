import type { ApiParams } from '../../../../shared/api/contract';
import type { DecisionSubjectParams } from '../../../../shared/api/review-contract';
import type { DecisionState } from '../../../../shared/model/decision';
import type { Obligation } from '../../../../shared/model/policy';
import { parseExpression } from '../../../../shared/spdx/expression';
import { fixCase } from './license-suggest';

export const stateLabels: Record<DecisionState, string> = {
  approved: 'Approved',
  'approved-with-conditions': 'Approved with conditions',
  rejected: 'Rejected',
  'needs-legal-review': 'Needs legal review',
  exception: 'Exception',
  'not-applicable': 'Not applicable',
};

/** Every state but `approved` needs a rationale (docs/decisions.md). */
export function needsRationale(state: DecisionState): boolean {
  return state !== 'approved';
}

export type DecisionScope = 'version' | 'range' | 'workspace' | 'path';

/** What the decision form holds while the reviewer edits it. */
export interface DecisionDraft {
  state: DecisionState | null;
  concludedLicense: string;
  rationale: string;
  obligations: Obligation[];
  expiresAt: string;
  scope: DecisionScope;
  range: string;
  /** For scope 'path': a glob over paths in the project (e.g. test/**), covering the findings of matching files. */
  pattern: string;
}

export const emptyDraft: DecisionDraft = { state: null, concludedLicense: '', rationale: '', obligations: [], expiresAt: '', scope: 'version', range: '', pattern: '' };

export type DraftField = 'state' | 'concludedLicense' | 'rationale' | 'expiresAt' | 'range' | 'pattern';

/** The concluded license as typed: null when empty, else the parse result (normalised or an error). */
export function checkLicense(text: string): { ok: true; normalized: string | null } | { ok: false; error: string } {
  if (text.trim() === '') return { ok: true, normalized: null };
  const parsed = parseExpression(fixCase(text));
  return parsed.ok ? { ok: true, normalized: parsed.normalized } : { ok: false, error: parsed.error };
}

/** Problems per field, checked as the reviewer types; the same rules the service enforces. `today` is YYYY-MM-DD. */
export function draftProblems(draft: DecisionDraft, today: string): Partial<Record<DraftField, string>> {
  const problems: Partial<Record<DraftField, string>> = {};
  if (!draft.state) problems.state = 'Choose a state.';
  const license = checkLicense(draft.concludedLicense);
  if (!license.ok) problems.concludedLicense = license.error;
  if (draft.state && needsRationale(draft.state) && draft.rationale.trim() === '') {
    problems.rationale = `A rationale is required for "${stateLabels[draft.state]}".`;
  }
  if (draft.expiresAt) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.expiresAt) || Number.isNaN(Date.parse(`${draft.expiresAt}T00:00:00Z`))) problems.expiresAt = 'Expected a date (YYYY-MM-DD).';
    else if (draft.expiresAt < today) problems.expiresAt = `The date ${draft.expiresAt} has already passed.`;
  } else if (draft.state === 'exception') {
    problems.expiresAt = 'An exception needs an expiry date.';
  }
  if (draft.scope === 'range' && draft.range.trim() === '') problems.range = 'Give a version range, e.g. ^4.0.0.';
  if (draft.scope === 'path' && draft.pattern.trim() === '') problems.pattern = 'Give a path pattern, e.g. test/**.';
  return problems;
}

export interface ComponentRef {
  id: number;
  key: string;
  purl: string | null;
  /** For path-pattern decisions, which are made within one project. */
  projectId?: number;
}

/**
 * The subject the chosen scope stands for: this version in this project, a version range, every project, or the
 * files matching a path pattern in this project.
 */
export function componentSubject(component: ComponentRef, scope: DecisionScope, range: string, pattern = ''): DecisionSubjectParams {
  if (scope === 'path') {
    if (component.projectId === undefined) throw new Error('a path-pattern decision needs the project');
    return { type: 'path', pattern: pattern.trim(), projectId: component.projectId };
  }
  if (scope === 'range') return { type: 'component-range', componentId: component.id, range: range.trim() };
  if (scope === 'workspace') return component.purl ? { type: 'component', purl: component.purl } : { type: 'component', key: component.key };
  return { type: 'component', componentId: component.id };
}

/** The decisions.record params for a valid draft (check draftProblems first). */
export function recordParams(draft: DecisionDraft, subject: DecisionSubjectParams): ApiParams<'decisions.record'> {
  if (!draft.state) throw new Error('the draft has no state');
  const license = checkLicense(draft.concludedLicense);
  return {
    subject,
    state: draft.state,
    concludedLicense: license.ok ? license.normalized : null,
    rationale: draft.rationale.trim() || null,
    obligations: draft.obligations,
    expiresAt: draft.expiresAt || null,
  };
}

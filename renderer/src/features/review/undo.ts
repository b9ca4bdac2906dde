import type { ApiParams } from '../../../../shared/api/contract';
import type { DecisionSubjectParams } from '../../../../shared/api/review-contract';
import type { Decision } from '../../../../shared/model/decision';
import { stateLabels } from './decision-draft';

/** A decision recorded from triage, kept so that it can be undone. */
export interface UndoEntry {
  label: string;
  subject: DecisionSubjectParams;
  recorded: Pick<Decision, 'uid' | 'state' | 'supersedesUid' | 'subjectKey'>;
}

export type UndoPlan = { kind: 'restore'; params: ApiParams<'decisions.record'>; restores: Decision } | { kind: 'impossible'; reason: string };

/**
 * The trail is append-only, so undo records a new decision that supersedes the one being undone and restores the
 * decision it had replaced (state, license, rationale, obligations, expiry). A first decision on a subject has
 * nothing to restore: "undecided" is not a state a decision can record.
 */
export function undoPlan(entry: UndoEntry, history: readonly Decision[]): UndoPlan {
  const { recorded } = entry;
  if (!recorded.supersedesUid) {
    return {
      kind: 'impossible',
      reason: `${entry.label} had no decision before "${stateLabels[recorded.state]}", and the trail cannot forget one. Record another decision to replace it (r, l or n).`,
    };
  }
  const previous = history.find((d) => d.uid === recorded.supersedesUid);
  if (!previous) return { kind: 'impossible', reason: `the decision ${recorded.supersedesUid} that ${recorded.uid} replaced is not in the trail` };
  const note = `Undo of ${recorded.uid}: restores ${previous.uid}.`;
  return {
    kind: 'restore',
    restores: previous,
    params: {
      subject: entry.subject,
      supersedesUid: recorded.uid,
      state: previous.state,
      concludedLicense: previous.concludedLicense,
      rationale: previous.rationale ? `${previous.rationale}\n\n${note}` : note,
      obligations: previous.obligations,
      expiresAt: previous.expiresAt,
    },
  };
}

import type { FindingStatus } from '../../../../shared/api/review-contract';

export const statusLabels: Record<FindingStatus, string> = {
  conflict: 'Conflict',
  changed: 'Changed',
  expired: 'Expired',
  undecided: 'Undecided',
  pending: 'Legal review',
  decided: 'Decided',
  'not-needed': 'Nothing to decide',
};

export const statusHints: Record<FindingStatus, string> = {
  conflict: 'decisions on this subject disagree',
  changed: 'the subject changed since it was decided',
  expired: 'the exception has expired',
  undecided: 'no decision yet',
  pending: 'waiting for legal review',
  decided: 'a decision in force covers it',
  'not-needed': 'the policy allows it and no decision is needed',
};

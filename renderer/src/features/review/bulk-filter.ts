import type { QueueStatus } from '../../../../shared/api/review-contract';
import type { ComponentSummary } from '../../../../shared/model/component';
import { licenseIdsOf, parseExpression } from '../../../../shared/spdx/expression';
import { fixCase } from './license-suggest';

/** Finding kinds that are "other findings" whatever their license: each asks a person to look. */
export const problemKinds = ['unknown-license', 'license-mismatch', 'manifest-error', 'scan-warning'] as const;

/**
 * A rule picking components for one bulk decision, e.g. "declared MIT, detected only MIT, nothing else found,
 * not decided yet".
 */
export interface BulkFilter {
  /** SPDX expression the declared license must equal (after normalising). */
  license: string;
  /** The detected licenses are exactly the ids of `license` (and at least one was detected). */
  detectedSame: boolean;
  /** No problem finding, and no detected license outside `license`. */
  noOtherFindings: boolean;
  /** Only components whose review status is undecided. */
  onlyUndecided: boolean;
}

export const defaultBulkFilter: BulkFilter = { license: 'MIT', detectedSame: true, noOtherFindings: true, onlyUndecided: true };

export interface BulkCandidate {
  component: Pick<ComponentSummary, 'id' | 'declared' | 'detected'>;
  status: QueueStatus | null;
  /** Number of problem findings (problemKinds) in the component. */
  problems: number;
}

/** Null when the filter's license is not a valid expression (with the parser's message as `error`). */
export function compileBulkFilter(filter: BulkFilter): { ok: true; test: (c: BulkCandidate) => boolean } | { ok: false; error: string } {
  const parsed = parseExpression(fixCase(filter.license));
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const ids = new Set(licenseIdsOf(parsed.normalized));
  return {
    ok: true,
    test: ({ component, status, problems }) => {
      const declared = component.declared.expression ? parseExpression(component.declared.expression) : null;
      if (!declared?.ok || declared.normalized !== parsed.normalized) return false;
      if (filter.detectedSame && (component.detected.length !== ids.size || !component.detected.every((id) => ids.has(id)))) return false;
      if (filter.noOtherFindings && (problems > 0 || !component.detected.every((id) => ids.has(id)))) return false;
      if (filter.onlyUndecided && status !== 'undecided') return false;
      return true;
    },
  };
}

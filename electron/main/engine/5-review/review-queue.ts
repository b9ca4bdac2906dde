import type { QueueStatus, ReviewQueueItem } from '../../../../shared/api/review-contract.js';
import type { DecisionMatch } from '../../../../shared/model/decision.js';
import type { DistributionModel } from '../../../../shared/model/project.js';
import type { ExpressionVerdict, PolicyResult } from '../../../../shared/model/policy.js';
import type { ReviewComponent, ReviewFinding } from '../../db/repositories/review-subjects-repo.js';
import { evaluateExpression } from '../4-evaluate/expression-verdict.js';
import { evaluateComponent, type CompiledPolicy } from '../4-evaluate/policy-evaluator.js';
import type { DecisionIndex } from './decision-matcher.js';
import { componentSnapshot, findingSnapshot, findingTextHash } from './snapshots.js';

/** Finding kinds that always need a person: no automatic verdict covers them. */
export const attentionKinds = ['unknown-license', 'license-mismatch'] as const;
/** License findings outside any component are reviewed on their own when the policy does not allow them. */
export const licenseKinds = ['license-text', 'license-notice', 'license-reference', 'spdx-tag'] as const;

export function statusOf(match: DecisionMatch | null): QueueStatus {
  if (!match) return 'undecided';
  if (match.expired) return 'expired';
  if (match.changed) return 'changed';
  if (match.conflicts.length > 0) return 'conflict';
  if (match.decision.state === 'needs-legal-review') return 'pending';
  return 'decided';
}

function summary(match: DecisionMatch | null): ReviewQueueItem['decision'] {
  return match
    ? {
        uid: match.decision.uid,
        state: match.decision.state,
        concludedLicense: match.decision.concludedLicense,
        via: match.via,
        carriedOverFrom: match.carriedOverFrom,
        changed: match.changed,
        expired: match.expired,
      }
    : null;
}

export function componentPaths(c: Pick<ReviewComponent, 'rootPath' | 'sourcePath'>): string[] {
  return [c.rootPath, c.sourcePath].filter((p): p is string => p !== null && p !== '');
}

export interface QueueInputs {
  compiled: CompiledPolicy;
  model: DistributionModel;
  index: DecisionIndex;
  components: ReviewComponent[];
  previousKeys: Set<string>;
  findings: Iterable<ReviewFinding>;
  /** Subject keys of every finding of the scan (see FindingSubjectInput.liveKeys). */
  liveKeys?: ReadonlySet<string>;
}

/**
 * Everything in a project with its review status: components (decided or not, changed since, expired …) and the
 * findings that need a person of their own. The caller filters and pages.
 */
export function buildQueue(inputs: QueueInputs): { items: ReviewQueueItem[]; results: PolicyResult[] } {
  const { compiled, model, index } = inputs;
  const items: ReviewQueueItem[] = [];
  const results: PolicyResult[] = [];
  const settledComponents = new Set<number>();
  for (const c of inputs.components) {
    const match = index.forComponent({
      key: c.key,
      purl: c.purl,
      version: c.version,
      ecosystem: c.ecosystem,
      projectId: c.projectId,
      paths: componentPaths(c),
      snapshot: componentSnapshot(c.declared, c.detected)!,
    });
    const result = evaluateComponent(compiled, model, c, match);
    results.push(result);
    const status = statusOf(match);
    if (status === 'decided') settledComponents.add(c.id);
    items.push({
      kind: 'component',
      id: c.id,
      subjectKey: c.key,
      label: c.version ? `${c.name}@${c.version}` : c.name,
      componentId: c.id,
      path: c.rootPath,
      license: result.expression,
      status,
      isNew: inputs.previousKeys.size > 0 && !inputs.previousKeys.has(c.key),
      changes: match?.changes ?? [],
      decision: summary(match),
      policy: { action: result.action, severity: result.severity, reason: result.reason, ruleId: result.rule.id, allowedChoices: result.allowedChoices },
    });
  }
  const verdicts = new Map<string, ExpressionVerdict>();
  const verdictOf = (license: string | null): ExpressionVerdict => {
    const cacheKey = license ?? '';
    let verdict = verdicts.get(cacheKey);
    if (!verdict) verdicts.set(cacheKey, (verdict = evaluateExpression(compiled.policy, model, license)));
    return verdict;
  };
  const { liveKeys } = inputs;
  for (const f of inputs.findings) {
    const attention = (attentionKinds as readonly string[]).includes(f.kind);
    const snapshot = findingSnapshot(f.license, f.textHash ?? (f.text !== null ? findingTextHash(f.text) : null))!;
    const match = index.forFinding({ key: f.key, kind: f.kind, path: f.path, projectId: f.projectId, snapshot, liveKeys });
    const verdict = verdictOf(f.license);
    // A license finding needs its own review only outside a component and when the policy does not allow it;
    // an attention finding inside a settled component is covered by that component's decision.
    if (!match) {
      if (!attention && (f.componentId !== null || verdict.action === 'allow')) continue;
      if (attention && f.componentId !== null && settledComponents.has(f.componentId)) continue;
    }
    items.push({
      kind: 'finding',
      id: f.id,
      subjectKey: `finding:${f.key}`,
      label: `${f.path ?? f.componentName ?? '(component)'}: ${f.kind}${f.license ? ` ${f.license}` : ''}`,
      componentId: f.componentId,
      path: f.path,
      license: f.license,
      status: statusOf(match),
      isNew: false,
      changes: match?.changes ?? [],
      decision: summary(match),
      policy: {
        action: attention && verdict.action === 'allow' ? 'review' : verdict.action,
        severity: attention && verdict.severity === 'info' ? 'warning' : verdict.severity,
        reason: attention ? `a ${f.kind} finding needs a reviewer; ${verdict.reason}` : verdict.reason,
        ruleId: verdict.rule.id,
        allowedChoices: verdict.allowedChoices,
      },
    });
  }
  return { items, results };
}

import type { DecisionMatch } from '../../../../shared/model/decision.js';
import type { DistributionModel } from '../../../../shared/model/project.js';
import type { AppliedDecisionSummary, PolicyDocument, PolicyResult } from '../../../../shared/model/policy.js';
import { effectiveLicense, type LicenseEvidence } from './effective-license.js';
import { evaluateExpression } from './expression-verdict.js';
import { compilePurlPattern, type PurlMatcher } from './purl-patterns.js';
import { actionWords, modelWords, severityOf } from './wording.js';

export interface EvaluatedComponent extends LicenseEvidence {
  id: number;
  key: string;
  purl: string | null;
  name: string;
  version: string | null;
  projectId: number;
}

/** States that settle a component, and the action each one means. */
const stateActions = {
  approved: 'allow',
  'approved-with-conditions': 'allow',
  'not-applicable': 'allow',
  exception: 'allow',
  rejected: 'deny',
  'needs-legal-review': 'review',
} as const;

export interface CompiledPolicy {
  policy: PolicyDocument;
  deny: { pattern: string; matches: PurlMatcher }[];
  allow: { pattern: string; matches: PurlMatcher }[];
}

export function compilePolicy(policy: PolicyDocument): CompiledPolicy {
  const compile = (patterns: string[]) => patterns.map((pattern) => ({ pattern, matches: compilePurlPattern(pattern) }));
  return { policy, deny: compile(policy.components.deny), allow: compile(policy.components.allow) };
}

function summary(match: DecisionMatch): AppliedDecisionSummary {
  return {
    uid: match.decision.uid,
    state: match.decision.state,
    concludedLicense: match.decision.concludedLicense,
    via: match.via,
    carriedOverFrom: match.carriedOverFrom,
    changed: match.changed,
    expired: match.expired,
  };
}

/** A decision settles the component only while it still describes it (not changed) and has not expired. */
export function decisionInForce(match: DecisionMatch | null): boolean {
  return match !== null && !match.changed && !match.expired;
}

/**
 * The policy's result for one component: deny list, then allow list, then the license (concluded, else declared
 * and detected). A decision in force then settles it (approved → allow, rejected → deny …), and says so.
 */
export function evaluateComponent(
  compiled: CompiledPolicy,
  model: DistributionModel,
  component: EvaluatedComponent,
  match: DecisionMatch | null,
): PolicyResult {
  const inForce = decisionInForce(match);
  const effective = effectiveLicense(component, inForce ? match!.decision.concludedLicense : null);
  const subject = component.purl ?? component.key;
  let verdict = evaluateExpression(compiled.policy, model, effective.expression);
  const listed = (list: 'deny' | 'allow') => compiled[list].findIndex((entry) => entry.matches(component.key) || (component.purl !== null && entry.matches(component.purl)));
  const denied = listed('deny');
  const allowed = denied < 0 ? listed('allow') : -1;
  if (denied >= 0 || allowed >= 0) {
    const list = denied >= 0 ? 'deny' : 'allow';
    const index = denied >= 0 ? denied : allowed;
    const action = denied >= 0 ? 'deny' : 'allow';
    verdict = {
      ...verdict,
      action,
      severity: severityOf(action),
      rule: { kind: denied >= 0 ? 'component-deny-list' : 'component-allow-list', id: `components.${list}[${index}]` },
      reason: `${subject} matches "${compiled[list][index]!.pattern}" on the component ${list} list; ${modelWords[model]} it is ${actionWords[action]} whatever its license`,
    };
  }
  const policyAction = verdict.action;
  let result: PolicyResult = {
    ...verdict,
    componentId: component.id,
    componentKey: component.key,
    name: component.name,
    version: component.version,
    purl: component.purl,
    projectId: component.projectId,
    licenseSource: effective.source,
    policyAction,
    decision: match ? summary(match) : null,
  };
  if (match && inForce) {
    const d = match.decision;
    const action = stateActions[d.state];
    const by = `${d.reviewer.name} on ${d.decidedAt.slice(0, 10)}`;
    const carried = match.carriedOverFrom ? `, ${match.carriedOverFrom}` : '';
    result = {
      ...result,
      action,
      severity: severityOf(action),
      rule: { kind: 'decision', id: `decision:${d.uid}` },
      reason: `decided ${d.state} by ${by}${carried}${d.rationale ? `: ${d.rationale}` : ''} (policy alone: ${verdict.reason})`,
    };
  } else if (match?.expired) {
    result = { ...result, reason: `${verdict.reason} (the exception ${match.decision.uid} expired on ${match.decision.expiresAt})` };
  } else if (match?.changed) {
    result = { ...result, reason: `${verdict.reason} (decision ${match.decision.uid} no longer applies: ${match.changes.join('; ')})` };
  }
  return result;
}

import { AppError } from '../../../shared/api/errors.js';
import type { PolicyDocument, PolicyEvaluation, PolicyProblem, PolicySaveResult, PolicyState } from '../../../shared/model/policy.js';
import type { ReadableDb, WritableDb } from '../db/db-types.js';
import { findPolicyVersion, insertPolicyVersion, latestPolicyVersion, sha256Hex } from '../db/repositories/policy-repo.js';
import { currentDecisions } from '../db/repositories/decisions-repo.js';
import { iterateReviewFindings, liveFindingKeys, previousScanKeys, projectRefs, reviewComponents } from '../db/repositories/review-subjects-repo.js';
import { defaultPolicy, defaultPolicyText, parsePolicyText } from '../engine/4-evaluate/policy-loader.js';
import { compilePolicy } from '../engine/4-evaluate/policy-evaluator.js';
import { DecisionIndex } from '../engine/5-review/decision-matcher.js';
import { attentionKinds, buildQueue, licenseKinds } from '../engine/5-review/review-queue.js';
import type { ReviewQueueItem } from '../../../shared/api/review-contract.js';

function stateOf(text: string, info: Omit<PolicyState, 'text' | 'policy' | 'sha256'>, resourcesDir?: string): PolicyState {
  const parsed = parsePolicyText(text, defaultPolicy(resourcesDir));
  // A stored version was valid when saved; a newer shipped list could still reject an id, so say which.
  if (!parsed.ok) throw new AppError('internal', `policy version ${info.version ?? 'default'} no longer validates: ${parsed.problems[0]!.message}`);
  return { ...info, text, sha256: sha256Hex(text), policy: parsed.policy };
}

/** The policy in force (the newest saved version, else the shipped default), or an older version. */
export function policyState(db: ReadableDb, version?: number, resourcesDir?: string): PolicyState {
  const stored = version === undefined ? latestPolicyVersion(db) : findPolicyVersion(db, version);
  if (version !== undefined && !stored) throw new AppError('not-found', `no policy version ${version}`);
  if (!stored) return stateOf(defaultPolicyText(resourcesDir), { version: null, savedAt: null, savedBy: null, comment: 'shipped default' }, resourcesDir);
  return stateOf(stored.text, stored, resourcesDir);
}

export function currentPolicy(db: ReadableDb, resourcesDir?: string): { version: number | null; policy: PolicyDocument } {
  const state = policyState(db, undefined, resourcesDir);
  return { version: state.version, policy: state.policy };
}

export function validatePolicy(text: string, resourcesDir?: string): { ok: boolean; problems: PolicyProblem[] } {
  const parsed = parsePolicyText(text, defaultPolicy(resourcesDir));
  return parsed.ok ? { ok: true, problems: [] } : { ok: false, problems: parsed.problems };
}

/** Stores a new version when the text is valid; the problems otherwise (nothing stored). */
export function savePolicy(db: WritableDb, text: string, meta: { savedBy?: string; comment?: string }, resourcesDir?: string): PolicySaveResult {
  const parsed = parsePolicyText(text, defaultPolicy(resourcesDir));
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const stored = insertPolicyVersion(db, { text, savedBy: meta.savedBy ?? null, comment: meta.comment ?? null });
  return { ok: true, version: stored.version, state: { ...stored, policy: parsed.policy } };
}

/** The version a decision records: the shipped default is stored as version 1 the first time one is needed. */
export function ensureStoredPolicyVersion(db: WritableDb, resourcesDir?: string): number {
  const latest = latestPolicyVersion(db);
  if (latest) return latest.version;
  return insertPolicyVersion(db, { text: defaultPolicyText(resourcesDir), savedBy: null, comment: 'shipped default, stored when first needed' }).version;
}

function projectRef(db: ReadableDb, projectId: number) {
  const project = projectRefs(db).find((p) => p.id === projectId);
  if (!project) throw new AppError('not-found', `no project with id ${projectId}`);
  return project;
}

/** The review queue and the policy results of a project's latest scan, in one pass. */
export function reviewProject(db: ReadableDb, projectId: number, options: { findings: boolean; now?: Date; resourcesDir?: string }) {
  const project = projectRef(db, projectId);
  const { version, policy } = currentPolicy(db, options.resourcesDir);
  const index = new DecisionIndex(currentDecisions(db), options.now);
  const queue = buildQueue({
    compiled: compilePolicy(policy),
    model: project.distributionModel,
    index,
    components: reviewComponents(db, projectId),
    previousKeys: previousScanKeys(db, projectId),
    findings: options.findings ? iterateReviewFindings(db, projectId, [...attentionKinds, ...licenseKinds]) : [],
    ...(options.findings ? { liveKeys: liveFindingKeys(db, projectId) } : {}),
  });
  return { project, policyVersion: version, ...queue };
}

export function evaluateProject(db: ReadableDb, projectId: number, now?: Date, resourcesDir?: string): PolicyEvaluation {
  const { project, policyVersion, results } = reviewProject(db, projectId, { findings: false, now, resourcesDir });
  const counts = { allow: 0, review: 0, deny: 0 };
  for (const r of results) counts[r.action]++;
  return { projectId, projectName: project.name, distributionModel: project.distributionModel, policyVersion, results, counts };
}

const severityRank = { error: 0, warning: 1, info: 2 } as const;

export function sortQueue(items: ReviewQueueItem[]): ReviewQueueItem[] {
  return items.sort((a, b) => severityRank[a.policy.severity] - severityRank[b.policy.severity] || a.label.localeCompare(b.label));
}

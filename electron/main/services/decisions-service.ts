import { randomUUID } from 'node:crypto';
import type { BulkDecisionItem, ComponentDecisions, DecisionSubjectParams } from '../../../shared/api/review-contract.js';
import { AppError } from '../../../shared/api/errors.js';
import type { Decision, DecisionBody, DecisionMatch, DecisionSnapshot, DecisionState, DecisionSubject, TrailVerification } from '../../../shared/model/decision.js';
import type { ComponentSummary } from '../../../shared/model/component.js';
import type { Obligation } from '../../../shared/model/policy.js';
import { parseExpression } from '../../../shared/spdx/expression.js';
import type { ReadableDb, WritableDb } from '../db/db-types.js';
import { getComponentDetail } from '../db/repositories/components-repo.js';
import { allDecisions, currentDecisions, findDecision, insertDecision, listDecisions, storedTrailHead, trailTail } from '../db/repositories/decisions-repo.js';
import { listKeys } from '../db/repositories/reviewers-repo.js';
import { findReviewFinding, latestComponentByKey, latestFindingByKey, projectRefs, reviewComponent, type ReviewComponent } from '../db/repositories/review-subjects-repo.js';
import { withoutVersion } from '../engine/4-evaluate/purl-patterns.js';
import { decisionInForce } from '../engine/4-evaluate/policy-evaluator.js';
import { chainHash, genesisHash, signedBytes } from '../engine/5-review/decision-chain.js';
import { DecisionIndex } from '../engine/5-review/decision-matcher.js';
import { fingerprintOf, signBytes } from '../engine/5-review/reviewer-keys.js';
import { identityOrThrow, signingKey, type Identity } from '../engine/5-review/reviewer-session.js';
import { componentPaths } from '../engine/5-review/review-queue.js';
import { componentSnapshot, findingSnapshot, findingTextHash } from '../engine/5-review/snapshots.js';
import { bodyOf, decisionLine } from '../engine/5-review/trail-io.js';
import { rangeProblem } from '../engine/5-review/version-range.js';
import { verifyTrail } from '../engine/5-review/verify-trail.js';
import { ensureStoredPolicyVersion } from './policy-service.js';

export interface DecisionInput {
  state: DecisionState;
  concludedLicense?: string | null | undefined;
  rationale?: string | null | undefined;
  obligations?: Obligation[] | undefined;
  expiresAt?: string | null | undefined;
  reviewer?: Identity | undefined;
  passphrase?: string | undefined;
}

export interface ResolvedSubject {
  subject: DecisionSubject;
  subjectKey: string;
  projectId: number | null;
  snapshot: DecisionSnapshot;
  label: string;
}

function projectName(db: ReadableDb, projectId: number | undefined): string | null {
  if (projectId === undefined) return null;
  const project = projectRefs(db).find((p) => p.id === projectId);
  if (!project) throw new AppError('not-found', `no project with id ${projectId}`);
  return project.name;
}

function purlType(purl: string): string {
  return /^pkg:([a-z0-9.+-]+)\//i.exec(purl)?.[1]?.toLowerCase() ?? 'generic';
}

/** Turns what the caller names (ids, purl, key, pattern) into the subject a decision records, with what it sees now. */
export function resolveSubject(db: ReadableDb, params: DecisionSubjectParams): ResolvedSubject {
  const need = (value: unknown, what: string) => {
    if (value === undefined) throw new AppError('bad-request', `a ${params.type} decision needs ${what}`);
  };
  if (params.type === 'path') {
    need(params.pattern, 'a path pattern');
    need(params.projectId, 'a project (path patterns are relative to one project)');
    const name = projectName(db, params.projectId)!;
    return { subject: { type: 'path', pattern: params.pattern!, projectName: name }, subjectKey: `path:${params.pattern}`, projectId: params.projectId!, snapshot: null, label: `${params.pattern} in ${name}` };
  }
  if (params.type === 'finding') {
    const finding = params.findingId !== undefined ? findReviewFinding(db, params.findingId) : params.key ? latestFindingByKey(db, params.key, params.projectId ?? null) : null;
    if (!finding) throw new AppError('not-found', params.findingId !== undefined || params.key ? 'no such finding in the latest scans' : 'a finding decision needs findingId or key');
    const projectId = params.findingId !== undefined ? finding.projectId : (params.projectId ?? null);
    const textHash = finding.textHash ?? (finding.text !== null ? findingTextHash(finding.text) : null);
    return {
      subject: { type: 'finding', key: finding.key, kind: finding.kind, path: finding.path, license: finding.license, projectName: projectId === null ? null : projectName(db, projectId) },
      subjectKey: `finding:${finding.key}`,
      projectId,
      snapshot: findingSnapshot(finding.license, textHash),
      label: `${finding.path ?? finding.componentName ?? 'component'}: ${finding.kind}`,
    };
  }
  let component: ReviewComponent | null;
  let key: string;
  if (params.componentId !== undefined) {
    component = reviewComponent(db, params.componentId);
    if (!component) throw new AppError('not-found', `no component with id ${params.componentId}`);
    key = component.key;
  } else {
    need(params.purl ?? params.key, 'a componentId or a purl');
    key = (params.purl ?? params.key!).trim().replace(/[?#].*$/, '');
    component = latestComponentByKey(db, key, params.projectId ?? null);
  }
  const projectId = params.componentId !== undefined ? component!.projectId : (params.projectId ?? null);
  const scope = projectId === null ? null : params.componentId !== undefined ? component!.projectName : projectName(db, projectId);
  const snapshot = component ? componentSnapshot(component.declared, component.detected) : null;
  if (params.type === 'component') {
    return {
      subject: { type: 'component', key, purl: component?.purl ?? (key.startsWith('pkg:') ? key : null), name: component?.name ?? null, version: component?.version ?? null, projectName: scope },
      subjectKey: key,
      projectId,
      snapshot,
      label: component ? `${component.name}${component.version ? `@${component.version}` : ''}` : key,
    };
  }
  need(params.range, 'a version range');
  const problem = rangeProblem(params.range!);
  if (problem) throw new AppError('bad-request', problem);
  const basePurl = withoutVersion(component?.purl ?? key);
  const version = component?.version ?? (/@([^@/]+)$/.exec(key)?.[1] ?? null);
  return {
    subject: { type: 'component-range', basePurl, range: params.range!, ecosystem: component?.ecosystem ?? purlType(basePurl), decidedOnVersion: version, projectName: scope },
    subjectKey: `range:${basePurl} ${params.range}`,
    projectId,
    snapshot,
    label: `${basePurl} ${params.range}`,
  };
}

/** Checks what a reviewer entered: SPDX expression, rationale, expiry; returns the normalised values. */
export function validateDecisionInput(input: DecisionInput, now = new Date()): { concludedLicense: string | null; rationale: string | null; expiresAt: string | null } {
  let concludedLicense: string | null = null;
  if (input.concludedLicense?.trim()) {
    const parsed = parseExpression(input.concludedLicense);
    if (!parsed.ok) throw new AppError('invalid-expression', parsed.error);
    concludedLicense = parsed.normalized;
  }
  const rationale = input.rationale?.trim() || null;
  if (input.state !== 'approved' && !rationale) throw new AppError('bad-request', `a decision of state "${input.state}" needs a rationale`);
  let expiresAt: string | null = null;
  if (input.expiresAt) {
    const date = input.expiresAt.slice(0, 10);
    if (Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
      throw new AppError('bad-request', `"${input.expiresAt}" is not a date (YYYY-MM-DD)`);
    }
    if (date < now.toISOString().slice(0, 10)) throw new AppError('bad-request', `the expiry date ${date} has already passed`);
    expiresAt = date;
  }
  if (input.state === 'exception' && !expiresAt) throw new AppError('bad-request', 'an exception needs an expiry date');
  return { concludedLicense, rationale, expiresAt };
}

function sameScope(d: Decision, resolved: ResolvedSubject): boolean {
  const name = 'projectName' in d.subject ? d.subject.projectName : null;
  const wanted = 'projectName' in resolved.subject ? resolved.subject.projectName : null;
  return (name ?? null) === (wanted ?? null) && d.projectId === resolved.projectId;
}

/** The decision a new one on the same subject (and scope) replaces. */
function currentFor(db: ReadableDb, resolved: ResolvedSubject): Decision | null {
  return listDecisions(db, { subjectKey: resolved.subjectKey, includeSuperseded: false }).find((d) => sameScope(d, resolved)) ?? null;
}

/**
 * Records decisions, signed and chained, in one transaction: each is a new record; one on a subject that already
 * has a current decision supersedes it. Nothing is updated or deleted.
 */
export function recordDecisions(
  db: WritableDb,
  items: { resolved: ResolvedSubject; input: DecisionInput; supersedesUid?: string | undefined }[],
  resourcesDir?: string,
): Decision[] {
  if (items.length === 0) return [];
  const values = items.map((item) => validateDecisionInput(item.input));
  const identity = identityOrThrow(db, items[0]!.input.reviewer);
  return db
    .transaction(() => {
      const key = signingKey(db, identity, items[0]!.input.passphrase);
      const policyVersion = ensureStoredPolicyVersion(db, resourcesDir);
      return items.map((item, i) => {
        if (item.supersedesUid && !findDecision(db, item.supersedesUid)) throw new AppError('not-found', `no decision ${item.supersedesUid} to supersede`);
        const tail = trailTail(db);
        const body: DecisionBody = {
          format: 'clearance-decision/1',
          uid: `dec_${randomUUID()}`,
          subjectKey: item.resolved.subjectKey,
          subject: item.resolved.subject,
          state: item.input.state,
          ...values[i]!,
          obligations: [...new Set(item.input.obligations ?? [])],
          reviewer: { name: identity.name, email: identity.email, keyFingerprint: key.fingerprint },
          decidedAt: new Date().toISOString(),
          policyVersion,
          supersedesUid: item.supersedesUid ?? currentFor(db, item.resolved)?.uid ?? null,
          snapshot: item.resolved.snapshot,
        };
        const position = { seq: (tail?.seq ?? 0) + 1, prevHash: tail?.hash ?? genesisHash, origin: 'local', projectId: item.resolved.projectId };
        const record = { ...body, ...position, hash: chainHash(body, position), signature: signBytes(key.privateKey, signedBytes(body)) };
        const id = insertDecision(db, record);
        return { ...record, id, supersededBy: null };
      });
    })
    .immediate();
}

export function previewBulk(db: ReadableDb, subjects: ResolvedSubject[], input: DecisionInput): BulkDecisionItem[] {
  const concluded = validateDecisionInput(input).concludedLicense;
  return subjects.map((resolved) => {
    const current = currentFor(db, resolved);
    const same = current && current.state === input.state && (current.concludedLicense ?? null) === concluded;
    return {
      subjectKey: resolved.subjectKey,
      label: resolved.label,
      current: current ? { uid: current.uid, state: current.state, concludedLicense: current.concludedLicense } : null,
      change: !current ? 'new' : same ? 'unchanged' : 'supersede',
    };
  });
}

/** The workspace trail, checked: hashes, order, completeness (against the recorded head), signatures, keys. */
export function verifyWorkspaceTrail(db: ReadableDb): TrailVerification {
  const keys = new Map(listKeys(db).map((k) => [safeFingerprint(k.publicKey), k.publicKey]));
  const records = allDecisions(db).map((d) => ({
    body: bodyOf(d),
    position: { seq: d.seq, prevHash: d.prevHash, origin: d.origin, projectId: d.projectId },
    hash: d.hash,
    signature: d.signature,
    consistent: d.consistent,
  }));
  return verifyTrail(records, keys, storedTrailHead(db));
}

function safeFingerprint(publicKey: string): string {
  try {
    return fingerprintOf(publicKey);
  } catch {
    return 'unreadable-key';
  }
}

/** Every record as signed JSON Lines (docs/decisions.md), in trail order. */
export function exportDecisionLines(db: ReadableDb): string[] {
  const keys = new Map(listKeys(db).map((k) => [k.fingerprint, k.publicKey]));
  return allDecisions(db).map((d) => {
    const key = keys.get(d.reviewer.keyFingerprint);
    if (!key) throw new AppError('internal', `the public key ${d.reviewer.keyFingerprint} of decision ${d.uid} is missing from the workspace`);
    return decisionLine(d, key);
  });
}

function indexFor(db: ReadableDb): DecisionIndex {
  return new DecisionIndex(currentDecisions(db));
}

type ConcludedInput = Pick<ComponentSummary, 'id' | 'key' | 'purl' | 'version' | 'ecosystem' | 'projectId' | 'rootPath' | 'declared' | 'detected'>;

/** The decision in force for each component (null when none applies, or it no longer holds). */
export function decisionsInForceFor(db: ReadableDb, components: ConcludedInput[]): Map<number, DecisionMatch | null> {
  const index = indexFor(db);
  return new Map(
    components.map((c) => {
      const match = index.forComponent({
        key: c.key,
        purl: c.purl,
        version: c.version,
        ecosystem: c.ecosystem,
        projectId: c.projectId,
        paths: c.rootPath ? [c.rootPath] : [],
        snapshot: componentSnapshot(c.declared, c.detected)!,
      });
      return [c.id, match && decisionInForce(match) ? match : null];
    }),
  );
}

/** The license concluded by the decision in force for each component (null when none concluded one). */
export function concludedLicensesFor(db: ReadableDb, components: ConcludedInput[]): Map<number, string | null> {
  const matches = decisionsInForceFor(db, components);
  return new Map(components.map((c) => [c.id, matches.get(c.id)?.decision.concludedLicense ?? null]));
}

/** For components.list / components.get: the concluded license of one component, or null. */
export function concludedLicenseFor(db: ReadableDb, component: ConcludedInput): string | null {
  return concludedLicensesFor(db, [component]).get(component.id) ?? null;
}

export function decisionsForComponent(db: ReadableDb, componentId: number): ComponentDecisions {
  const detail = getComponentDetail(db, componentId);
  const review = reviewComponent(db, componentId);
  if (!detail || !review) throw new AppError('not-found', `no component with id ${componentId}`);
  const current = indexFor(db).forComponent({
    key: review.key,
    purl: review.purl,
    version: review.version,
    ecosystem: review.ecosystem,
    projectId: review.projectId,
    paths: componentPaths(review),
    snapshot: componentSnapshot(review.declared, review.detected)!,
  });
  const keys = new Set([review.key, ...(current ? [current.decision.subjectKey] : [])]);
  const history = [...keys]
    .flatMap((subjectKey) => listDecisions(db, { subjectKey, includeSuperseded: true }))
    .sort((a, b) => b.seq - a.seq);
  const concludedLicense = current && decisionInForce(current) ? current.decision.concludedLicense : null;
  return { component: { ...detail, concluded: concludedLicense }, current, history, concludedLicense };
}

import type { ApiValidParams } from '../../../shared/api/contract.js';
import type { FindingGroup, FindingStatus, ReviewFindingsPage, ReviewQueueItem, ReviewedFinding } from '../../../shared/api/review-contract.js';
import { findingStatuses } from '../../../shared/api/review-contract.js';
import { findingKinds } from '../../../shared/model/finding.js';
import type { ReadableDb } from '../db/db-types.js';
import { currentDecisions, trailTail } from '../db/repositories/decisions-repo.js';
import { findFinding } from '../db/repositories/findings-repo.js';
import { latestPolicyVersion } from '../db/repositories/policy-repo.js';
import { iterateReviewFindings, previousScanKeys, projectRefs, reviewComponents, type ProjectRef, type ReviewComponent, type ReviewFinding } from '../db/repositories/review-subjects-repo.js';
import { listScans } from '../db/repositories/scans-repo.js';
import { compilePolicy } from '../engine/4-evaluate/policy-evaluator.js';
import { DecisionIndex } from '../engine/5-review/decision-matcher.js';
import { attentionKinds, buildQueue, licenseKinds, statusOf } from '../engine/5-review/review-queue.js';
import { findingSnapshot, findingTextHash } from '../engine/5-review/snapshots.js';
import { currentPolicy } from './policy-service.js';

type Query = ApiValidParams<'review.findings'>;

/** A finding of a latest scan with its review status: what filtering, sorting and grouping need, without the text. */
interface StatusRow {
  finding: ReviewFinding;
  status: FindingStatus;
  statusFrom: ReviewedFinding['statusFrom'];
  decision: ReviewedFinding['decision'];
  changes: string[];
  policy: ReviewQueueItem['policy'] | null;
}

interface ScanData {
  project: ProjectRef;
  findings: ReviewFinding[];
  components: ReviewComponent[];
  previousKeys: Set<string>;
}

interface Cached<T> {
  signature: string;
  value: T;
}

/**
 * Kept per connection and scope (a project or the workspace): what the latest scans hold, until a scan changes;
 * and every finding's status, until a scan, decision, policy, distribution model or the day changes. Paging
 * through 100,000 findings then costs a filter and a sort, and a decision re-evaluates without re-reading.
 */
const scanCache = new WeakMap<object, Map<string, Cached<ScanData[]>>>();
const statusCache = new WeakMap<object, Map<string, Cached<StatusRow[]>>>();

function cached<T>(store: WeakMap<object, Map<string, Cached<T>>>, db: object, key: string, signature: string, make: () => T): T {
  let perDb = store.get(db);
  if (!perDb) store.set(db, (perDb = new Map()));
  const hit = perDb.get(key);
  if (hit?.signature === signature) return hit.value;
  const value = make();
  perDb.set(key, { signature, value });
  return value;
}

const queueKinds = new Set<string>([...attentionKinds, ...licenseKinds]);

function scanSignature(db: ReadableDb, projects: ProjectRef[]): string {
  return JSON.stringify(projects.map((p) => [p.id, listScans(db, p.id).find((scan) => scan.status === 'finished')?.id ?? 0]));
}

function statusSignature(db: ReadableDb, projects: ProjectRef[], scans: string, resourcesDir: string | undefined): string {
  const tail = trailTail(db);
  const policy = latestPolicyVersion(db);
  const models = projects.map((p) => p.distributionModel);
  return JSON.stringify([scans, models, tail?.seq ?? 0, tail?.hash ?? '', policy?.version ?? 0, new Date().toISOString().slice(0, 10), resourcesDir ?? '']);
}

function readScans(db: ReadableDb, projects: ProjectRef[]): ScanData[] {
  return projects.map((project) => ({
    project,
    findings: [...iterateReviewFindings(db, project.id, findingKinds)],
    components: reviewComponents(db, project.id),
    previousKeys: previousScanKeys(db, project.id),
  }));
}

function computeRows(db: ReadableDb, scans: ScanData[], resourcesDir: string | undefined): StatusRow[] {
  const { policy } = currentPolicy(db, resourcesDir);
  const compiled = compilePolicy(policy);
  const index = new DecisionIndex(currentDecisions(db));
  const rows: StatusRow[] = [];
  for (const { project, findings, components, previousKeys } of scans) {
    const liveKeys = new Set(findings.map((f) => `finding:${f.key}`));
    const { items } = buildQueue({
      liveKeys,
      compiled,
      model: project.distributionModel,
      index,
      components,
      previousKeys,
      findings: findings.filter((f) => queueKinds.has(f.kind)),
    });
    const own = new Map<number, ReviewQueueItem>();
    const ofComponent = new Map<number, ReviewQueueItem>();
    for (const item of items) (item.kind === 'finding' ? own : ofComponent).set(item.id, item);
    for (const finding of findings) {
      const component = finding.componentId !== null ? ofComponent.get(finding.componentId) : undefined;
      const mine = own.get(finding.id) ?? (queueKinds.has(finding.kind) ? undefined : decidedOutsideQueue(index, finding, component, liveKeys));
      const item = mine ?? component ?? null;
      rows.push({
        finding,
        status: item?.status ?? 'not-needed',
        statusFrom: mine ? 'finding' : component ? 'component' : null,
        decision: item?.decision ?? null,
        changes: item?.changes ?? [],
        policy: item?.policy ?? null,
      });
    }
  }
  return rows;
}

/**
 * The queue builder looks at license and attention findings only; a copyright or declared finding can still
 * carry a decision of its own (made from the Findings view). Its item: that decision, the component's policy.
 */
function decidedOutsideQueue(index: DecisionIndex, f: ReviewFinding, component: ReviewQueueItem | undefined, liveKeys: ReadonlySet<string>): ReviewQueueItem | undefined {
  const snapshot = findingSnapshot(f.license, f.textHash ?? (f.text !== null ? findingTextHash(f.text) : null))!;
  const match = index.forFinding({ key: f.key, kind: f.kind, path: f.path, projectId: f.projectId, snapshot, liveKeys });
  if (!match) return undefined;
  const d = match.decision;
  return {
    kind: 'finding',
    id: f.id,
    subjectKey: `finding:${f.key}`,
    label: f.path ?? f.kind,
    componentId: f.componentId,
    path: f.path,
    license: f.license,
    status: statusOf(match),
    isNew: false,
    changes: match.changes,
    decision: { uid: d.uid, state: d.state, concludedLicense: d.concludedLicense, via: match.via, carriedOverFrom: match.carriedOverFrom, changed: match.changed, expired: match.expired },
    policy: component?.policy ?? { action: 'allow', severity: 'info', reason: 'a finding without a license', ruleId: '', allowedChoices: [] },
  };
}

function statusRows(db: ReadableDb, projectId: number | undefined, resourcesDir: string | undefined): StatusRow[] {
  const projects = projectRefs(db).filter((p) => projectId === undefined || p.id === projectId);
  const key = String(projectId ?? 'all');
  const scanSig = scanSignature(db, projects);
  // Scan data carries the project refs only for ids and names; the distribution model is read fresh below.
  const scans = cached(scanCache, db, key, scanSig, () => readScans(db, projects)).map((data, i) => ({ ...data, project: projects[i]! }));
  return cached(statusCache, db, key, statusSignature(db, projects, scanSig, resourcesDir), () => computeRows(db, scans, resourcesDir));
}

const contains = (value: string | null, needle: string): boolean => value !== null && value.toLowerCase().includes(needle);

function matcher(query: Query, skip: 'status' | 'kind' | null): (row: StatusRow) => boolean {
  const kinds = query.kinds && query.kinds.length > 0 && skip !== 'kind' ? new Set<string>(query.kinds) : null;
  const statuses = query.statuses && query.statuses.length > 0 && skip !== 'status' ? new Set<string>(query.statuses) : null;
  const license = query.license?.trim().toLowerCase() || null;
  const component = query.component?.trim().toLowerCase() || null;
  const path = query.path?.trim().toLowerCase() || null;
  const search = query.search?.trim().toLowerCase() || null;
  return ({ finding: f, status }) =>
    (query.componentId === undefined || f.componentId === query.componentId) &&
    (!kinds || kinds.has(f.kind)) &&
    (!statuses || statuses.has(status)) &&
    (!license || contains(f.license, license)) &&
    (!component || contains(f.componentName, component)) &&
    (!path || contains(f.path, path)) &&
    (!search || contains(f.path, search) || contains(f.license, search) || contains(f.componentName, search) || f.kind.includes(search));
}

const statusRank = new Map<string, number>(findingStatuses.map((s, i) => [s, i]));
const text = (value: string | null): string => value ?? '';

function groupOf(row: StatusRow, groupBy: Query['groupBy']): { key: string; label: string; sortKey: string; componentId: number | null } {
  const f = row.finding;
  if (groupBy === 'component') {
    const label = f.componentName ?? '(no component)';
    return { key: `component:${f.componentId ?? 0}`, label, sortKey: `${f.componentId === null ? '\uffff' : ''}${label.toLowerCase()}\u0000${f.componentId ?? 0}`, componentId: f.componentId };
  }
  if (groupBy === 'license') {
    return { key: `license:${text(f.license)}`, label: f.license ?? '(no license)', sortKey: f.license === null ? '\uffff' : f.license.toLowerCase(), componentId: null };
  }
  return { key: `status:${row.status}`, label: row.status, sortKey: String(statusRank.get(row.status)).padStart(2, '0'), componentId: null };
}

function comparator(query: Query): (a: StatusRow, b: StatusRow) => number {
  const column = query.sort?.column ?? 'path';
  const direction = query.sort?.desc ? -1 : 1;
  const value = (row: StatusRow): string | number => {
    const f = row.finding;
    if (column === 'status') return statusRank.get(row.status) ?? 99;
    if (column === 'component') return text(f.componentName).toLowerCase();
    if (column === 'kind') return f.kind;
    if (column === 'license') return text(f.license);
    if (column === 'score') return f.score;
    return text(f.path);
  };
  return (a, b) => {
    const va = value(a);
    const vb = value(b);
    const primary = va < vb ? -1 : va > vb ? 1 : 0;
    return primary * direction || text(a.finding.path).localeCompare(text(b.finding.path)) || a.finding.id - b.finding.id;
  };
}

function toReviewed(row: StatusRow, db: ReadableDb): ReviewedFinding | null {
  const finding = findFinding(db, row.finding.id);
  if (!finding) return null;
  return {
    ...finding,
    projectId: row.finding.projectId,
    status: row.status,
    statusFrom: row.statusFrom,
    decision: row.decision,
    policyAction: row.policy?.action ?? null,
    policyReason: row.policy?.reason ?? null,
    changes: row.changes,
  };
}

/** One page of findings with their review status, the per-status and per-kind counts, and the groups. */
export function reviewFindings(db: ReadableDb, query: Query, resourcesDir?: string): ReviewFindingsPage {
  const all = statusRows(db, query.projectId, resourcesDir);
  const countsByStatus = Object.fromEntries(findingStatuses.map((s) => [s, 0])) as Record<FindingStatus, number>;
  const countsByKind: Record<string, number> = {};
  const withoutStatus = matcher(query, 'status');
  const withoutKind = matcher(query, 'kind');
  const wanted = matcher(query, null);
  const matching: StatusRow[] = [];
  for (const row of all) {
    if (withoutStatus(row)) countsByStatus[row.status]++;
    if (withoutKind(row)) countsByKind[row.finding.kind] = (countsByKind[row.finding.kind] ?? 0) + 1;
    if (wanted(row)) matching.push(row);
  }
  const compare = comparator(query);
  const groups: FindingGroup[] = [];
  let visible = matching;
  if (query.groupBy) {
    const byKey = new Map<string, { group: FindingGroup; sortKey: string; rows: StatusRow[] }>();
    for (const row of matching) {
      const g = groupOf(row, query.groupBy);
      let entry = byKey.get(g.key);
      if (!entry) byKey.set(g.key, (entry = { group: { key: g.key, label: g.label, componentId: g.componentId, count: 0, countsByStatus: {} }, sortKey: g.sortKey, rows: [] }));
      entry.group.count++;
      entry.group.countsByStatus[row.status] = (entry.group.countsByStatus[row.status] ?? 0) + 1;
      entry.rows.push(row);
    }
    const ordered = [...byKey.values()].sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
    const collapsed = new Set(query.collapsed ?? []);
    visible = [];
    for (const entry of ordered) {
      groups.push(entry.group);
      if (!collapsed.has(entry.group.key)) visible.push(...entry.rows.sort(compare));
    }
  } else {
    visible.sort(compare);
  }
  const rows = visible
    .slice(query.offset, query.offset + query.limit)
    .map((row) => toReviewed(row, db))
    .filter((r): r is ReviewedFinding => r !== null);
  return { rows, total: visible.length, countsByStatus, countsByKind, groups };
}

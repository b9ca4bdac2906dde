import type { Decision, DecisionSnapshot, DecisionState, DecisionSubject } from '../../../../shared/model/decision.js';
import type { Obligation } from '../../../../shared/model/policy.js';
import type { ReadableDb, WritableDb } from '../db-types.js';

interface DecisionRow {
  id: number;
  uid: string;
  seq: number;
  subject_type: string;
  subject_key: string;
  subject: string;
  project_id: number | null;
  state: DecisionState;
  concluded_license: string | null;
  rationale: string | null;
  obligations: string;
  expires_at: string | null;
  reviewer_name: string;
  reviewer_email: string;
  reviewer_key: string;
  decided_at: string;
  policy_version: number | null;
  supersedes_uid: string | null;
  origin: string;
  prev_hash: string;
  hash: string;
  signature: string;
  snapshot: string;
  superseded_by: string | null;
}

export type StoredDecision = Decision & {
  /** False when the stored subject_type column disagrees with the subject it should be derived from. */
  consistent: boolean;
};

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

function toDecision(row: DecisionRow): StoredDecision {
  const subject = parseJson<DecisionSubject>(row.subject, { type: 'path', pattern: '', projectName: '' });
  return {
    format: 'clearance-decision/1',
    id: row.id,
    uid: row.uid,
    seq: row.seq,
    subjectKey: row.subject_key,
    subject,
    projectId: row.project_id,
    state: row.state,
    concludedLicense: row.concluded_license,
    rationale: row.rationale,
    obligations: parseJson<Obligation[]>(row.obligations, []),
    expiresAt: row.expires_at,
    reviewer: { name: row.reviewer_name, email: row.reviewer_email, keyFingerprint: row.reviewer_key },
    decidedAt: row.decided_at,
    policyVersion: row.policy_version,
    supersedesUid: row.supersedes_uid,
    snapshot: parseJson<DecisionSnapshot>(row.snapshot, null),
    origin: row.origin,
    prevHash: row.prev_hash,
    hash: row.hash,
    signature: row.signature,
    supersededBy: row.superseded_by,
    consistent: subject.type === row.subject_type,
  };
}

const select = `
  SELECT d.*, (SELECT s.uid FROM decisions s WHERE s.supersedes_uid = d.uid ORDER BY s.seq DESC LIMIT 1) AS superseded_by
  FROM decisions d`;

/** Every decision in trail order (seq), superseded ones included: for verification and export. */
export function allDecisions(db: ReadableDb): StoredDecision[] {
  return (db.prepare(`${select} ORDER BY d.seq`).all() as DecisionRow[]).map(toDecision);
}

/** Decisions no other decision supersedes: the ones in force. */
export function currentDecisions(db: ReadableDb): StoredDecision[] {
  return (
    db.prepare(`${select} WHERE NOT EXISTS (SELECT 1 FROM decisions s WHERE s.supersedes_uid = d.uid) ORDER BY d.seq`).all() as DecisionRow[]
  ).map(toDecision);
}

export function listDecisions(
  db: ReadableDb,
  query: { subjectKey?: string | undefined; projectId?: number | undefined; includeSuperseded: boolean },
): StoredDecision[] {
  const rows = db
    .prepare(
      `${select}
       WHERE (@subjectKey IS NULL OR d.subject_key = @subjectKey)
         AND (@projectId IS NULL OR d.project_id = @projectId OR d.project_id IS NULL)
         AND (@all = 1 OR NOT EXISTS (SELECT 1 FROM decisions s WHERE s.supersedes_uid = d.uid))
       ORDER BY d.seq DESC`,
    )
    .all({ subjectKey: query.subjectKey ?? null, projectId: query.projectId ?? null, all: query.includeSuperseded ? 1 : 0 }) as DecisionRow[];
  return rows.map(toDecision);
}

export function findDecision(db: ReadableDb, uid: string): StoredDecision | null {
  const row = db.prepare(`${select} WHERE d.uid = ?`).get(uid) as DecisionRow | undefined;
  return row ? toDecision(row) : null;
}

/** The last record of the trail, which the next one chains to. */
export function trailTail(db: ReadableDb): { seq: number; hash: string } | null {
  return (db.prepare('SELECT seq, hash FROM decisions ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined) ?? null;
}

const headKey = 'decisions.head';

/** What the workspace recorded as the trail's end when it last wrote a decision. */
export function storedTrailHead(db: ReadableDb): { seq: number; hash: string } | null {
  const value = db.prepare('SELECT value FROM workspace_meta WHERE key = ?').pluck().get(headKey) as string | undefined;
  return value ? parseJson<{ seq: number; hash: string } | null>(value, null) : null;
}

/** Appends one record and moves the recorded head; call inside a transaction with the tail read. */
export function insertDecision(db: WritableDb, d: Omit<Decision, 'id' | 'supersededBy'>): number {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO decisions (uid, seq, subject_type, subject_key, subject, project_id, state, concluded_license, rationale,
         obligations, expires_at, reviewer_name, reviewer_email, reviewer_key, decided_at, policy_version, supersedes_uid,
         origin, prev_hash, hash, signature, snapshot)
       VALUES (@uid, @seq, @subjectType, @subjectKey, @subject, @projectId, @state, @concludedLicense, @rationale,
         @obligations, @expiresAt, @reviewerName, @reviewerEmail, @reviewerKey, @decidedAt, @policyVersion, @supersedesUid,
         @origin, @prevHash, @hash, @signature, @snapshot)`,
    )
    .run({
      uid: d.uid,
      seq: d.seq,
      subjectType: d.subject.type,
      subjectKey: d.subjectKey,
      subject: JSON.stringify(d.subject),
      projectId: d.projectId,
      state: d.state,
      concludedLicense: d.concludedLicense,
      rationale: d.rationale,
      obligations: JSON.stringify(d.obligations),
      expiresAt: d.expiresAt,
      reviewerName: d.reviewer.name,
      reviewerEmail: d.reviewer.email,
      reviewerKey: d.reviewer.keyFingerprint,
      decidedAt: d.decidedAt,
      policyVersion: d.policyVersion,
      supersedesUid: d.supersedesUid,
      origin: d.origin,
      prevHash: d.prevHash,
      hash: d.hash,
      signature: d.signature,
      snapshot: JSON.stringify(d.snapshot),
    });
  db.prepare('INSERT INTO workspace_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    headKey,
    JSON.stringify({ seq: d.seq, hash: d.hash }),
  );
  return Number(lastInsertRowid);
}

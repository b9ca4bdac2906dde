import { createHash } from 'node:crypto';
import type { PolicyVersionInfo } from '../../../../shared/model/policy.js';
import type { ReadableDb, WritableDb } from '../db-types.js';

interface PolicyVersionRow {
  version: number;
  text: string;
  sha256: string;
  saved_at: string;
  saved_by: string | null;
  comment: string | null;
}

export interface StoredPolicyVersion extends PolicyVersionInfo {
  version: number;
  text: string;
}

function toVersion(row: PolicyVersionRow): StoredPolicyVersion {
  return { version: row.version, text: row.text, sha256: row.sha256, savedAt: row.saved_at, savedBy: row.saved_by, comment: row.comment };
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The policy in force: the newest saved version, or null when none was ever saved. */
export function latestPolicyVersion(db: ReadableDb): StoredPolicyVersion | null {
  const row = db.prepare('SELECT * FROM policy_versions ORDER BY version DESC LIMIT 1').get() as PolicyVersionRow | undefined;
  return row ? toVersion(row) : null;
}

export function findPolicyVersion(db: ReadableDb, version: number): StoredPolicyVersion | null {
  const row = db.prepare('SELECT * FROM policy_versions WHERE version = ?').get(version) as PolicyVersionRow | undefined;
  return row ? toVersion(row) : null;
}

export function listPolicyVersions(db: ReadableDb): PolicyVersionInfo[] {
  return (db.prepare('SELECT version, sha256, saved_at, saved_by, comment, \'\' AS text FROM policy_versions ORDER BY version DESC').all() as PolicyVersionRow[]).map(
    (row) => {
      const { text: _text, ...info } = toVersion(row);
      return info;
    },
  );
}

/** Appends a version (1, 2, 3 …); versions are never changed or removed. */
export function insertPolicyVersion(db: WritableDb, input: { text: string; savedBy: string | null; comment: string | null }): StoredPolicyVersion {
  const next = ((db.prepare('SELECT MAX(version) FROM policy_versions').pluck().get() as number | null) ?? 0) + 1;
  const savedAt = new Date().toISOString();
  const sha256 = sha256Hex(input.text);
  db.prepare('INSERT INTO policy_versions (version, text, sha256, saved_at, saved_by, comment) VALUES (?, ?, ?, ?, ?, ?)').run(
    next,
    input.text,
    sha256,
    savedAt,
    input.savedBy,
    input.comment,
  );
  return { version: next, text: input.text, sha256, savedAt, savedBy: input.savedBy, comment: input.comment };
}

import type { ReadableDb, WritableDb } from '../db-types.js';

export interface ReviewerKeyRow {
  fingerprint: string;
  name: string;
  email: string;
  publicKey: string;
  /** The sealed private key (JSON), or null for a key known only from imported decisions. */
  sealedPrivateKey: string | null;
  createdAt: string;
  origin: string;
}

interface Row {
  fingerprint: string;
  name: string;
  email: string;
  public_key: string;
  sealed_private_key: string | null;
  created_at: string;
  origin: string;
}

function toKey(row: Row): ReviewerKeyRow {
  return {
    fingerprint: row.fingerprint,
    name: row.name,
    email: row.email,
    publicKey: row.public_key,
    sealedPrivateKey: row.sealed_private_key,
    createdAt: row.created_at,
    origin: row.origin,
  };
}

/** The reviewer's own signing key (the newest one with a private part) for an email address. */
export function findSigningKey(db: ReadableDb, email: string): ReviewerKeyRow | null {
  const row = db
    .prepare('SELECT * FROM reviewer_keys WHERE email = ? AND sealed_private_key IS NOT NULL ORDER BY created_at DESC LIMIT 1')
    .get(email) as Row | undefined;
  return row ? toKey(row) : null;
}

export function findKey(db: ReadableDb, fingerprint: string): ReviewerKeyRow | null {
  const row = db.prepare('SELECT * FROM reviewer_keys WHERE fingerprint = ?').get(fingerprint) as Row | undefined;
  return row ? toKey(row) : null;
}

export function listKeys(db: ReadableDb): ReviewerKeyRow[] {
  return (db.prepare('SELECT * FROM reviewer_keys ORDER BY created_at').all() as Row[]).map(toKey);
}

/** Adds a key; a key already known (same fingerprint) is kept as it is. */
export function insertKey(db: WritableDb, key: ReviewerKeyRow): void {
  db.prepare(
    `INSERT INTO reviewer_keys (fingerprint, name, email, public_key, sealed_private_key, created_at, origin)
     VALUES (@fingerprint, @name, @email, @publicKey, @sealedPrivateKey, @createdAt, @origin) ON CONFLICT (fingerprint) DO NOTHING`,
  ).run(key);
}

const currentReviewerKey = 'reviewer.current';

export function currentReviewer(db: ReadableDb): { name: string; email: string } | null {
  const value = db.prepare('SELECT value FROM workspace_meta WHERE key = ?').pluck().get(currentReviewerKey) as string | undefined;
  return value ? (JSON.parse(value) as { name: string; email: string }) : null;
}

export function setCurrentReviewer(db: WritableDb, reviewer: { name: string; email: string }): void {
  db.prepare('INSERT INTO workspace_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    currentReviewerKey,
    JSON.stringify(reviewer),
  );
}

import type { Migration } from './index.js';

/**
 * The review trail's companions: every saved policy version (append-only, like decisions), reviewers' signing
 * keys (the private key sealed with the reviewer's passphrase; imported keys are public only), and what each
 * decision saw when it was made (its snapshot), so a re-scan can tell what changed since.
 */
export const reviewTrail: Migration = {
  version: 30,
  name: '0030-review-trail',
  up(db) {
    db.exec(`
      CREATE TABLE policy_versions (
        version INTEGER PRIMARY KEY,
        text TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        saved_by TEXT,
        comment TEXT
      ) STRICT;
      CREATE TRIGGER policy_versions_are_append_only_update BEFORE UPDATE ON policy_versions
        BEGIN SELECT RAISE(ABORT, 'policy versions are append-only: save a new version instead'); END;
      CREATE TRIGGER policy_versions_are_append_only_delete BEFORE DELETE ON policy_versions
        BEGIN SELECT RAISE(ABORT, 'policy versions are append-only: save a new version instead'); END;

      CREATE TABLE reviewer_keys (
        fingerprint TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        email TEXT NOT NULL,
        public_key TEXT NOT NULL,
        sealed_private_key TEXT,
        created_at TEXT NOT NULL,
        origin TEXT NOT NULL
      ) STRICT;
      CREATE INDEX reviewer_keys_by_email ON reviewer_keys(email);

      ALTER TABLE decisions ADD COLUMN snapshot TEXT NOT NULL DEFAULT 'null';
      CREATE INDEX decisions_by_supersedes ON decisions(supersedes_uid);
    `);
  },
};

import type { Migration } from './index.js';

/**
 * Projects → scans (one per run, a snapshot) → files, components, dependencies, findings of that scan.
 * Detection results are cached by file content (contents, content_findings) so that identical files, in one
 * tree or across scans, are read and detected once. Decisions are workspace-wide and append-only.
 */
export const initialSchema: Migration = {
  version: 10,
  name: '0010-initial-schema',
  up(db) {
    db.exec(`
      CREATE TABLE workspace_meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) WITHOUT ROWID;

      CREATE TABLE projects (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        distribution_model TEXT NOT NULL DEFAULT 'binary'
          CHECK (distribution_model IN ('internal', 'saas', 'binary', 'source'))
      );

      CREATE TABLE project_sources (
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        path TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('folder', 'sbom')),
        added_at TEXT NOT NULL,
        PRIMARY KEY (project_id, path)
      ) WITHOUT ROWID;

      CREATE TABLE scans (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        status TEXT NOT NULL CHECK (status IN ('running', 'finished', 'cancelled', 'failed', 'interrupted')),
        started_at TEXT NOT NULL,
        finished_at TEXT,
        duration_ms INTEGER,
        tool_version TEXT NOT NULL,
        options TEXT NOT NULL,
        stats TEXT,
        error TEXT,
        owner_pid INTEGER,
        owner_host TEXT
      );
      CREATE INDEX scans_by_project ON scans(project_id, status, id);

      CREATE TABLE contents (
        sha256 TEXT PRIMARY KEY,
        sha1 TEXT,
        size INTEGER NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('text', 'binary', 'archive', 'too-large', 'unreadable')),
        encoding TEXT,
        detector_version TEXT NOT NULL,
        error TEXT
      ) WITHOUT ROWID;

      CREATE TABLE content_findings (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL REFERENCES contents(sha256) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        license TEXT,
        score REAL NOT NULL,
        start_line INTEGER,
        end_line INTEGER,
        text TEXT NOT NULL,
        text_hash TEXT NOT NULL,
        matched_by TEXT NOT NULL,
        modified INTEGER NOT NULL DEFAULT 0,
        details TEXT
      );
      CREATE INDEX content_findings_by_content ON content_findings(sha256);

      CREATE TABLE components (
        id INTEGER PRIMARY KEY,
        scan_id INTEGER NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        purl TEXT,
        namespace TEXT,
        name TEXT NOT NULL,
        version TEXT,
        ecosystem TEXT NOT NULL,
        scope TEXT NOT NULL DEFAULT 'unknown',
        source_path TEXT,
        root_path TEXT,
        is_project_root INTEGER NOT NULL DEFAULT 0,
        declared_verbatim TEXT,
        declared_expression TEXT,
        declared_normalised INTEGER NOT NULL DEFAULT 0,
        description TEXT,
        supplier TEXT,
        author TEXT,
        cpe TEXT,
        hashes TEXT NOT NULL DEFAULT '[]',
        external_refs TEXT NOT NULL DEFAULT '[]',
        origins TEXT NOT NULL DEFAULT '[]',
        extra TEXT,
        extra_format TEXT,
        UNIQUE (scan_id, key)
      );
      CREATE INDEX components_by_purl ON components(purl);

      CREATE TABLE dependencies (
        scan_id INTEGER NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
        from_id INTEGER NOT NULL REFERENCES components(id) ON DELETE CASCADE,
        to_id INTEGER NOT NULL REFERENCES components(id) ON DELETE CASCADE,
        scope TEXT NOT NULL DEFAULT 'unknown',
        PRIMARY KEY (from_id, to_id)
      ) WITHOUT ROWID;
      CREATE INDEX dependencies_by_target ON dependencies(to_id);

      CREATE TABLE files (
        id INTEGER PRIMARY KEY,
        scan_id INTEGER NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
        source_path TEXT NOT NULL,
        path TEXT NOT NULL,
        size INTEGER NOT NULL,
        mtime_ms REAL,
        sha256 TEXT,
        type TEXT NOT NULL CHECK (type IN ('text', 'binary', 'archive', 'too-large', 'unreadable')),
        component_id INTEGER REFERENCES components(id) ON DELETE SET NULL,
        UNIQUE (scan_id, source_path, path)
      );
      CREATE INDEX files_by_component ON files(component_id);
      CREATE INDEX files_by_content ON files(sha256);

      CREATE TABLE findings (
        id INTEGER PRIMARY KEY,
        scan_id INTEGER NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
        component_id INTEGER REFERENCES components(id) ON DELETE SET NULL,
        file_id INTEGER REFERENCES files(id) ON DELETE CASCADE,
        content_finding_id INTEGER REFERENCES content_findings(id),
        path TEXT,
        kind TEXT NOT NULL,
        license TEXT,
        score REAL NOT NULL,
        start_line INTEGER,
        end_line INTEGER,
        text TEXT,
        matched_by TEXT NOT NULL,
        modified INTEGER NOT NULL DEFAULT 0,
        key TEXT NOT NULL
      );
      CREATE INDEX findings_by_scan ON findings(scan_id, kind);
      CREATE INDEX findings_by_component ON findings(component_id);
      CREATE INDEX findings_by_file ON findings(file_id);
      CREATE INDEX findings_by_key ON findings(key);

      CREATE TABLE scan_warnings (
        id INTEGER PRIMARY KEY,
        scan_id INTEGER NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
        path TEXT NOT NULL,
        location TEXT,
        message TEXT NOT NULL
      );
      CREATE INDEX scan_warnings_by_scan ON scan_warnings(scan_id);

      -- Audit decisions: append-only. A change is a new row that supersedes an older one. Each row carries the
      -- hash of the previous row (a chain over the whole trail) and the reviewer's signature.
      CREATE TABLE decisions (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        seq INTEGER NOT NULL UNIQUE,
        subject_type TEXT NOT NULL CHECK (subject_type IN ('component', 'component-range', 'finding', 'path')),
        subject_key TEXT NOT NULL,
        subject TEXT NOT NULL,
        project_id INTEGER,
        state TEXT NOT NULL CHECK (state IN ('approved', 'approved-with-conditions', 'rejected',
          'needs-legal-review', 'exception', 'not-applicable')),
        concluded_license TEXT,
        rationale TEXT,
        obligations TEXT NOT NULL DEFAULT '[]',
        expires_at TEXT,
        reviewer_name TEXT NOT NULL,
        reviewer_email TEXT NOT NULL,
        reviewer_key TEXT NOT NULL,
        decided_at TEXT NOT NULL,
        policy_version INTEGER,
        supersedes_uid TEXT,
        origin TEXT NOT NULL DEFAULT 'local',
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL,
        signature TEXT NOT NULL
      );
      CREATE INDEX decisions_by_subject ON decisions(subject_key);
      CREATE TRIGGER decisions_are_append_only_update BEFORE UPDATE ON decisions
        BEGIN SELECT RAISE(ABORT, 'decisions are append-only: record a new decision instead'); END;
      CREATE TRIGGER decisions_are_append_only_delete BEFORE DELETE ON decisions
        BEGIN SELECT RAISE(ABORT, 'decisions are append-only: record a new decision instead'); END;
    `);
  },
};

import type { Migration } from './index.js';

/**
 * Imported SBOM documents keep what is not a component: the document's identity, services, compositions,
 * annotations and vulnerabilities with their VEX analysis, so exports and later reviews can carry them.
 */
export const sbomDocuments: Migration = {
  version: 20,
  name: '0020-sbom-documents',
  up(db) {
    db.exec(`
      CREATE TABLE sbom_documents (
        id INTEGER PRIMARY KEY,
        scan_id INTEGER NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
        file_path TEXT NOT NULL,
        format TEXT NOT NULL,
        spec_version TEXT NOT NULL,
        serialisation TEXT NOT NULL,
        name TEXT,
        serial_number TEXT,
        created_at TEXT,
        tools TEXT NOT NULL DEFAULT '[]',
        services TEXT NOT NULL DEFAULT '[]',
        compositions TEXT NOT NULL DEFAULT '[]',
        annotations TEXT NOT NULL DEFAULT '[]',
        problem_count INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX sbom_documents_by_scan ON sbom_documents(scan_id);

      CREATE TABLE vulnerabilities (
        id INTEGER PRIMARY KEY,
        scan_id INTEGER NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
        document_id INTEGER NOT NULL REFERENCES sbom_documents(id) ON DELETE CASCADE,
        vuln_id TEXT NOT NULL,
        source TEXT,
        affects TEXT NOT NULL DEFAULT '[]',
        analysis TEXT,
        raw TEXT NOT NULL
      );
      CREATE INDEX vulnerabilities_by_scan ON vulnerabilities(scan_id);
    `);
  },
};

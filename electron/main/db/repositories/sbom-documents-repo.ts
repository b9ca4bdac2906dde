import type { SbomDependency, SbomDocument } from '../../engine/2-detect/sbom/types.js';
import type { ReadableDb, WritableDb } from '../db-types.js';

export function storeSbomDocument(db: WritableDb, scanId: number, filePath: string, doc: SbomDocument): number {
  return db.transaction(() => {
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO sbom_documents (scan_id, file_path, format, spec_version, serialisation, name, serial_number, created_at,
           tools, services, compositions, annotations, service_dependencies, problem_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        scanId, filePath, doc.format, doc.specVersion, doc.serialisation, doc.name, doc.serialNumber, doc.createdAt,
        JSON.stringify(doc.tools), JSON.stringify(doc.services), JSON.stringify(doc.compositions),
        JSON.stringify(doc.annotations), JSON.stringify(serviceDependenciesOf(doc)), doc.problems.length,
      );
    const documentId = Number(lastInsertRowid);
    const insertVulnerability = db.prepare(
      'INSERT INTO vulnerabilities (scan_id, document_id, vuln_id, source, affects, analysis, raw) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    for (const v of doc.vulnerabilities) {
      insertVulnerability.run(scanId, documentId, v.id, v.source, JSON.stringify(v.affects), v.analysis ? JSON.stringify(v.analysis) : null, JSON.stringify(v.raw));
    }
    return documentId;
  }).immediate();
}

/**
 * The document's dependency edges that start or end at a (nested) service: a service's whole entry, and of a
 * component's entry only its service targets (its component edges are stored as the scan's dependencies).
 */
export function serviceDependenciesOf(doc: Pick<SbomDocument, 'services' | 'dependencies'>): SbomDependency[] {
  const serviceRefs = new Set<string>();
  const pending: unknown[] = [...doc.services];
  while (pending.length > 0) {
    const service = pending.pop();
    if (typeof service !== 'object' || service === null || Array.isArray(service)) continue;
    const { 'bom-ref': ref, services } = service as Record<string, unknown>;
    if (typeof ref === 'string' && ref !== '') serviceRefs.add(ref);
    // A loop, not push(...services): a hostile document's list may exceed the argument limit.
    if (Array.isArray(services)) for (const child of services as unknown[]) pending.push(child);
  }
  if (serviceRefs.size === 0) return [];
  return doc.dependencies.flatMap((dependency) => {
    const dependsOn = serviceRefs.has(dependency.ref) ? dependency.dependsOn : dependency.dependsOn.filter((ref) => serviceRefs.has(ref));
    return dependsOn.length > 0 ? [{ ref: dependency.ref, dependsOn }] : [];
  });
}

export interface StoredSbomDocument {
  id: number;
  filePath: string;
  format: string;
  specVersion: string;
  serialisation: string;
  name: string | null;
  problemCount: number;
}

export function listSbomDocuments(db: ReadableDb, scanId: number): StoredSbomDocument[] {
  return db
    .prepare(
      `SELECT id, file_path AS filePath, format, spec_version AS specVersion, serialisation, name, problem_count AS problemCount
       FROM sbom_documents WHERE scan_id = ? ORDER BY id`,
    )
    .all(scanId) as StoredSbomDocument[];
}

export function vulnerabilitiesOf(db: ReadableDb, scanId: number): Record<string, unknown>[] {
  return (db.prepare('SELECT raw FROM vulnerabilities WHERE scan_id = ? ORDER BY id').pluck().all(scanId) as string[]).map(
    (raw) => JSON.parse(raw) as Record<string, unknown>,
  );
}

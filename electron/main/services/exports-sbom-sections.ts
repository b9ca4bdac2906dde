import type { ReadableDb } from '../db/db-types.js';
import { latestScanSql } from '../db/repositories/projects-repo.js';
import type { ExportModel } from '../engine/6-report/export-model.js';
import { ImportedSectionsCollector, type ImportedDocumentSections } from '../engine/6-report/imported-sections.js';

type Json = Record<string, unknown>;

interface DocumentRow {
  id: number;
  format: string;
  services: string;
  compositions: string;
  annotations: string;
  serviceDependencies: string;
}

interface VulnerabilityRow {
  vulnId: string;
  affects: string;
  analysis: string | null;
  raw: string;
}

/**
 * Adds to an export model what the SBOMs imported by the exported scans hold besides components: services,
 * compositions, annotations (CycloneDX documents) and vulnerabilities (any), with their refs rewritten from each
 * document's refs to the exported components' keys. Replaces the model's vulnerabilities, which still carry the
 * documents' refs. Dependency edges that touch a service (stored apart at import: the scan's dependencies hold
 * component edges only) become the model's serviceDependencies, their refs rewritten the same way.
 */
export function addImportedSbomSections(db: ReadableDb, projectIds: number[] | null, model: ExportModel): void {
  const scans = (db.prepare(`WITH latest AS (${latestScanSql}) SELECT project_id AS projectId, scan_id AS scanId FROM latest ORDER BY project_id`).all() as {
    projectId: number;
    scanId: number;
  }[]).filter((scan) => projectIds === null || projectIds.includes(scan.projectId));
  const exported = new Set([...model.roots, ...model.components].map((component) => component.key));
  const collector = new ImportedSectionsCollector(exported);
  const documentsOf = db.prepare(`SELECT id, format, services, compositions, annotations, service_dependencies AS serviceDependencies
     FROM sbom_documents WHERE scan_id = ? ORDER BY id`);
  const vulnerabilitiesOf = db.prepare('SELECT vuln_id AS vulnId, affects, analysis, raw FROM vulnerabilities WHERE document_id = ? ORDER BY id');
  const componentsOf = db.prepare('SELECT key, extra FROM components WHERE scan_id = ? AND extra IS NOT NULL');
  for (const { scanId } of scans) {
    const documents = documentsOf.all(scanId) as DocumentRow[];
    if (documents.length === 0) continue;
    // An imported component keeps its document ref in `extra.ref`; two documents of one scan may share a ref.
    const keyByRef = new Map<string, string>();
    for (const row of componentsOf.all(scanId) as { key: string; extra: string }[]) {
      const ref = (JSON.parse(row.extra) as { ref?: unknown }).ref;
      if (typeof ref === 'string' && exported.has(row.key) && !keyByRef.has(ref)) keyByRef.set(ref, row.key);
    }
    for (const document of documents) {
      const cyclonedx = document.format === 'cyclonedx';
      const vulnerabilities = (vulnerabilitiesOf.all(document.id) as VulnerabilityRow[]).map((row) =>
        cyclonedx ? (JSON.parse(row.raw) as Json) : spdxVulnerability(row),
      );
      collector.add(
        {
          services: cyclonedx ? (JSON.parse(document.services) as Json[]) : [],
          compositions: cyclonedx ? (JSON.parse(document.compositions) as Json[]) : [],
          annotations: cyclonedx ? (JSON.parse(document.annotations) as Json[]) : [],
          vulnerabilities,
          dependencies: cyclonedx ? (JSON.parse(document.serviceDependencies) as ImportedDocumentSections['dependencies']) : [],
        },
        (ref) => keyByRef.get(ref),
      );
    }
  }
  const { vulnerabilities, ...sections } = collector.result();
  Object.assign(model, { vulnerabilities, ...sections });
}

/** An SPDX 3 vulnerability in CycloneDX's shape, from what the import stored of it (id, affected refs, VEX analysis). */
function spdxVulnerability(row: VulnerabilityRow): Json {
  const affects = (JSON.parse(row.affects) as string[]).map((ref) => ({ ref }));
  return { id: row.vulnId, affects, ...(row.analysis ? { analysis: JSON.parse(row.analysis) as Json } : {}) };
}

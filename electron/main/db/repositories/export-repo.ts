import type { ComponentHash, ExternalReference } from '../../../../shared/model/component.js';
import type { ExportComponent, ExportDecision, ExportModel } from '../../engine/6-report/export-model.js';
import type { ReadableDb } from '../db-types.js';
import { detectedKinds } from './components-repo.js';
import { latestScanSql } from './projects-repo.js';
import { vulnerabilitiesOf } from './sbom-documents-repo.js';

interface Row {
  id: number;
  scan_id: number;
  key: string;
  purl: string | null;
  namespace: string | null;
  name: string;
  version: string | null;
  ecosystem: ExportComponent['ecosystem'];
  scope: string;
  is_project_root: number;
  declared_verbatim: string | null;
  declared_expression: string | null;
  declared_normalised: number;
  description: string | null;
  supplier: string | null;
  author: string | null;
  cpe: string | null;
  hashes: string;
  external_refs: string;
  origins: string;
  extra: string | null;
  extra_format: 'cyclonedx' | 'spdx' | null;
}

const maxOccurrences = 1000;

/**
 * Reads the latest finished scan of each requested project into the writers' model: components with declared,
 * detected and copyright evidence, the dependency graph, and imported vulnerabilities.
 */
export function buildExportModel(
  db: ReadableDb,
  projectIds: number[] | null,
  tool: { name: string; version: string },
  documentName: string,
  /** The audit decision in force per component id, if any. */
  decisions: Map<number, { concluded: string | null; decision: ExportDecision }> = new Map(),
): ExportModel {
  const scans = db
    .prepare(`WITH latest AS (${latestScanSql}) SELECT project_id AS projectId, scan_id AS scanId FROM latest ORDER BY project_id`)
    .all() as { projectId: number; scanId: number }[];
  const wanted = scans.filter((s) => projectIds === null || projectIds.includes(s.projectId));

  const detectedOf = db.prepare(
    `SELECT license, path, start_line AS startLine, end_line AS endLine, score, kind FROM findings
     WHERE component_id = ? AND license IS NOT NULL AND kind IN ${detectedKinds} ORDER BY path, start_line LIMIT 500`,
  );
  const copyrightsOf = db.prepare(
    `SELECT DISTINCT coalesce(x.text, cf.text) FROM findings x LEFT JOIN content_findings cf ON cf.id = x.content_finding_id
     WHERE x.component_id = ? AND x.kind = 'copyright' LIMIT 200`,
  ).pluck();
  const occurrencesOf = db.prepare(`SELECT path FROM files WHERE component_id = ? ORDER BY path LIMIT ${maxOccurrences}`).pluck();

  const roots: ExportComponent[] = [];
  const components: ExportComponent[] = [];
  const dependencies: ExportModel['dependencies'] = [];
  const vulnerabilities: Record<string, unknown>[] = [];
  const keyById = new Map<number, string>();
  const usedKeys = new Set<string>();
  const edgesByFrom = new Map<string, Set<string>>();

  for (const { scanId } of wanted) {
    const rows = db.prepare('SELECT * FROM components WHERE scan_id = ? ORDER BY is_project_root DESC, name, version').all(scanId) as Row[];
    // Nested SBOM components name their parent by the document's ref; map refs to this scan's keys.
    const keyByRef = new Map<string, string>();
    for (const row of rows) {
      const ref = row.extra ? (JSON.parse(row.extra) as { ref?: string }).ref : undefined;
      if (ref) keyByRef.set(ref, row.key);
    }
    for (const row of rows) {
      // Two projects may hold the same package: keep one entry per key in the document.
      if (usedKeys.has(row.key)) {
        keyById.set(row.id, row.key);
        continue;
      }
      usedKeys.add(row.key);
      keyById.set(row.id, row.key);
      const extra = row.extra ? (JSON.parse(row.extra) as Record<string, unknown>) : null;
      const component: ExportComponent = {
        key: row.key,
        type: row.is_project_root ? 'application' : 'library',
        name: row.namespace && row.name.startsWith(row.namespace) ? row.name.slice(row.namespace.length + 1) : row.name,
        group: row.namespace,
        version: row.version,
        purl: row.purl,
        cpe: row.cpe,
        ecosystem: row.ecosystem,
        description: row.description,
        supplier: row.supplier,
        author: row.author,
        scope: row.scope,
        hashes: JSON.parse(row.hashes) as ComponentHash[],
        externalReferences: JSON.parse(row.external_refs) as ExternalReference[],
        declared: { verbatim: row.declared_verbatim, expression: row.declared_expression, normalised: row.declared_normalised === 1 },
        concluded: decisions.get(row.id)?.concluded ?? null,
        licenseTexts: ((extra?.['licenseTexts'] as { id: string; text: string }[] | undefined) ?? []).map((t) => ({ id: t.id, name: null, text: t.text })),
        detected: detectedOf.all(row.id) as ExportComponent['detected'],
        copyrights: copyrightsOf.all(row.id) as string[],
        occurrences: occurrencesOf.all(row.id) as string[],
        decisions: decisions.has(row.id) ? [decisions.get(row.id)!.decision] : [],
        properties: [{ name: 'clearance:origins', value: (JSON.parse(row.origins) as string[]).join(', ') }],
        parentKey: typeof extra?.['parentRef'] === 'string' ? (keyByRef.get(extra['parentRef']) ?? null) : null,
        extra: (extra?.['sbom'] as Record<string, unknown> | undefined) ?? null,
        extraFormat: row.extra_format,
      };
      (row.is_project_root ? roots : components).push(component);
    }
    const edges = db.prepare('SELECT from_id AS f, to_id AS t FROM dependencies WHERE scan_id = ?').all(scanId) as { f: number; t: number }[];
    for (const e of edges) {
      const from = keyById.get(e.f);
      const to = keyById.get(e.t);
      if (!from || !to || from === to) continue;
      const set = edgesByFrom.get(from) ?? new Set<string>();
      set.add(to);
      edgesByFrom.set(from, set);
    }
    vulnerabilities.push(...vulnerabilitiesOf(db, scanId));
  }
  for (const [from, to] of edgesByFrom) dependencies.push({ from, to: [...to].sort() });
  return {
    name: documentName,
    toolName: tool.name,
    toolVersion: tool.version,
    generatedAt: new Date().toISOString(),
    roots,
    components,
    dependencies,
    vulnerabilities,
  };
}

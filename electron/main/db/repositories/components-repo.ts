import type {
  ComponentDetail,
  ComponentHash,
  ComponentSummary,
  DependencyScope,
  Ecosystem,
  ExternalReference,
} from '../../../../shared/model/component.js';
import type { ReadableDb } from '../db-types.js';
import { latestScanSql } from './projects-repo.js';

interface ComponentRow {
  id: number;
  scan_id: number;
  project_id: number;
  key: string;
  purl: string | null;
  namespace: string | null;
  name: string;
  version: string | null;
  ecosystem: Ecosystem;
  scope: DependencyScope;
  source_path: string | null;
  root_path: string | null;
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
  extra_format: string | null;
  detected: string | null;
  file_count: number;
  finding_count: number;
  copyright_count: number;
}

/** License-bearing finding kinds: what "detected licenses" are made of. */
export const detectedKinds = "('license-text', 'license-notice', 'license-reference', 'spdx-tag')";

const summarySelect = `
  SELECT c.*, s.project_id,
    (SELECT group_concat(license, char(31)) FROM (SELECT DISTINCT x.license FROM findings x
       WHERE x.component_id = c.id AND x.license IS NOT NULL AND x.kind IN ${detectedKinds} ORDER BY x.license)) AS detected,
    (SELECT COUNT(*) FROM files f WHERE f.component_id = c.id) AS file_count,
    (SELECT COUNT(*) FROM findings x WHERE x.component_id = c.id) AS finding_count,
    (SELECT COUNT(*) FROM findings x WHERE x.component_id = c.id AND x.kind = 'copyright') AS copyright_count
  FROM components c JOIN scans s ON s.id = c.scan_id`;

function toSummary(row: ComponentRow): ComponentSummary {
  return {
    id: row.id,
    scanId: row.scan_id,
    projectId: row.project_id,
    key: row.key,
    purl: row.purl,
    name: row.name,
    version: row.version,
    ecosystem: row.ecosystem,
    scope: row.scope,
    rootPath: row.root_path,
    declared: { verbatim: row.declared_verbatim, expression: row.declared_expression, normalised: row.declared_normalised === 1 },
    concluded: null,
    detected: row.detected ? row.detected.split('\x1f') : [],
    fileCount: row.file_count,
    findingCount: row.finding_count,
    copyrightCount: row.copyright_count,
    origins: JSON.parse(row.origins) as string[],
  };
}

/** Components of the latest finished scan of one project, or of every project. */
export function listComponents(db: ReadableDb, projectId?: number): ComponentSummary[] {
  const rows = db
    .prepare(
      `WITH latest AS (${latestScanSql})
       ${summarySelect}
       WHERE c.scan_id IN (SELECT scan_id FROM latest WHERE @projectId IS NULL OR project_id = @projectId)
       ORDER BY c.is_project_root DESC, c.name COLLATE NOCASE, c.version`,
    )
    .all({ projectId: projectId ?? null }) as ComponentRow[];
  return rows.map(toSummary);
}

export function findComponentRow(db: ReadableDb, componentId: number): ComponentRow | null {
  return (db.prepare(`${summarySelect} WHERE c.id = ?`).get(componentId) as ComponentRow | undefined) ?? null;
}

export function getComponentDetail(db: ReadableDb, componentId: number): ComponentDetail | null {
  const row = findComponentRow(db, componentId);
  if (!row) return null;
  const neighbours = (sql: string): { id: number; name: string; version: string | null }[] =>
    db.prepare(sql).all(componentId) as { id: number; name: string; version: string | null }[];
  const copyrights = db
    .prepare(
      `SELECT DISTINCT coalesce(x.text, cf.text) AS text FROM findings x LEFT JOIN content_findings cf ON cf.id = x.content_finding_id
       WHERE x.component_id = ? AND x.kind = 'copyright' LIMIT 500`,
    )
    .pluck()
    .all(componentId) as string[];
  return {
    ...toSummary(row),
    description: row.description,
    supplier: row.supplier,
    author: row.author,
    cpe: row.cpe,
    hashes: JSON.parse(row.hashes) as ComponentHash[],
    externalReferences: JSON.parse(row.external_refs) as ExternalReference[],
    copyrights,
    dependencyPaths: dependencyPaths(db, row.scan_id, componentId),
    dependsOn: neighbours(
      'SELECT c.id, c.name, c.version FROM dependencies d JOIN components c ON c.id = d.to_id WHERE d.from_id = ? ORDER BY c.name',
    ),
    dependedOnBy: neighbours(
      'SELECT c.id, c.name, c.version FROM dependencies d JOIN components c ON c.id = d.from_id WHERE d.to_id = ? ORDER BY c.name',
    ),
  };
}

/** "Why is this here?": shortest chains from the project root to the component (breadth-first, reversed edges). */
export function dependencyPaths(db: ReadableDb, scanId: number, componentId: number, max = 5): string[][] {
  const edges = db.prepare('SELECT from_id AS f, to_id AS t FROM dependencies WHERE scan_id = ?').all(scanId) as { f: number; t: number }[];
  const names = new Map(
    (db.prepare('SELECT id, name, version, is_project_root FROM components WHERE scan_id = ?').all(scanId) as {
      id: number; name: string; version: string | null; is_project_root: number;
    }[]).map((c) => [c.id, { label: c.version ? `${c.name}@${c.version}` : c.name, root: c.is_project_root === 1 }]),
  );
  const parents = new Map<number, number[]>();
  for (const e of edges) parents.set(e.t, [...(parents.get(e.t) ?? []), e.f]);
  const results: number[][] = [];
  const queue: number[][] = [[componentId]];
  const seenAtDepth = new Set<number>([componentId]);
  while (queue.length > 0 && results.length < max) {
    const chain = queue.shift()!;
    const head = chain[0]!;
    if (names.get(head)?.root) {
      results.push(chain);
      continue;
    }
    for (const parent of parents.get(head) ?? []) {
      if (chain.includes(parent)) continue;
      if (seenAtDepth.has(parent) && results.length === 0 && queue.length > 2000) continue;
      seenAtDepth.add(parent);
      queue.push([parent, ...chain]);
    }
  }
  return results.map((chain) => chain.map((id) => names.get(id)?.label ?? String(id)));
}

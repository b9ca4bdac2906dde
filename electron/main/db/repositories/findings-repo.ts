import type { FindingsPage } from '../../../../shared/api/contract.js';
import type { ApiValidParams } from '../../../../shared/api/contract.js';
import type { Finding, FindingKind } from '../../../../shared/model/finding.js';
import type { ReadableDb } from '../db-types.js';
import { latestScanSql } from './projects-repo.js';

interface FindingRow {
  id: number;
  scan_id: number;
  component_id: number | null;
  component_name: string | null;
  file_id: number | null;
  path: string | null;
  kind: FindingKind;
  license: string | null;
  score: number;
  start_line: number | null;
  end_line: number | null;
  text: string;
  matched_by: string;
  modified: number;
  key: string;
}

function toFinding(row: FindingRow): Finding {
  return {
    id: row.id,
    scanId: row.scan_id,
    componentId: row.component_id,
    componentName: row.component_name,
    fileId: row.file_id,
    path: row.path,
    kind: row.kind,
    license: row.license,
    score: row.score,
    startLine: row.start_line,
    endLine: row.end_line,
    text: row.text,
    matchedBy: row.matched_by,
    modified: row.modified === 1,
    key: row.key,
  };
}

const findingSelect = `
  SELECT x.id, x.scan_id, x.component_id, c.name AS component_name, x.file_id, x.path, x.kind, x.license, x.score,
    x.start_line, x.end_line, coalesce(x.text, cf.text) AS text, x.matched_by, x.modified, x.key
  FROM findings x
  LEFT JOIN content_findings cf ON cf.id = x.content_finding_id
  LEFT JOIN components c ON c.id = x.component_id`;

const sortColumns = {
  path: 'x.path',
  kind: 'x.kind',
  license: 'x.license',
  score: 'x.score',
  component: 'c.name',
} as const;

type FindingsQuery = ApiValidParams<'findings.list'>;

function whereClause(query: FindingsQuery): { sql: string; params: Record<string, unknown> } {
  const conditions = [`x.scan_id IN (SELECT scan_id FROM latest WHERE @projectId IS NULL OR project_id = @projectId)`];
  const params: Record<string, unknown> = { projectId: query.projectId ?? null };
  if (query.componentId !== undefined) {
    conditions.push('x.component_id = @componentId');
    params['componentId'] = query.componentId;
  }
  if (query.fileId !== undefined) {
    conditions.push('x.file_id = @fileId');
    params['fileId'] = query.fileId;
  }
  if (query.kinds && query.kinds.length > 0) {
    conditions.push(`x.kind IN (${query.kinds.map((_, i) => `@kind${i}`).join(', ')})`);
    query.kinds.forEach((kind, i) => (params[`kind${i}`] = kind));
  }
  if (query.license) {
    conditions.push('x.license = @license');
    params['license'] = query.license;
  }
  if (query.search) {
    conditions.push(`(x.path LIKE @search ESCAPE '\\' OR x.license LIKE @search ESCAPE '\\' OR c.name LIKE @search ESCAPE '\\')`);
    params['search'] = `%${query.search.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  }
  return { sql: conditions.join(' AND '), params };
}

/** One page of findings of the latest scans, with the total and per-kind counts of the whole filtered set. */
export function listFindings(db: ReadableDb, query: FindingsQuery): FindingsPage {
  const { sql, params } = whereClause(query);
  const order = query.sort ? `${sortColumns[query.sort.column]} ${query.sort.desc ? 'DESC' : 'ASC'}, x.id` : 'x.path, x.start_line, x.id';
  const rows = db
    .prepare(`WITH latest AS (${latestScanSql}) ${findingSelect} WHERE ${sql} ORDER BY ${order} LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: query.limit, offset: query.offset }) as FindingRow[];
  const counts = db
    .prepare(
      `WITH latest AS (${latestScanSql}) SELECT x.kind AS kind, COUNT(*) AS n FROM findings x
       LEFT JOIN components c ON c.id = x.component_id WHERE ${sql} GROUP BY x.kind`,
    )
    .all(params) as { kind: string; n: number }[];
  const countsByKind = Object.fromEntries(counts.map((c) => [c.kind, c.n]));
  return { rows: rows.map(toFinding), total: counts.reduce((sum, c) => sum + c.n, 0), countsByKind };
}

export function findFinding(db: ReadableDb, findingId: number): Finding | null {
  const row = db.prepare(`${findingSelect} WHERE x.id = ?`).get(findingId) as FindingRow | undefined;
  return row ? toFinding(row) : null;
}

/** Every finding of the latest scan(s), streamed in path order (for the JSON Lines export). */
export function* iterateFindings(db: ReadableDb, projectId: number | null): Generator<Finding & { projectName: string }> {
  const statement = db.prepare(
    `WITH latest AS (${latestScanSql})
     ${findingSelect.replace('SELECT x.id,', 'SELECT p.name AS project_name, x.id,')}
     JOIN scans s ON s.id = x.scan_id JOIN projects p ON p.id = s.project_id
     WHERE x.scan_id IN (SELECT scan_id FROM latest WHERE @projectId IS NULL OR project_id = @projectId)
     ORDER BY p.name, x.path, x.start_line, x.id`,
  );
  for (const row of statement.iterate({ projectId }) as Iterable<FindingRow & { project_name: string }>) {
    yield { ...toFinding(row), projectName: row.project_name };
  }
}

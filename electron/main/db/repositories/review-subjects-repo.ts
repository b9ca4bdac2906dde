import type { Ecosystem } from '../../../../shared/model/component.js';
import type { DistributionModel } from '../../../../shared/model/project.js';
import type { ReadableDb } from '../db-types.js';
import { detectedKinds } from './components-repo.js';
import { latestScanSql } from './projects-repo.js';

/** A component as the review stage needs it: identity, paths and license evidence. */
export interface ReviewComponent {
  id: number;
  scanId: number;
  projectId: number;
  projectName: string;
  key: string;
  purl: string | null;
  name: string;
  version: string | null;
  ecosystem: Ecosystem;
  rootPath: string | null;
  sourcePath: string | null;
  declared: { expression: string | null; verbatim: string | null };
  detected: string[];
}

interface ComponentRow {
  id: number;
  scan_id: number;
  project_id: number;
  project_name: string;
  key: string;
  purl: string | null;
  name: string;
  version: string | null;
  ecosystem: Ecosystem;
  root_path: string | null;
  source_path: string | null;
  declared_expression: string | null;
  declared_verbatim: string | null;
  detected: string | null;
}

const componentSelect = `
  SELECT c.id, c.scan_id, s.project_id, p.name AS project_name, c.key, c.purl, c.name, c.version, c.ecosystem, c.root_path,
    c.source_path, c.declared_expression, c.declared_verbatim,
    (SELECT group_concat(license, char(31)) FROM (SELECT DISTINCT x.license FROM findings x
       WHERE x.component_id = c.id AND x.license IS NOT NULL AND x.kind IN ${detectedKinds} ORDER BY x.license)) AS detected
  FROM components c JOIN scans s ON s.id = c.scan_id JOIN projects p ON p.id = s.project_id`;

function toComponent(row: ComponentRow): ReviewComponent {
  return {
    id: row.id,
    scanId: row.scan_id,
    projectId: row.project_id,
    projectName: row.project_name,
    key: row.key,
    purl: row.purl,
    name: row.name,
    version: row.version,
    ecosystem: row.ecosystem,
    rootPath: row.root_path,
    sourcePath: row.source_path,
    declared: { expression: row.declared_expression, verbatim: row.declared_verbatim },
    detected: row.detected ? row.detected.split('\x1f') : [],
  };
}

/** Components of the latest finished scan of a project (or of every project). */
export function reviewComponents(db: ReadableDb, projectId: number | null): ReviewComponent[] {
  const rows = db
    .prepare(
      `WITH latest AS (${latestScanSql}) ${componentSelect}
       WHERE c.scan_id IN (SELECT scan_id FROM latest WHERE @projectId IS NULL OR project_id = @projectId)
       ORDER BY p.name, c.name COLLATE NOCASE, c.version`,
    )
    .all({ projectId }) as ComponentRow[];
  return rows.map(toComponent);
}

export function reviewComponent(db: ReadableDb, componentId: number): ReviewComponent | null {
  const row = db.prepare(`${componentSelect} WHERE c.id = ?`).get(componentId) as ComponentRow | undefined;
  return row ? toComponent(row) : null;
}

/** The newest component with this key (optionally in one project), from a finished scan. */
export function latestComponentByKey(db: ReadableDb, key: string, projectId: number | null): ReviewComponent | null {
  const row = db
    .prepare(
      `WITH latest AS (${latestScanSql}) ${componentSelect}
       WHERE c.key = @key AND c.scan_id IN (SELECT scan_id FROM latest WHERE @projectId IS NULL OR project_id = @projectId)
       ORDER BY c.scan_id DESC LIMIT 1`,
    )
    .get({ key, projectId }) as ComponentRow | undefined;
  return row ? toComponent(row) : null;
}

/** Keys of the components in the finished scan before the latest one: what was there before a re-scan. */
export function previousScanKeys(db: ReadableDb, projectId: number): Set<string> {
  const keys = db
    .prepare(
      `SELECT key FROM components WHERE scan_id = (
         SELECT id FROM scans WHERE project_id = @projectId AND status = 'finished' ORDER BY id DESC LIMIT 1 OFFSET 1)`,
    )
    .pluck()
    .all({ projectId }) as string[];
  return new Set(keys);
}

export interface ReviewFinding {
  id: number;
  projectId: number;
  key: string;
  kind: string;
  license: string | null;
  score: number;
  path: string | null;
  componentId: number | null;
  componentName: string | null;
  /** Stored hash of the folded text for file findings; null when the text is held inline (computed by the caller). */
  textHash: string | null;
  text: string | null;
}

interface FindingRow {
  id: number;
  project_id: number;
  key: string;
  kind: string;
  license: string | null;
  score: number;
  path: string | null;
  component_id: number | null;
  component_name: string | null;
  text_hash: string | null;
  text: string | null;
}

const findingSelect = `
  SELECT x.id, s.project_id, x.key, x.kind, x.license, x.score, x.path, x.component_id, c.name AS component_name,
    cf.text_hash, x.text
  FROM findings x JOIN scans s ON s.id = x.scan_id
  LEFT JOIN content_findings cf ON cf.id = x.content_finding_id
  LEFT JOIN components c ON c.id = x.component_id`;

function toFinding(row: FindingRow): ReviewFinding {
  return {
    id: row.id,
    projectId: row.project_id,
    key: row.key,
    kind: row.kind,
    license: row.license,
    score: row.score,
    path: row.path,
    componentId: row.component_id,
    componentName: row.component_name,
    textHash: row.text_hash,
    text: row.text,
  };
}

/** Findings of the given kinds in a project's latest scan, streamed in path order. */
export function* iterateReviewFindings(db: ReadableDb, projectId: number, kinds: readonly string[]): Generator<ReviewFinding> {
  if (kinds.length === 0) return;
  const params = Object.fromEntries(kinds.map((k, i) => [`k${i}`, k]));
  const statement = db.prepare(
    `WITH latest AS (${latestScanSql}) ${findingSelect}
     WHERE x.scan_id = (SELECT scan_id FROM latest WHERE project_id = @projectId)
       AND x.kind IN (${kinds.map((_, i) => `@k${i}`).join(', ')})
     ORDER BY x.path, x.start_line, x.id`,
  );
  for (const row of statement.iterate({ projectId, ...params }) as Iterable<FindingRow>) yield toFinding(row);
}

/** Subject keys (`finding:<key>`) of every finding in a project's latest scan. */
export function liveFindingKeys(db: ReadableDb, projectId: number): Set<string> {
  const keys = db
    .prepare(`WITH latest AS (${latestScanSql}) SELECT 'finding:' || key FROM findings WHERE scan_id = (SELECT scan_id FROM latest WHERE project_id = ?)`)
    .pluck()
    .all(projectId) as string[];
  return new Set(keys);
}

export function latestFindingByKey(db: ReadableDb, key: string, projectId: number | null): ReviewFinding | null {
  const row = db
    .prepare(
      `WITH latest AS (${latestScanSql}) ${findingSelect}
       WHERE x.key = @key AND x.scan_id IN (SELECT scan_id FROM latest WHERE @projectId IS NULL OR project_id = @projectId)
       ORDER BY x.id DESC LIMIT 1`,
    )
    .get({ key, projectId }) as FindingRow | undefined;
  return row ? toFinding(row) : null;
}

export function findReviewFinding(db: ReadableDb, findingId: number): ReviewFinding | null {
  const row = db.prepare(`${findingSelect} WHERE x.id = ?`).get(findingId) as FindingRow | undefined;
  return row ? toFinding(row) : null;
}

export interface ProjectRef {
  id: number;
  name: string;
  distributionModel: DistributionModel;
}

export function projectRefs(db: ReadableDb): ProjectRef[] {
  return db.prepare('SELECT id, name, distribution_model AS distributionModel FROM projects ORDER BY name').all() as ProjectRef[];
}

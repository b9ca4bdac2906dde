import type { DistributionModel, Project, ProjectSource, ProjectSummary } from '../../../../shared/model/project.js';
import type { ReadableDb, WritableDb } from '../db-types.js';

interface ProjectRow {
  id: number;
  name: string;
  created_at: string;
  distribution_model: DistributionModel;
}

function sourcesOf(db: ReadableDb, projectId: number): ProjectSource[] {
  return db
    .prepare('SELECT path, kind FROM project_sources WHERE project_id = ? ORDER BY added_at, path')
    .all(projectId) as ProjectSource[];
}

function toProject(db: ReadableDb, row: ProjectRow): Project {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
    distributionModel: row.distribution_model,
    sources: sourcesOf(db, row.id),
  };
}

export function findProject(db: ReadableDb, projectId: number): Project | null {
  const row = db.prepare('SELECT * FROM projects WHERE id = ?').get(projectId) as ProjectRow | undefined;
  return row ? toProject(db, row) : null;
}

export function findProjectByName(db: ReadableDb, name: string): Project | null {
  const row = db.prepare('SELECT * FROM projects WHERE name = ?').get(name) as ProjectRow | undefined;
  return row ? toProject(db, row) : null;
}

/** The project that already has this folder or SBOM among its sources, if any (re-scans reuse it). */
export function findProjectBySourcePath(db: ReadableDb, sourcePath: string): Project | null {
  const row = db
    .prepare('SELECT p.* FROM projects p JOIN project_sources s ON s.project_id = p.id WHERE s.path = ? ORDER BY p.id LIMIT 1')
    .get(sourcePath) as ProjectRow | undefined;
  return row ? toProject(db, row) : null;
}

export function listProjects(db: ReadableDb): Project[] {
  const rows = db.prepare('SELECT * FROM projects ORDER BY name COLLATE NOCASE').all() as ProjectRow[];
  return rows.map((row) => toProject(db, row));
}

export function createProject(db: WritableDb, name: string, distributionModel: DistributionModel = 'binary'): Project {
  const createdAt = new Date().toISOString();
  const { lastInsertRowid } = db
    .prepare('INSERT INTO projects (name, created_at, distribution_model) VALUES (?, ?, ?)')
    .run(name, createdAt, distributionModel);
  return { id: Number(lastInsertRowid), name, createdAt, distributionModel, sources: [] };
}

/** A name not yet used: "app", "app (2)", "app (3)" … */
export function uniqueProjectName(db: ReadableDb, wanted: string): string {
  let name = wanted;
  for (let n = 2; findProjectByName(db, name); n++) name = `${wanted} (${n})`;
  return name;
}

export function addProjectSources(db: WritableDb, projectId: number, sources: ProjectSource[]): void {
  const insert = db.prepare(
    'INSERT INTO project_sources (project_id, path, kind, added_at) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET kind = excluded.kind',
  );
  const now = new Date().toISOString();
  for (const source of sources) insert.run(projectId, source.path, source.kind, now);
}

export function removeProjectSources(db: WritableDb, projectId: number, paths: string[]): void {
  const remove = db.prepare('DELETE FROM project_sources WHERE project_id = ? AND path = ?');
  for (const p of paths) remove.run(projectId, p);
}

export function renameProject(db: WritableDb, projectId: number, name: string): void {
  db.prepare('UPDATE projects SET name = ? WHERE id = ?').run(name, projectId);
}

export function setDistributionModel(db: WritableDb, projectId: number, model: DistributionModel): void {
  db.prepare('UPDATE projects SET distribution_model = ? WHERE id = ?').run(model, projectId);
}

export function deleteProject(db: WritableDb, projectId: number): void {
  db.prepare('DELETE FROM projects WHERE id = ?').run(projectId);
}

/** The newest finished scan per project: what every "current" view reads. */
export const latestScanSql = `
  SELECT project_id, MAX(id) AS scan_id FROM scans WHERE status = 'finished' GROUP BY project_id`;

export function latestScanId(db: ReadableDb, projectId: number): number | null {
  const row = db
    .prepare("SELECT MAX(id) AS id FROM scans WHERE project_id = ? AND status = 'finished'")
    .get(projectId) as { id: number | null };
  return row.id;
}

export function summarizeProjects(db: ReadableDb, runningJobs: Map<number, string>): ProjectSummary[] {
  const counts = db
    .prepare(
      `WITH latest AS (${latestScanSql})
       SELECT latest.project_id AS projectId, latest.scan_id AS scanId, s.finished_at AS finishedAt,
         (SELECT COUNT(*) FROM components c WHERE c.scan_id = latest.scan_id) AS components,
         (SELECT COUNT(*) FROM files f WHERE f.scan_id = latest.scan_id) AS files,
         (SELECT COUNT(*) FROM findings x WHERE x.scan_id = latest.scan_id) AS findings,
         (SELECT COUNT(*) FROM findings x WHERE x.scan_id = latest.scan_id
            AND x.kind IN ('license-mismatch', 'unknown-license', 'manifest-error')) AS attention
       FROM latest JOIN scans s ON s.id = latest.scan_id`,
    )
    .all() as { projectId: number; scanId: number; finishedAt: string; components: number; files: number; findings: number; attention: number }[];
  const byProject = new Map(counts.map((c) => [c.projectId, c]));
  return listProjects(db).map((project) => {
    const c = byProject.get(project.id);
    return {
      ...project,
      latestScanId: c?.scanId ?? null,
      latestScanAt: c?.finishedAt ?? null,
      componentCount: c?.components ?? 0,
      fileCount: c?.files ?? 0,
      findingCount: c?.findings ?? 0,
      attentionCount: c?.attention ?? 0,
      runningJobId: runningJobs.get(project.id) ?? null,
    };
  });
}

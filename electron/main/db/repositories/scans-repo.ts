import { hostname } from 'node:os';
import type { Scan, ScanOptions, ScanStats, ScanStatus, ScanWarning } from '../../../../shared/model/scan.js';
import type { ReadableDb, WritableDb } from '../db-types.js';

interface ScanRow {
  id: number;
  project_id: number;
  status: ScanStatus;
  started_at: string;
  finished_at: string | null;
  duration_ms: number | null;
  tool_version: string;
  options: string;
  stats: string | null;
  error: string | null;
}

function toScan(row: ScanRow): Scan {
  return {
    id: row.id,
    projectId: row.project_id,
    status: row.status,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    durationMs: row.duration_ms,
    toolVersion: row.tool_version,
    options: JSON.parse(row.options) as ScanOptions,
    stats: row.stats ? (JSON.parse(row.stats) as ScanStats) : null,
    error: row.error,
  };
}

export function createScan(db: WritableDb, projectId: number, options: ScanOptions, toolVersion: string): Scan {
  const startedAt = new Date().toISOString();
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO scans (project_id, status, started_at, tool_version, options, owner_pid, owner_host)
       VALUES (?, 'running', ?, ?, ?, ?, ?)`,
    )
    .run(projectId, startedAt, toolVersion, JSON.stringify(options), process.pid, hostname());
  return findScan(db, Number(lastInsertRowid))!;
}

export function findScan(db: ReadableDb, scanId: number): Scan | null {
  const row = db.prepare('SELECT * FROM scans WHERE id = ?').get(scanId) as ScanRow | undefined;
  return row ? toScan(row) : null;
}

export function listScans(db: ReadableDb, projectId: number): Scan[] {
  return (db.prepare('SELECT * FROM scans WHERE project_id = ? ORDER BY id DESC').all(projectId) as ScanRow[]).map(toScan);
}

/** Ends a scan. Only a finished scan keeps its rows: anything else is removed so it is never half-visible. */
export function endScan(
  db: WritableDb,
  scanId: number,
  status: Exclude<ScanStatus, 'running'>,
  result: { stats?: ScanStats; error?: string | null },
): void {
  const finishedAt = new Date();
  db.transaction(() => {
    if (status !== 'finished') purgeScanRows(db, scanId);
    const started = db.prepare('SELECT started_at FROM scans WHERE id = ?').get(scanId) as { started_at: string } | undefined;
    const duration = started ? finishedAt.getTime() - Date.parse(started.started_at) : null;
    db.prepare(
      'UPDATE scans SET status = ?, finished_at = ?, duration_ms = ?, stats = ?, error = ?, owner_pid = NULL WHERE id = ?',
    ).run(status, finishedAt.toISOString(), duration, result.stats ? JSON.stringify(result.stats) : null, result.error ?? null, scanId);
  }).immediate();
}

/** Deletes what a scan wrote (files, components, findings …) but keeps its row as history. */
export function purgeScanRows(db: WritableDb, scanId: number): void {
  for (const table of ['findings', 'dependencies', 'files', 'components', 'scan_warnings', 'vulnerabilities', 'sbom_documents']) {
    db.prepare(`DELETE FROM ${table} WHERE scan_id = ?`).run(scanId);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Scans left 'running' by a process that no longer exists were killed: mark them interrupted and remove their
 * partial rows. Run when a workspace is opened for writing.
 */
export function recoverInterruptedScans(db: WritableDb): number {
  const running = db
    .prepare("SELECT id, owner_pid, owner_host FROM scans WHERE status = 'running'")
    .all() as { id: number; owner_pid: number | null; owner_host: string | null }[];
  let recovered = 0;
  for (const scan of running) {
    const ownedHere = scan.owner_host === hostname();
    if (ownedHere && scan.owner_pid !== null && isAlive(scan.owner_pid)) continue;
    if (!ownedHere && scan.owner_host !== null) continue;
    endScan(db, scan.id, 'interrupted', { error: 'the process running this scan stopped before it finished' });
    recovered++;
  }
  return recovered;
}

export function listScanWarnings(db: ReadableDb, scanId: number): ScanWarning[] {
  return db
    .prepare('SELECT path, location, message FROM scan_warnings WHERE scan_id = ? ORDER BY id')
    .all(scanId) as ScanWarning[];
}

import type { FileTreeEntry, FileType, ScannedFile } from '../../../../shared/model/file.js';
import type { PreviousFile } from '../../engine/run-scan.js';
import type { Statement } from 'better-sqlite3';
import type { ReadableDb } from '../db-types.js';

/**
 * The previous scan's files of one source, with whether their content's findings came from the current
 * detector (only those can be reused without reading the file again). One query for the whole tree.
 */
export function previousFilesOf(db: ReadableDb, scanId: number, sourcePath: string, detectorVersion: string): Map<string, PreviousFile> {
  const rows = db
    .prepare(
      `SELECT f.path, f.size, f.mtime_ms AS mtimeMs, f.sha256, f.type,
         (f.sha256 IS NULL OR c.detector_version = @detectorVersion) AS current, k.key AS componentKey
       FROM files f LEFT JOIN contents c ON c.sha256 = f.sha256 LEFT JOIN components k ON k.id = f.component_id
       WHERE f.scan_id = @scanId AND f.source_path = @sourcePath`,
    )
    .all({ scanId, sourcePath, detectorVersion }) as (Omit<PreviousFile, 'current'> & { path: string; current: number })[];
  return new Map(rows.map(({ path, current, ...rest }) => [path, { ...rest, current: current === 1 }]));
}

const licenseFindingsStatements = new WeakMap<ReadableDb, Statement>();

/** License findings already stored for a content; called once per reused license file, so the statement is kept. */
export function storedLicenseFindingsOf(db: ReadableDb, sha256: string): { license: string }[] {
  let statement = licenseFindingsStatements.get(db);
  if (!statement) {
    statement = db.prepare(
      `SELECT license FROM content_findings WHERE sha256 = ? AND license IS NOT NULL
         AND kind IN ('license-text', 'license-notice', 'spdx-tag', 'license-reference')`,
    );
    licenseFindingsStatements.set(db, statement);
  }
  return statement.all(sha256) as { license: string }[];
}

interface FileRow {
  id: number;
  scan_id: number;
  source_path: string;
  path: string;
  size: number;
  sha256: string | null;
  sha1: string | null;
  type: FileType;
  component_id: number | null;
}

export function findFile(db: ReadableDb, fileId: number): (ScannedFile & { sourcePath: string }) | null {
  const row = db
    .prepare('SELECT f.*, c.sha1 FROM files f LEFT JOIN contents c ON c.sha256 = f.sha256 WHERE f.id = ?')
    .get(fileId) as FileRow | undefined;
  if (!row) return null;
  return {
    id: row.id,
    scanId: row.scan_id,
    sourcePath: row.source_path,
    path: row.path,
    size: row.size,
    sha256: row.sha256,
    sha1: row.sha1,
    type: row.type,
    componentId: row.component_id,
  };
}

/**
 * One level of the file tree under `dir` ('' for the top), computed in SQL so a 200,000-file tree is never
 * sent whole: direct files, and subdirectories with their file and finding counts.
 */
export function fileTreeLevel(db: ReadableDb, scanId: number, dir: string, componentId: number | null): FileTreeEntry[] {
  const prefix = dir === '' ? '' : `${dir}/`;
  const rows = db
    .prepare(
      `SELECT f.id, f.path, f.size,
         (SELECT COUNT(*) FROM findings x WHERE x.file_id = f.id) AS findingCount
       FROM files f
       WHERE f.scan_id = @scanId AND (@componentId IS NULL OR f.component_id = @componentId)
         AND substr(f.path, 1, length(@prefix)) = @prefix
       ORDER BY f.path`,
    )
    .all({ scanId, prefix, componentId }) as { id: number; path: string; size: number; findingCount: number }[];
  const directories = new Map<string, FileTreeEntry>();
  const files: FileTreeEntry[] = [];
  for (const row of rows) {
    const rest = row.path.slice(prefix.length);
    const slash = rest.indexOf('/');
    if (slash < 0) {
      files.push({ name: rest, path: row.path, isDirectory: false, fileId: row.id, size: row.size, findingCount: row.findingCount });
      continue;
    }
    const name = rest.slice(0, slash);
    const entry = directories.get(name) ?? { name, path: prefix + name, isDirectory: true, fileId: null, size: 0, findingCount: 0 };
    entry.size += row.size;
    entry.findingCount += row.findingCount;
    directories.set(name, entry);
  }
  const byName = (a: FileTreeEntry, b: FileTreeEntry): number => a.name.localeCompare(b.name);
  return [...[...directories.values()].sort(byName), ...files.sort(byName)];
}

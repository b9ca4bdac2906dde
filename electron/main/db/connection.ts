import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { AppError } from '../../../shared/api/errors.js';
import type { ReadableDb, WritableDb } from './db-types.js';
import { assertKnownVersion, migrate } from './migrate.js';
import { nativeBindingPath } from './native-binding.js';

const sqliteHeader = 'SQLite format 3\0';

/** Refuses, naming the file, anything that exists and is not an SQLite database. */
function assertSqliteFile(file: string): void {
  if (!existsSync(file)) return;
  const stat = statSync(file);
  if (stat.isDirectory()) throw new AppError('unreadable-input', `${file}: is a directory, not a workspace file`);
  if (stat.size === 0) return;
  const header = Buffer.alloc(16);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1') !== sqliteHeader) {
    throw new AppError('workspace-incompatible', `${file}: not a Clearance workspace (the file is not an SQLite database)`);
  }
}

function openRaw(file: string, readonly: boolean): Database.Database {
  assertSqliteFile(file);
  const nativeBinding = nativeBindingPath();
  try {
    return new Database(file, { readonly, fileMustExist: readonly, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (error) {
    throw new AppError('unreadable-input', `${file}: cannot open workspace (${(error as Error).message})`);
  }
}

function applyPragmas(db: Database.Database, readonly: boolean): void {
  db.pragma('busy_timeout = 10000');
  db.pragma('foreign_keys = ON');
  if (!readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  // A cap on the workspace's size, in pages (CLEARANCE_WORKSPACE_MAX_PAGES): how the tests make the disk "full".
  const maxPages = Number(process.env['CLEARANCE_WORKSPACE_MAX_PAGES'] ?? 0);
  if (!readonly && maxPages > 0) db.pragma(`max_page_count = ${maxPages}`);
  // Large scans read and write many pages; a bigger cache avoids re-reading the same index pages.
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
}

/** Opens (creating if needed) a workspace for writing and brings its schema up to date. */
export function openWorkspace(file: string): WritableDb {
  const db = openRaw(file, false);
  try {
    // Refuse a newer workspace before anything (even switching to WAL) touches the file.
    assertKnownVersion(db, file);
    applyPragmas(db, false);
    migrate(db, file);
  } catch (error) {
    db.close();
    throw error;
  }
  return db as WritableDb;
}

/** Opens an existing workspace read-only (a second connection for queries while a scan writes). */
export function openWorkspaceReadonly(file: string): ReadableDb {
  const db = openRaw(file, true);
  applyPragmas(db, true);
  return db as ReadableDb;
}

import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors.js';
import { migrations } from './migrations/index.js';

export const latestSchemaVersion = migrations[migrations.length - 1]!.version;

/**
 * Brings the schema to the latest version: each pending migration in order, all in one transaction, after
 * copying the file aside (VACUUM INTO) so that a workspace created by an older Clearance is never lost.
 * A file written by a newer Clearance is refused untouched.
 */
export function assertKnownVersion(db: Database.Database, file: string): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latestSchemaVersion) {
    throw new AppError(
      'workspace-incompatible',
      `${file}: this workspace was written by a newer version of Clearance (schema ${current}; this version knows up to ${latestSchemaVersion}). Update Clearance to open it.`,
    );
  }
  return current;
}

export function migrate(db: Database.Database, file: string): { from: number; to: number; backup: string | null } {
  const current = assertKnownVersion(db, file);
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return { from: current, to: current, backup: null };

  let backup: string | null = null;
  if (current > 0 && file !== ':memory:') {
    backup = `${file}.backup-schema-${current}-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    db.prepare('VACUUM INTO ?').run(backup);
  }
  db.transaction(() => {
    for (const migration of pending) {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }
  }).immediate();
  return { from: current, to: latestSchemaVersion, backup };
}

import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../electron/main/db/connection.js';
import { latestSchemaVersion } from '../../../electron/main/db/migrate.js';
import { migrations } from '../../../electron/main/db/migrations/index.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

function schemaOf(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name").pluck().all() as string[]).map((s) =>
      s.replace(/\s+/g, ' ').trim(),
    );
  } finally {
    db.close();
  }
}

describe('workspace migrations', () => {
  it('creates a new workspace at the latest schema version, in WAL mode with foreign keys on', () => {
    const file = path.join(makeTempDir(), 'w.sqlite');
    const db = openWorkspace(file);
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['projects', 'scans', 'files', 'components', 'findings', 'decisions', 'sbom_documents']));
    db.close();
  });

  it('keeps the schema identical to the committed snapshot (a schema change needs a new migration)', () => {
    const file = path.join(makeTempDir(), 'w.sqlite');
    openWorkspace(file).close();
    expect(schemaOf(file)).toMatchSnapshot();
  });

  it('upgrades an older workspace in one step, keeping its data and a backup of the old file', () => {
    const dir = makeTempDir();
    const file = path.join(dir, 'old.sqlite');
    const old = new Database(file);
    migrations[0]!.up(old);
    old.pragma(`user_version = ${migrations[0]!.version}`);
    old.prepare("INSERT INTO projects (name, created_at) VALUES ('legacy', '2025-01-01T00:00:00Z')").run();
    old.close();

    const db = openWorkspace(file);
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(db.prepare('SELECT name FROM projects').pluck().all()).toEqual(['legacy']);
    db.close();
    const backups = readdirSync(dir).filter((f) => f.startsWith('old.sqlite.backup-schema-10-'));
    expect(backups).toHaveLength(1);
    const backup = new Database(path.join(dir, backups[0]!), { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(10);
    expect(backup.prepare('SELECT name FROM projects').pluck().all()).toEqual(['legacy']);
    backup.close();
  });

  it('refuses a workspace written by a newer version, naming the file, and leaves it untouched', () => {
    const file = path.join(makeTempDir(), 'future.sqlite');
    const future = new Database(file);
    future.exec('CREATE TABLE something_new (x)');
    future.pragma(`user_version = ${latestSchemaVersion + 10}`);
    future.close();
    const before = readFileSync(file);
    expect(() => openWorkspace(file)).toThrow(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: this workspace was written by a newer version of Clearance`));
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a file that is not SQLite, naming it', () => {
    const file = path.join(makeTempDir(), 'notes.sqlite');
    writeFileSync(file, 'these are my notes, not a database\n');
    expect(() => openWorkspace(file)).toThrow(`${file}: not a Clearance workspace (the file is not an SQLite database)`);
    expect(readFileSync(file, 'utf8')).toBe('these are my notes, not a database\n');
  });

  it('rolls back every migration when one fails, leaving the old version in place', () => {
    const file = path.join(makeTempDir(), 'broken.sqlite');
    const old = new Database(file);
    migrations[0]!.up(old);
    old.pragma(`user_version = ${migrations[0]!.version}`);
    // A table the next migration wants to create already exists: that migration must fail as a whole.
    old.exec('CREATE TABLE sbom_documents (x)');
    old.close();
    expect(() => openWorkspace(file)).toThrow(/sbom_documents already exists/);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(10);
    expect(db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'vulnerabilities'").pluck().get()).toBe(0);
    db.close();
    expect(existsSync(file)).toBe(true);
  });

  it('keeps decisions append-only at the database level', () => {
    const db = openWorkspace(path.join(makeTempDir(), 'w.sqlite'));
    db.prepare(
      `INSERT INTO decisions (uid, seq, subject_type, subject_key, subject, state, reviewer_name, reviewer_email, reviewer_key, decided_at, prev_hash, hash, signature)
       VALUES ('u1', 1, 'component', 'pkg:npm/a@1', '{}', 'approved', 'A', 'a@example.org', 'k', '2026-01-01', '', 'h', 's')`,
    ).run();
    expect(() => db.prepare("UPDATE decisions SET state = 'rejected'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM decisions').run()).toThrow(/append-only/);
    db.close();
  });
});

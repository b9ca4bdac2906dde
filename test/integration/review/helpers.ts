import Database from 'better-sqlite3';
import path from 'node:path';
import { createAppContext } from '../../../electron/main/host/create-context.js';
import { headlessPlatform } from '../../../electron/main/host/headless-platform.js';
import type { AppContext } from '../../../electron/main/app-context.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

export type TestContext = AppContext & { close(): Promise<void> };

/** A fresh workspace file in a temp folder, opened as the app and the CLI open it. */
export function makeWorkspace(): { file: string; ctx: TestContext } {
  const file = path.join(makeTempDir('clearance-review-'), 'workspace.sqlite');
  return { file, ctx: createAppContext({ workspacePath: file, platform: headlessPlatform }) };
}

export interface ComponentSpec {
  purl?: string | null;
  key?: string;
  name: string;
  version?: string | null;
  ecosystem?: string;
  declared?: string | null;
  declaredVerbatim?: string | null;
  rootPath?: string | null;
  sourcePath?: string | null;
  /** Licenses detected in the component's files: each becomes a license-text finding. */
  detected?: string[];
}

export interface FindingSpec {
  componentId?: number | null;
  path: string | null;
  kind: string;
  license?: string | null;
  text: string;
  key: string;
}

/** Writes rows the way the store stage does, without running a scan: projects, finished scans, components, findings. */
export class WorkspaceWriter {
  constructor(private readonly db: Database.Database) {}

  project(name: string, distributionModel: 'internal' | 'saas' | 'binary' | 'source' = 'binary'): number {
    const existing = this.db.prepare('SELECT id FROM projects WHERE name = ?').pluck().get(name) as number | undefined;
    if (existing) {
      this.db.prepare('UPDATE projects SET distribution_model = ? WHERE id = ?').run(distributionModel, existing);
      return existing;
    }
    return Number(
      this.db.prepare('INSERT INTO projects (name, created_at, distribution_model) VALUES (?, ?, ?)').run(name, '2026-01-01T00:00:00Z', distributionModel)
        .lastInsertRowid,
    );
  }

  /** A finished scan of the project with these components; returns the scan and component ids by name. */
  scan(projectId: number, components: ComponentSpec[]): { scanId: number; ids: Record<string, number> } {
    const scanId = Number(
      this.db
        .prepare(
          `INSERT INTO scans (project_id, status, started_at, finished_at, tool_version, options) VALUES (?, 'finished', ?, ?, 'test', '{}')`,
        )
        .run(projectId, '2026-01-01T00:00:00Z', '2026-01-01T00:00:01Z').lastInsertRowid,
    );
    const ids: Record<string, number> = {};
    for (const c of components) {
      const version = c.version === undefined ? '1.0.0' : c.version;
      const purl = c.purl === undefined ? `pkg:npm/${c.name}@${version}` : c.purl;
      const key = c.key ?? purl ?? `npm:${c.name}@${version ?? ''}`;
      const id = Number(
        this.db
          .prepare(
            `INSERT INTO components (scan_id, key, purl, name, version, ecosystem, root_path, source_path, declared_verbatim, declared_expression)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(scanId, key, purl, c.name, version, c.ecosystem ?? 'npm', c.rootPath ?? `node_modules/${c.name}`, c.sourcePath ?? null,
            c.declaredVerbatim ?? c.declared ?? null, c.declared ?? null).lastInsertRowid,
      );
      ids[c.name] = id;
      for (const license of c.detected ?? []) {
        this.finding(scanId, { componentId: id, path: `${c.rootPath ?? `node_modules/${c.name}`}/LICENSE`, kind: 'license-text', license, text: `${license} text`, key: `${key}|${license}` });
      }
    }
    return { scanId, ids };
  }

  finding(scanId: number, f: FindingSpec): number {
    return Number(
      this.db
        .prepare(
          `INSERT INTO findings (scan_id, component_id, path, kind, license, score, text, matched_by, key) VALUES (?, ?, ?, ?, ?, 1, ?, 'test', ?)`,
        )
        .run(scanId, f.componentId ?? null, f.path, f.kind, f.license ?? null, f.text, f.key).lastInsertRowid,
    );
  }
}

export function writer(ctx: AppContext): WorkspaceWriter {
  return new WorkspaceWriter(ctx.db);
}

/** Runs the CLI in-process, capturing what it prints. */
export async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { runCli } = await import('../../../electron/main/cli/main.js');
  let stdout = '';
  let stderr = '';
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string | Uint8Array) => ((stdout += String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => ((stderr += String(chunk)), true)) as typeof process.stderr.write;
  try {
    return { code: await runCli(args), stdout, stderr };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

/** Opens the workspace file as an attacker would: raw SQLite, append-only triggers dropped. */
export function tamper(file: string, edit: (db: Database.Database) => void): void {
  const db = new Database(file);
  try {
    db.exec('DROP TRIGGER IF EXISTS decisions_are_append_only_update; DROP TRIGGER IF EXISTS decisions_are_append_only_delete;');
    edit(db);
  } finally {
    db.close();
  }
}

// A review workspace of a given size, built directly with SQL: one project, one finished scan, 2,000 npm
// components and `findingCount` findings across six kinds and nine licenses. Shared by the review benchmarks.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAppContext } from '../../electron/main/host/create-context.js';
import { headlessPlatform } from '../../electron/main/host/headless-platform.js';

const licenses = ['MIT', 'Apache-2.0', 'BSD-3-Clause', 'ISC', 'GPL-2.0-only', 'LGPL-2.1-or-later', 'MPL-2.0', 'AGPL-3.0-only', null];
const kinds = ['license-notice', 'license-text', 'spdx-tag', 'copyright', 'license-reference', 'unknown-license'];

export interface GeneratedWorkspace {
  ctx: ReturnType<typeof createAppContext>;
  projectId: number;
  scanId: number;
  componentIds: number[];
  /** Closes the workspace and removes its folder. */
  dispose(): Promise<void>;
}

export function generateReviewWorkspace(findingCount: number): GeneratedWorkspace {
  const dir = mkdtempSync(path.join(tmpdir(), 'clearance-bench-review-'));
  const ctx = createAppContext({ workspacePath: path.join(dir, 'bench.sqlite'), platform: headlessPlatform });
  const projectId = Number(ctx.db.prepare("INSERT INTO projects (name, created_at) VALUES ('bench', '2026-01-01')").run().lastInsertRowid);
  const scanId = Number(
    ctx.db
      .prepare("INSERT INTO scans (project_id, status, started_at, finished_at, tool_version, options) VALUES (?, 'finished', '2026-01-01', '2026-01-01', 'bench', '{}')")
      .run(projectId).lastInsertRowid,
  );
  const componentIds: number[] = [];
  ctx.db.transaction(() => {
    const insert = ctx.db.prepare(
      "INSERT INTO components (scan_id, key, purl, name, version, ecosystem, root_path, declared_expression, declared_verbatim) VALUES (?, ?, ?, ?, '1.0.0', 'npm', ?, ?, ?)",
    );
    for (let c = 0; c < 2000; c++) {
      const license = licenses[c % 8]!;
      componentIds.push(Number(insert.run(scanId, `pkg:npm/pkg-${c}@1.0.0`, `pkg:npm/pkg-${c}@1.0.0`, `pkg-${c}`, `node_modules/pkg-${c}`, license, license).lastInsertRowid));
    }
    const finding = ctx.db.prepare(
      "INSERT INTO findings (scan_id, component_id, path, kind, license, score, start_line, end_line, text, matched_by, key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'bench', ?)",
    );
    for (let i = 0; i < findingCount; i++) {
      const kind = kinds[i % kinds.length]!;
      const license = kind === 'copyright' ? null : licenses[Math.floor(i / kinds.length) % licenses.length]!;
      finding.run(scanId, componentIds[i % componentIds.length]!, `node_modules/pkg-${i % 2000}/lib/file-${i}.js`, kind, license, 0.9, 1, 3, `text ${i}`, `k${i}`);
    }
  })();
  return {
    ctx,
    projectId,
    scanId,
    componentIds,
    async dispose() {
      await ctx.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

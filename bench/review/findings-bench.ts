// Review benchmark: a 100,000-finding workspace, queried through `dispatch` as the app does.
// Run: npx tsx bench/review/findings-bench.ts [findings=100000]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { dispatch } from '../../electron/main/api/dispatch.js';
import { createAppContext } from '../../electron/main/host/create-context.js';
import { headlessPlatform } from '../../electron/main/host/headless-platform.js';

const findingCount = Number(process.argv[2] ?? 100_000);
const licenses = ['MIT', 'Apache-2.0', 'BSD-3-Clause', 'ISC', 'GPL-2.0-only', 'LGPL-2.1-or-later', 'MPL-2.0', 'AGPL-3.0-only', null];
const kinds = ['license-notice', 'license-text', 'spdx-tag', 'copyright', 'license-reference', 'unknown-license'];

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'clearance-bench-review-'));
  const ctx = createAppContext({ workspacePath: path.join(dir, 'bench.sqlite'), platform: headlessPlatform });
  const started = performance.now();
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
      const component = componentIds[i % componentIds.length]!;
      finding.run(scanId, component, `node_modules/pkg-${i % 2000}/lib/file-${i}.js`, kind, license, 0.9, 1, 3, `text ${i}`, `k${i}`);
    }
  })();
  const built = performance.now() - started;

  const time = async (label: string, method: string, params: unknown, runs = 5): Promise<void> => {
    const samples: number[] = [];
    let detail = '';
    for (let r = 0; r < runs; r++) {
      const t = performance.now();
      const result = await dispatch(ctx, method, params);
      samples.push(performance.now() - t);
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
      const value = result.value as { total?: number; rows?: unknown[]; items?: unknown[]; results?: unknown[] };
      detail = value.total !== undefined ? `total ${value.total}` : `${(value.results ?? []).length} results`;
    }
    samples.sort((a, b) => a - b);
    process.stdout.write(`${label.padEnd(48)} median ${samples[Math.floor(runs / 2)]!.toFixed(1).padStart(7)} ms  (min ${samples[0]!.toFixed(1)}, ${detail})\n`);
  };

  process.stdout.write(`workspace: ${findingCount} findings, ${componentIds.length} components, built in ${(built / 1000).toFixed(1)} s\n`);
  await time('findings.list first page (200 rows)', 'findings.list', { projectId, limit: 200 });
  await time('findings.list kind=license-text + license=MIT', 'findings.list', { projectId, kinds: ['license-text'], license: 'MIT', limit: 200 });
  await time('findings.list search "pkg-42/" sorted by license', 'findings.list', { projectId, search: 'pkg-42/', sort: { column: 'license', desc: false }, limit: 200 });
  await time('policy.evaluate (2000 components)', 'policy.evaluate', { projectId });
  await time('review.queue (components + findings)', 'review.queue', { projectId, limit: 200 }, 3);
  await ctx.close();
  rmSync(dir, { recursive: true, force: true });
}

void main();

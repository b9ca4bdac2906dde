// The Findings view's query at scale: review.findings over a 100,000-finding workspace, through `dispatch` as the
// app calls it. "cold" is the first page after a scan, decision or policy change (statuses recomputed); "warm"
// pages reuse them. Run: npx tsx bench/review/review-findings-bench.ts [findings=100000]
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
  process.env['CLEARANCE_PASSPHRASE'] = 'a passphrase for the benchmark';
  const dir = mkdtempSync(path.join(tmpdir(), 'clearance-bench-review-findings-'));
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

  const once = async (method: string, params: unknown): Promise<{ ms: number; value: { total?: number } }> => {
    const t = performance.now();
    const result = await dispatch(ctx, method, params);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return { ms: performance.now() - t, value: result.value as { total?: number } };
  };
  const time = async (label: string, params: Record<string, unknown>, runs = 5): Promise<void> => {
    const samples: number[] = [];
    let total = 0;
    for (let r = 0; r < runs; r++) {
      const { ms, value } = await once('review.findings', { projectId, limit: 500, ...params });
      samples.push(ms);
      total = value.total ?? 0;
    }
    samples.sort((a, b) => a - b);
    process.stdout.write(`${label.padEnd(52)} median ${samples[Math.floor(runs / 2)]!.toFixed(1).padStart(7)} ms  (min ${samples[0]!.toFixed(1)}, total ${total})\n`);
  };

  process.stdout.write(`workspace: ${findingCount} findings, ${componentIds.length} components\n`);
  const cold = await once('review.findings', { projectId, limit: 500 });
  process.stdout.write(`${'cold: first page after the scan'.padEnd(52)} ${cold.ms.toFixed(1).padStart(14)} ms\n`);
  await time('warm: first page (500 rows)', {});
  await time('warm: page at offset 50,000', { offset: 50_000 });
  await time('warm: grouped by component, offset 25,000', { groupBy: 'component', offset: 25_000 });
  await time('warm: status=undecided, sorted by license desc', { statuses: ['undecided'], sort: { column: 'license', desc: true } });
  await time('warm: search "pkg-42/"', { search: 'pkg-42/' });
  const list = await once('findings.list', { projectId, limit: 500 });
  process.stdout.write(`${'findings.list first page (no statuses), for scale'.padEnd(52)} ${list.ms.toFixed(1).padStart(14)} ms\n`);
  await once('reviewer.set', { name: 'Bench', email: 'bench@example.org' });
  await once('decisions.record', { subject: { type: 'component', componentId: componentIds[0] }, state: 'approved' });
  const afterDecision = await once('review.findings', { projectId, limit: 500 });
  process.stdout.write(`${'cold: first page after a decision'.padEnd(52)} ${afterDecision.ms.toFixed(1).padStart(14)} ms\n`);
  await ctx.close();
  rmSync(dir, { recursive: true, force: true });
}

void main();

// The Findings view's query at scale: review.findings over a 100,000-finding workspace, through `dispatch` as the
// app calls it. "cold" is the first page after a scan, decision or policy change (statuses recomputed); "warm"
// pages reuse them. Run: npx tsx bench/review/review-findings-bench.ts [findings=100000]
import { performance } from 'node:perf_hooks';
import { dispatch } from '../../electron/main/api/dispatch.js';
import { generateReviewWorkspace } from './generated-workspace.js';

const findingCount = Number(process.argv[2] ?? 100_000);

async function main(): Promise<void> {
  process.env['CLEARANCE_PASSPHRASE'] = 'a passphrase for the benchmark';
  const { ctx, projectId, componentIds, dispose } = generateReviewWorkspace(findingCount);

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
  await dispose();
}

void main();

// Review benchmark: a 100,000-finding workspace, queried through `dispatch` as the app does.
// Run: npx tsx bench/review/findings-bench.ts [findings=100000]
import { performance } from 'node:perf_hooks';
import { dispatch } from '../../electron/main/api/dispatch.js';
import { generateReviewWorkspace } from './generated-workspace.js';

const findingCount = Number(process.argv[2] ?? 100_000);

async function main(): Promise<void> {
  const started = performance.now();
  const { ctx, projectId, componentIds, dispose } = generateReviewWorkspace(findingCount);
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
  await dispose();
}

void main();

// Detection speed on a real npm tree (20,000+ files) with the worker pool, against licensecheck -r and against
// merely reading and hashing the same files. Run: npx tsx bench/detect/speed.ts [poolSize]
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AnalyzePool } from '../../electron/main/workers/analyze-pool.js';
import { ensureTree, repoRoot, treeDir, walk } from './shared.js';

const poolSize = Number(process.argv[2] ?? 2);
ensureTree();
const files = walk(path.join(treeDir, 'node_modules'));
const maxFileBytes = 10 << 20;

async function mapLimit<T>(items: T[], limit: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) await fn(items[next++]!);
  }));
}

// Baseline: read and hash every file (SHA-256 + SHA-1), as analyzeFile does before detecting.
let t = performance.now();
let bytes = 0;
await mapLimit(files, 16, async (f) => {
  const buf = await readFile(f);
  bytes += buf.length;
  createHash('sha256').update(buf).digest();
  createHash('sha1').update(buf).digest();
});
const readHashMs = performance.now() - t;

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
t = performance.now();
const cpuBefore = process.cpuUsage();
const pool = new AnalyzePool({ size: poolSize });
let findings = 0;
let text = 0;
let timedOut = 0;
await mapLimit(files, 64, async (f) => {
  const r = await pool.analyze(f, { maxFileBytes, timeBudgetMs: 5_000 });
  findings += r.findings.length;
  if (r.type === 'text') text++;
  if (r.timedOut) timedOut++;
});
const detectMs = performance.now() - t;
const cpu = process.cpuUsage(cpuBefore);
const detectCpuS = (cpu.user + cpu.system) / 1e6;
await pool.close();
clearInterval(sampler);

// CPU seconds as well as wall time: other work on a shared 2-core machine slows the 2-worker pool more than
// single-threaded licensecheck, and CPU time is the fair comparison then.
const lcOut = path.join(os.tmpdir(), `licensecheck-${process.pid}.txt`);
const lc = spawnSync('bash', ['-c', `TIMEFORMAT='%R %U %S'; time licensecheck -r --machine --shortname-scheme spdx '${path.join(treeDir, 'node_modules')}' > '${lcOut}'`], { encoding: 'utf8' });
const [lcReal, lcUser, lcSys] = (lc.stderr.trim().split('\n').pop() ?? '0 0 0').split(' ').map(Number);
const licensecheckMs = lcReal! * 1000;
const licensecheckCpuS = lcUser! + lcSys!;
const lcFiles = readFileSync(lcOut, 'utf8').split('\n').filter(Boolean).length;
rmSync(lcOut, { force: true });

const cold = execFileSync('npx', ['tsx', path.join(repoRoot, 'bench/detect/cold-start.ts')], { cwd: repoRoot, encoding: 'utf8' }).trim();

console.log(`# Detection speed — ${new Date().toISOString().slice(0, 10)}, ${os.cpus()[0]?.model} × ${os.availableParallelism()}, node ${process.version}`);
console.log(`tree: ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB; text files analysed: ${text}; findings: ${findings}; timed out: ${timedOut}`);
console.log(`read + hash (SHA-256, SHA-1), 16 in flight: ${(readHashMs / 1000).toFixed(2)} s`);
console.log(`clearance pool (${poolSize} workers), every file: ${(detectMs / 1000).toFixed(2)} s  (${(files.length / (detectMs / 1000)).toFixed(0)} files/s; ${(detectMs / readHashMs).toFixed(1)}× read+hash)`);
console.log(`licensecheck -r (its default file selection, ${lcFiles} files reported): ${(licensecheckMs / 1000).toFixed(2)} s`);
console.log(`ratio licensecheck / clearance, wall: ${(licensecheckMs / detectMs).toFixed(1)}× (per file: ${((licensecheckMs / lcFiles) / (detectMs / files.length)).toFixed(1)}×)`);
console.log(`CPU time: clearance ${detectCpuS.toFixed(1)} s (all threads), licensecheck ${licensecheckCpuS.toFixed(1)} s; ratio ${(licensecheckCpuS / detectCpuS).toFixed(1)}×; with 2 cores busy the pool's wall time would be ${(detectCpuS / poolSize).toFixed(1)} s`);
console.log(`load average at the end: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
console.log(`peak RSS (main + worker threads, one process): ${(peakRss / 1e6).toFixed(0)} MB`);
console.log(`cold start: ${cold}`);

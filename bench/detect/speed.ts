// Detection speed on a real npm tree (20,000+ files) with the worker pool, against licensecheck -r and against
// merely reading and hashing the same files. Run: npx tsx bench/detect/speed.ts [poolSize] [--built]
// --built: the pool and its workers from the production bundle (built into bench/.data/build/main by
// bench/detect/bundle.config.ts) instead of TypeScript source through tsx, as the app runs them.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AnalyzePool as AnalyzePoolType } from '../../electron/main/workers/analyze-pool.js';
import { ensureTree, repoRoot, treeDir, walk } from './shared.js';

const args = process.argv.slice(2);
const built = args.includes('--built');
const poolSize = Number(args.find((a) => /^\d+$/.test(a)) ?? 2);
type PoolClass = new (options: { size?: number }) => AnalyzePoolType;
let AnalyzePool: PoolClass;
if (built) {
  execFileSync('npx', ['electron-vite', 'build', '-c', 'bench/detect/bundle.config.ts'], { cwd: repoRoot, stdio: 'ignore' });
  execFileSync('node', ['scripts/build-spdx-index.mjs'], { cwd: repoRoot, stdio: 'ignore' });
  ({ AnalyzePool } = (await import(pathToFileURL(path.join(repoRoot, 'bench/.data/build/main/analyze-pool.js')).href)) as { AnalyzePool: PoolClass });
} else {
  ({ AnalyzePool } = await import('../../electron/main/workers/analyze-pool.js'));
}
ensureTree();
const files = walk(path.join(treeDir, 'node_modules'));
const maxFileBytes = 10 << 20;

async function mapLimit<T>(items: T[], limit: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) await fn(items[next++]!);
  }));
}

/** The kernel's high-water mark of this process's RSS (all threads), in bytes; reset by writing 5 to clear_refs. */
function kernelPeakRss(): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}
try {
  writeFileSync('/proc/self/clear_refs', '5');
} catch {
  // Not Linux, or not allowed: the sampled peak below still says something.
}
// The pool runs first, in a clean process, so its memory peak is its own; the files are read once beforehand by a
// child process so that neither phase pays for a cold disk cache.
execFileSync('bash', ['-c', `find '${path.join(treeDir, 'node_modules')}' -type f -exec cat {} + > /dev/null`]);
let peakRss = process.memoryUsage().rss;
let t = performance.now();
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
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
const kernelPeak = kernelPeakRss();
await pool.close();
clearInterval(sampler);

// Baseline: read and hash every file (SHA-256 + SHA-1), as analyzeFile does before detecting.
t = performance.now();
let bytes = 0;
await mapLimit(files, 16, async (f) => {
  const buf = await readFile(f);
  bytes += buf.length;
  createHash('sha256').update(buf).digest();
  createHash('sha1').update(buf).digest();
});
const readHashMs = performance.now() - t;


// CPU seconds as well as wall time: other work on a shared 2-core machine slows the 2-worker pool more than
// single-threaded licensecheck, and CPU time is the fair comparison then.
const lcOut = path.join(os.tmpdir(), `licensecheck-${process.pid}.txt`);
const lc = spawnSync('bash', ['-c', `TIMEFORMAT='%R %U %S'; time licensecheck -r --machine --shortname-scheme spdx '${path.join(treeDir, 'node_modules')}' > '${lcOut}'`], { encoding: 'utf8' });
const [lcReal, lcUser, lcSys] = (lc.stderr.trim().split('\n').pop() ?? '0 0 0').split(' ').map(Number);
const licensecheckMs = lcReal! * 1000;
const licensecheckCpuS = lcUser! + lcSys!;
const lcFiles = readFileSync(lcOut, 'utf8').split('\n').filter(Boolean).length;
rmSync(lcOut, { force: true });

// Cold start as the app pays it: a fresh plain-Node process importing the built detector (with --built), else the
// TypeScript source through tsx (which adds its own transpiling).
const coldScript = `const t0 = performance.now(); const { detect } = await import(${JSON.stringify(pathToFileURL(path.join(repoRoot, 'bench/.data/build/main/detect.js')).href)});
const n = detect('// SPDX-License-Identifier: MIT\\n// Copyright (c) 2024 Cold Start\\nReleased under the MIT license.\\n').length;
console.log((performance.now() - t0).toFixed(0) + ' ms (built bundle in plain node: load + first detect, ' + n + ' findings)');`;
const cold = built
  ? execFileSync(process.execPath, ['--input-type=module', '-e', coldScript], { cwd: repoRoot, encoding: 'utf8' }).trim()
  : `${execFileSync('npx', ['tsx', path.join(repoRoot, 'bench/detect/cold-start.ts')], { cwd: repoRoot, encoding: 'utf8' }).trim()} (TypeScript source through tsx)`;

console.log(`# Detection speed — ${new Date().toISOString().slice(0, 10)}, ${os.cpus()[0]?.model} × ${os.availableParallelism()}, node ${process.version}`);
console.log(`tree: ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB; text files analysed: ${text}; findings: ${findings}; timed out: ${timedOut}`);
console.log(`read + hash (SHA-256, SHA-1), 16 in flight: ${(readHashMs / 1000).toFixed(2)} s`);
console.log(`clearance pool (${poolSize} workers, ${built ? 'built bundle' : 'TypeScript source through tsx'}), every file: ${(detectMs / 1000).toFixed(2)} s  (${(files.length / (detectMs / 1000)).toFixed(0)} files/s; ${(detectMs / readHashMs).toFixed(1)}× read+hash)`);
console.log(`licensecheck -r (its default file selection, ${lcFiles} files reported): ${(licensecheckMs / 1000).toFixed(2)} s`);
console.log(`ratio licensecheck / clearance, wall: ${(licensecheckMs / detectMs).toFixed(1)}× (per file: ${((licensecheckMs / lcFiles) / (detectMs / files.length)).toFixed(1)}×)`);
console.log(`CPU time: clearance ${detectCpuS.toFixed(1)} s (all threads), licensecheck ${licensecheckCpuS.toFixed(1)} s; ratio ${(licensecheckCpuS / detectCpuS).toFixed(1)}×; with 2 cores busy the pool's wall time would be ${(detectCpuS / poolSize).toFixed(1)} s`);
console.log(`load average at the end: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
console.log(`peak RSS (main + worker threads, one process): ${(peakRss / 1e6).toFixed(0)} MB sampled every 50 ms; kernel high-water mark during the pool run: ${kernelPeak === null ? 'n/a' : `${(kernelPeak / 1e6).toFixed(0)} MB`}`);
console.log(`cold start: ${cold}`);

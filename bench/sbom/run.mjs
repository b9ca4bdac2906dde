// SBOM benchmarks: bundles bench/sbom/task.ts with esbuild (dependencies stay external, as in the app), then runs
// every case in a fresh `node` process and reports wall time (process start-up included) and peak memory (maxRSS).
// Run `node bench/sbom/prepare.mjs` once first. Usage: node bench/sbom/run.mjs [runs per case, default 3]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const data = path.join(root, 'bench', '.data');
const bundle = path.join(data, 'sbom-task.mjs');
const runs = Number(process.argv[2] ?? 3);
const shared = process.env.CLEARANCE_SHARED_DATA ?? path.join(root, '..', 'shared');

execFileSync(path.join(root, 'node_modules', '.bin', 'esbuild'), [
  path.join(root, 'bench', 'sbom', 'task.ts'), '--bundle', '--platform=node', '--format=esm', '--packages=external',
  `--outfile=${bundle}`, '--log-level=warning',
], { stdio: 'inherit' });

const cases = [
  { name: 'npm sbom (CycloneDX 1.5 JSON, ~860 components)', args: ['read', path.join(data, 'npm-project.cdx.json')], targetMs: 500 },
  { name: 'istio tag-value (SPDX 2.2, 3,461 packages)', args: ['read', path.join(shared, 'conformance/real-world/spdx/istio-release/istio-release.spdx')], targetMs: 2000 },
  { name: 'generated CycloneDX 1.6 JSON, 50,000 components', args: ['read', path.join(data, 'generated-50k.cdx.json')], targetMs: 10_000, targetMiB: 500 },
  { name: 'export 5,000 components → CycloneDX 1.6 JSON', args: ['export', '5000', 'cyclonedx-json'], targetMs: 2000 },
  { name: 'export 5,000 components → CycloneDX 1.6 XML', args: ['export', '5000', 'cyclonedx-xml'], targetMs: 2000 },
  { name: 'export 5,000 components → SPDX 2.3 JSON', args: ['export', '5000', 'spdx-json'], targetMs: 2000 },
];

const baseline = median(Array.from({ length: runs }, () => time(['-e', '0'], false).ms));
console.log(`node start-up alone: ${baseline.toFixed(0)} ms (included in every number below; the lead's CLI adds ~100 ms)\n`);
console.log('| case | median wall time (warm validator cache) | first run (empty user cache: build-time validators) | no compiled validators at all | peak RSS | target | result |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const entry of cases) {
  const file = entry.args[0] === 'read' ? entry.args[1] : null;
  if (file && !existsSync(file)) {
    console.log(`| ${entry.name} | skipped: ${file} missing (run bench/sbom/prepare.mjs) | | | |`);
    continue;
  }
  // A first run on a new machine: nothing in the user's cache, the validators compiled at build time.
  const cold = time([bundle, ...entry.args], true, { CLEARANCE_SCHEMA_CACHE: mkdtempSync(path.join(os.tmpdir(), 'clearance-schema-cache-')) });
  const uncompiled = time([bundle, ...entry.args], true, { CLEARANCE_SCHEMA_CACHE: 'off' });
  time([bundle, ...entry.args], true); // fills the validator cache
  const results = Array.from({ length: runs }, () => time([bundle, ...entry.args], true));
  const ms = median(results.map((result) => result.ms));
  const mib = Math.max(...results.map((result) => result.output.maxRssMiB));
  const target = `< ${entry.targetMs} ms${entry.targetMiB ? `, < ${entry.targetMiB} MiB` : ''}`;
  const met = ms < entry.targetMs && (!entry.targetMiB || mib < entry.targetMiB);
  console.log(`| ${entry.name} (${results[0].output.summary}) | ${ms.toFixed(0)} ms | ${cold.ms.toFixed(0)} ms | ${uncompiled.ms.toFixed(0)} ms | ${mib} MiB | ${target} | ${met ? 'met' : 'MISSED'} (cold: ${cold.ms < entry.targetMs ? 'met' : 'missed'}) |`);
}

// Peer: the CycloneDX library's own validator (schema check only, no reading) on the npm SBOM.
const npmSbom = path.join(data, 'npm-project.cdx.json');
if (existsSync(npmSbom)) {
  const peer = median(Array.from({ length: runs }, () => time([path.join(root, 'bench', 'sbom', 'peer-validate.mjs'), npmSbom], true).ms));
  const ours = median(Array.from({ length: runs }, () => time([bundle, 'read', npmSbom], true).ms));
  console.log(`\nPeer: @cyclonedx/cyclonedx-library JsonValidator alone on the npm SBOM: ${peer.toFixed(0)} ms; Clearance read+validate (warm): ${ours.toFixed(0)} ms (ratio ${(ours / peer).toFixed(2)}).`);
}

function time(args, parse, env = {}) {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, env: { ...process.env, ...env }, cwd: root });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0) throw new Error(`${args.join(' ')} failed: ${child.stderr}`);
  return { ms, output: parse ? JSON.parse(child.stdout.trim().split('\n').pop()) : null };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

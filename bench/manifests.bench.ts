/**
 * Manifest reading speed: a generated ~5 MB package-lock.json v3, against JSON.parse of the same text
 * (the floor any reader pays), and manifestKind over 200,000 paths. Run: npx tsx bench/manifests.bench.ts
 */
import { performance } from 'node:perf_hooks';
import { manifestKind, parseManifest } from '../electron/main/engine/2-detect/packages/index.js';
import { generatePackageLock } from '../test/unit/engine/packages/generate-lock.js';

function best(runs: number, fn: () => void): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

const { json } = generatePackageLock(9000);
let packages = 0;
const parseMs = best(5, () => {
  packages = parseManifest('package-lock.json', json).packages.length;
});
const jsonMs = best(5, () => JSON.parse(json));
console.log(`package-lock.json v3: ${(json.length / 1e6).toFixed(1)} MB, ${packages} packages`);
console.log(`  parseManifest ${parseMs.toFixed(0)} ms; JSON.parse alone ${jsonMs.toFixed(0)} ms; ratio ${(parseMs / jsonMs).toFixed(1)}x`);

const dirs = ['src', 'node_modules/lodash', 'node_modules/@babel/core/lib', 'vendor/github.com/x/y', 'site-packages/requests-2.31.0.dist-info', 'docs'];
const names = ['index.js', 'README.md', 'package.json', 'METADATA', 'util.ts', 'LICENSE', 'requirements-dev.txt', 'a.gemspec', 'x.csproj', 'modules.txt'];
const paths: string[] = [];
for (let i = 0; i < 200_000; i++) paths.push(`${dirs[i % dirs.length]}/d${i % 97}/${names[i % names.length]}`);
let hits = 0;
const kindMs = best(5, () => {
  hits = 0;
  for (const p of paths) if (manifestKind(p) !== null) hits++;
});
console.log(`manifestKind: 200,000 paths in ${kindMs.toFixed(1)} ms (${((kindMs * 1e6) / 200_000).toFixed(0)} ns/path), ${hits} manifests`);

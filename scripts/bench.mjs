// `npm run bench`: every benchmark in one command, each in its own process so numbers do not disturb each other.
// Needs the network once (npm registry, deb.debian.org) to install the real npm tree and fetch the Debian source
// packages the benchmarks measure, into bench/.data/.
// Pass names to run a subset: npm run bench -- detect indexer
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const suites = {
  detect: [
    [tsx, ['bench/detect/cold-start.ts']],
    [tsx, ['bench/detect/accuracy.ts']],
    [tsx, ['bench/detect/debian-copyright.ts']],
    [tsx, ['bench/detect/debian-sources.ts']],
    [tsx, ['bench/detect/mutations.ts']],
    [tsx, ['bench/detect/census.ts']],
    [tsx, ['bench/detect/speed.ts']],
  ],
  manifests: [[tsx, ['bench/manifests.bench.ts']]],
  sbom: [
    [process.execPath, ['bench/sbom/prepare.mjs']],
    [process.execPath, ['bench/sbom/run.mjs']],
  ],
  review: [[tsx, ['bench/review/findings-bench.ts']]],
  indexer: [[process.execPath, ['bench/indexer/run.mjs']]],
};

const wanted = process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(suites);
if (!existsSync(path.join(root, 'out', 'main', 'cli.js'))) {
  const build = spawnSync(path.join(root, 'node_modules', '.bin', 'electron-vite'), ['build'], { stdio: 'inherit', cwd: root });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
let failed = 0;
for (const name of wanted) {
  const steps = suites[name];
  if (!steps) {
    process.stderr.write(`unknown benchmark "${name}"; known: ${Object.keys(suites).join(', ')}\n`);
    process.exit(2);
  }
  for (const [command, args] of steps) {
    process.stdout.write(`\n=== ${name}: ${path.basename(command)} ${args.join(' ')}\n`);
    const result = spawnSync(command, args, { stdio: 'inherit', cwd: root });
    if (result.status !== 0) failed++;
  }
}
process.stdout.write(`\nMachine: ${process.platform} ${process.arch}, Node ${process.version}. Record results in docs/benchmarks.md.\n`);
process.exit(failed > 0 ? 1 : 0);

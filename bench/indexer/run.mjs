// Indexer benchmark (issue 4): full index of a real 20,000+ file npm tree with `clearance scan`, compared with
// Debian's `licensecheck -r` on the same tree in the same run; re-scan of the unchanged tree; peak memory;
// component recall against the tree's own package-lock.json; and a generated data room of 50 repositories.
// Usage: node bench/indexer/run.mjs [--skip-licensecheck] [--skip-dataroom]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { generateDataRoom } from './data-room.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const data = path.join(root, 'bench', '.data');
const tree = path.join(data, 'tree');
const args = new Set(process.argv.slice(2));

function ensureTree() {
  if (existsSync(path.join(tree, 'node_modules'))) return;
  mkdirSync(tree, { recursive: true });
  execFileSync('npm', ['install', '--prefix', tree, '--no-audit', '--no-fund', '--ignore-scripts', 'webpack', 'eslint', 'jest', '@babel/core', 'typescript', 'react-scripts'], { stdio: 'inherit' });
}

/** Runs a command under GNU time: wall seconds and peak resident memory of the whole process tree's largest. */
function timed(command, commandArgs, options = {}) {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', command, ...commandArgs], { encoding: 'utf8', maxBuffer: 1 << 30, ...options });
  const last = result.stderr.trim().split('\n').pop() ?? '';
  const [seconds, kb] = last.split(' ').map(Number);
  if (result.status !== 0 && !options.allowFailure) throw new Error(`${command} ${commandArgs.join(' ')} failed:\n${result.stderr.slice(-2000)}`);
  return { seconds, peakMb: kb / 1024, stdout: result.stdout };
}

function countFiles(dir) {
  return Number(execFileSync('sh', ['-c', `find "${dir}" -type f | wc -l`], { encoding: 'utf8' }).trim());
}

const clearance = path.join(root, 'bin', 'clearance.js');
if (!existsSync(path.join(root, 'out', 'main', 'cli.js'))) throw new Error('build first: npm run build');
ensureTree();
const work = mkdtempSync(path.join(os.tmpdir(), 'clearance-bench-'));
const db = path.join(work, 'ws.sqlite');
const env = { ...process.env, CLEARANCE_HOME: work, CLEARANCE_LOG: 'error' };
const files = countFiles(tree);
console.log(`Tree: ${tree} (${files} files), ${os.cpus().length} cores, Node ${process.version}`);

// Three full indexes into fresh workspaces, the median reported: the first also warms the page cache for the tree
// (as licensecheck, which runs later, finds it), and a single run on a shared VM can be off by 20 %.
const fullRuns = [1, 2, 3].map((run) => {
  const runDb = path.join(work, `full-${run}.sqlite`);
  return timed(process.execPath, [clearance, 'scan', tree, '--db', run === 3 ? db : runDb, '--full'], { env });
});
const full = [...fullRuns].sort((a, b) => a.seconds - b.seconds)[1];
console.log(`clearance scan (full):      ${full.seconds.toFixed(2)} s median of ${fullRuns.map((r) => r.seconds.toFixed(2)).join(' / ')} s, peak ${Math.max(...fullRuns.map((r) => r.peakMb)).toFixed(0)} MB  — ${full.stdout.trim()}`);
const rescan = timed(process.execPath, [clearance, 'scan', tree, '--db', db], { env });
console.log(`clearance scan (unchanged): ${rescan.seconds.toFixed(2)} s, peak ${rescan.peakMb.toFixed(0)} MB  — ${rescan.stdout.trim()}`);

if (!args.has('--skip-licensecheck')) {
  const peer = timed('licensecheck', ['-r', '--machine', '--shortname-scheme', 'spdx', tree], { allowFailure: true });
  console.log(`licensecheck -r:            ${peer.seconds.toFixed(2)} s, peak ${peer.peakMb.toFixed(0)} MB`);
  console.log(`ratio licensecheck / clearance (full index): ${(peer.seconds / full.seconds).toFixed(1)}x`);
}

// Recall: every package of the tree's own lockfile must be a component with its version.
const lock = JSON.parse(readFileSync(path.join(tree, 'package-lock.json'), 'utf8'));
const expected = new Set();
for (const [key, value] of Object.entries(lock.packages ?? {})) {
  if (!key) continue;
  const name = value.name ?? key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
  expected.add(`${name}@${value.version}`);
}
const reader = new Database(db, { readonly: true });
const found = new Set(
  reader
    .prepare("SELECT name || '@' || version FROM components WHERE scan_id = (SELECT MAX(id) FROM scans WHERE status = 'finished') AND ecosystem = 'npm'")
    .pluck()
    .all(),
);
const withLicense = reader
  .prepare("SELECT COUNT(*) FROM components WHERE scan_id = (SELECT MAX(id) FROM scans WHERE status = 'finished') AND ecosystem = 'npm' AND declared_verbatim IS NOT NULL")
  .pluck()
  .get();
reader.close();
const missing = [...expected].filter((p) => !found.has(p));
console.log(`component recall vs package-lock.json: ${(((expected.size - missing.length) / expected.size) * 100).toFixed(2)}% (${expected.size - missing.length}/${expected.size}); ${withLicense} npm components with a declared license`);
if (missing.length) console.log(`  missing: ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ' …' : ''}`);

if (!args.has('--skip-dataroom')) {
  const room = path.join(data, 'data-room');
  const generated = generateDataRoom(room, { repositories: 50, filesPerRepository: 4000 });
  const roomDb = path.join(work, 'room.sqlite');
  const scan = timed(process.execPath, [clearance, 'scan', room, '--db', roomDb, '--full'], { env });
  console.log(`data room (${generated.repositories} repositories, ${generated.files} files): ${scan.seconds.toFixed(1)} s, peak ${scan.peakMb.toFixed(0)} MB — ${scan.stdout.trim()}`);
  const again = timed(process.execPath, [clearance, 'scan', room, '--db', roomDb], { env });
  console.log(`data room re-scan (unchanged): ${again.seconds.toFixed(1)} s, peak ${again.peakMb.toFixed(0)} MB`);
}
rmSync(work, { recursive: true, force: true });

// Reads the detector's output on code it was never developed on, where no labels exist: every unknown-license
// finding, every file with a copyright but no license finding, every distinct copyright statement. Prints the counts
// and writes the lists to bench/.data/census/ for reading. Debian's /usr/share/doc is left out on purpose: the
// held-out Debian set (debian-copyright.ts) comes from there.
// Run: npx tsx bench/detect/census.ts [dir ...]   (default: the Python standard library, /usr/include, Perl)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { detect } from '../../electron/main/engine/2-detect/detect.js';
import { decodeContent } from '../../electron/main/engine/2-detect/text/index.js';
import { fileSize, walk } from './shared.js';

const DEFAULT_ROOTS = ['/usr/lib/python3.11', '/usr/include', '/usr/share/perl5', '/usr/share/perl'];
const roots = process.argv.slice(2).length ? process.argv.slice(2) : DEFAULT_ROOTS;
const outDir = path.resolve('bench/.data/census');

const unknown: string[] = [];
const unlicensed: string[] = [];
const statements = new Map<string, number>();
let files = 0;
let slowest = { file: '', ms: 0 };

function visit(file: string): void {
  const decoded = decodeContent(readFileSync(file));
  if (decoded.kind !== 'text') return;
  files++;
  const started = performance.now();
  const findings = detect(decoded.text, { timeBudgetMs: 10_000 });
  const ms = performance.now() - started;
  if (ms > slowest.ms) slowest = { file, ms };
  const oneLine = (s: string): string => s.replace(/\s+/g, ' ').slice(0, 240);
  for (const f of findings) {
    if (f.kind === 'unknown-license') unknown.push(`${file}:${f.startLine}-${f.endLine}\t${f.matchedBy}\t${oneLine(f.text)}`);
    if (f.kind === 'copyright') {
      const key = `${JSON.stringify(f.holders)}\t${f.years ?? ''}\t${f.statement}`;
      statements.set(key, (statements.get(key) ?? 0) + 1);
    }
  }
  const copyright = findings.find((f) => f.kind === 'copyright');
  if (copyright && findings.every((f) => f.kind === 'copyright')) {
    unlicensed.push(`${file}:${copyright.startLine}\t${oneLine(decoded.text.split('\n').slice(copyright.startLine - 1, copyright.startLine + 6).join(' '))}`);
  }
}

const started = performance.now();
for (const file of roots.flatMap((root) => walk(root))) if (fileSize(file) < 10_000_000) visit(file);
mkdirSync(outDir, { recursive: true });
writeFileSync(path.join(outDir, 'unknown-license.tsv'), unknown.join('\n') + '\n');
writeFileSync(path.join(outDir, 'copyright-without-license.tsv'), unlicensed.join('\n') + '\n');
writeFileSync(path.join(outDir, 'copyright-statements.tsv'), [...statements].map(([k, n]) => `${n}\t${k}`).join('\n') + '\n');
const byRule = new Map<string, number>();
for (const u of unknown) byRule.set(u.split('\t')[1]!, (byRule.get(u.split('\t')[1]!) ?? 0) + 1);

console.log(`# Detection census — ${new Date().toISOString().slice(0, 10)}, ${roots.join(', ')}`);
console.log(`text files: ${files} in ${((performance.now() - started) / 1000).toFixed(1)} s (one thread); slowest ${slowest.ms.toFixed(0)} ms: ${slowest.file}`);
console.log(`unknown-license findings: ${unknown.length} (${[...byRule].map(([r, n]) => `${r} ${n}`).join(', ')})`);
console.log(`files with a copyright and no license finding: ${unlicensed.length}`);
console.log(`distinct copyright statements: ${statements.size}`);
console.log(`lists: ${outDir}/`);

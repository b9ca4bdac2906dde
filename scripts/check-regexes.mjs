// Fails when a regular expression literal in the engine or shared code can backtrack exponentially (ReDoS): such a
// pattern hangs a worker inside one `exec`, where no per-file time budget can interrupt it. A libstdc++ header with
// 36-digit constants once took 229 s in one list-marker pattern. Polynomial ones are listed with --all; they are
// harmless on the short, bounded strings most of them see, and the hostile-input tests cover the long-line paths.
// Run: node scripts/check-regexes.mjs [--all]
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { check } from 'recheck';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SCANNED = ['electron/main', 'shared'];
const showAll = process.argv.includes('--all');

function tsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function regexLiterals(file) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found = [];
  const visit = (node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const text = node.getText(source);
      const slash = text.lastIndexOf('/');
      found.push({ file: path.relative(root, file), line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, pattern: text.slice(1, slash), flags: text.slice(slash + 1).replace(/[gyd]/g, ''), text });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const literals = SCANNED.flatMap((dir) => tsFiles(path.join(root, dir))).flatMap(regexLiterals);
const started = performance.now();
let exponential = 0;
let polynomial = 0;
for (let i = 0; i < literals.length; i += 16) {
  const batch = literals.slice(i, i + 16);
  const results = await Promise.all(batch.map((r) => check(r.pattern, r.flags, { timeout: 10_000 })));
  results.forEach((result, j) => {
    const r = batch[j];
    if (result.status !== 'vulnerable') return;
    const kind = result.complexity.type;
    if (kind === 'exponential') exponential++;
    else polynomial++;
    if (kind === 'exponential' || showAll) {
      console.log(`${r.file}:${r.line} ${kind}: ${r.text.slice(0, 140)}`);
      console.log(`  attack: ${JSON.stringify(result.attack.pattern ?? result.attack.string).slice(0, 140)}`);
    }
  });
}
console.log(`${literals.length} regular expressions in ${SCANNED.join(', ')}: ${exponential} exponential, ${polynomial} polynomial (${((performance.now() - started) / 1000).toFixed(1)} s)`);
process.exitCode = exponential > 0 ? 1 : 0;

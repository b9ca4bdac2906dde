// Accuracy of the detector against Debian's licensecheck on labelled real data. Run: npx tsx bench/detect/accuracy.ts
// (VERBOSE=1 lists our misses; ONLY=<regular expression> scores only the rows it matches).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { detect } from '../../electron/main/engine/2-detect/detect.js';
import { decodeContent } from '../../electron/main/engine/2-detect/text/index.js';
import { referenceText } from '../../electron/main/engine/2-detect/licenses/index.js';
import { npmSourceNotices } from './npm-notices.js';
import { corporaDir, ensureTree, installedPackages, judge, runLicensecheck, treeDir } from './shared.js';

const requireFromHere = createRequire(import.meta.url);
const known = new Map<string, string>();
for (const id of [...(requireFromHere('spdx-license-ids/index.json') as string[]), ...(requireFromHere('spdx-license-ids/deprecated.json') as string[])]) known.set(id.toLowerCase(), id);

interface Item {
  file: string;
  expected: string[];
  /** Package of the file: the set is also scored per package (each package weighs the same). */
  pkg?: string;
}

function ours(file: string): string[] {
  const decoded = decodeContent(readFileSync(file));
  if (decoded.kind !== 'text') return [];
  return detect(decoded.text, { timeBudgetMs: 10_000 }).filter((f) => f.kind !== 'copyright' && f.license).map((f) => f.license!);
}

function commonLicenses(): Item[] {
  const dir = '/usr/share/common-licenses';
  if (!existsSync(dir)) return [];
  const labels: Record<string, string> = { 'Apache-2.0': 'Apache-2.0', 'BSD': 'BSD-3-Clause', 'CC0-1.0': 'CC0-1.0', 'GFDL-1.2': 'GFDL-1.2-only', 'GFDL-1.3': 'GFDL-1.3-only', 'GPL-1': 'GPL-1.0-only', 'GPL-2': 'GPL-2.0-only', 'GPL-3': 'GPL-3.0-only', 'LGPL-2': 'LGPL-2.0-only', 'LGPL-2.1': 'LGPL-2.1-only', 'LGPL-3': 'LGPL-3.0-only', 'MPL-1.1': 'MPL-1.1', 'MPL-2.0': 'MPL-2.0', 'Artistic': 'Artistic-1.0-Perl' };
  return Object.entries(labels).filter(([f]) => existsSync(path.join(dir, f))).map(([f, id]) => ({ file: path.join(dir, f), expected: [id] }));
}

function jsonl(dir: string): Array<Record<string, unknown>> {
  return readFileSync(path.join(dir, 'labels.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** Ids newer than the shipped spdx-license-list have no reference text: counted apart. */
function spdxVariants(inList: boolean): Item[] {
  const dir = path.join(corporaDir, 'spdx-variants');
  if (!existsSync(dir)) return [];
  return jsonl(dir)
    .filter((l) => l.mustMatch && !l.deprecated && l.kind === 'license' && (referenceText(l.expect as string) !== null) === inList)
    .map((l) => ({ file: path.join(dir, l.file as string), expected: [l.expect as string, ...((l.sameTextAs as string[]) ?? [])] }));
}

/**
 * nuget/: 400 files that hold only a URL (often a GitHub LICENSE page); ScanCode maps them from a URL list.
 * Split: rules are developed looking at lic1 + lic2 ('dev') only; lic3 + lic4 ('held-out') are only measured.
 */
function scancode(refs: boolean, nuget: boolean, split: 'dev' | 'held-out' | 'all' = 'all'): Item[] {
  const dir = path.join(corporaDir, 'scancode');
  if (!existsSync(dir)) return [];
  return jsonl(dir)
    .filter((l) => split === 'all' || /^lic[12]\//.test(l.file as string) === (split === 'dev'))
    .filter((l) => !l.binary && (l.expect as string[]).length > 0 && (l.file as string).includes('/nuget/') === nuget)
    .map((l) => ({ file: path.join(dir, l.file as string), expected: (l.expect as string[]).filter((id) => id.startsWith('LicenseRef-') === refs) }))
    .filter((i) => i.expected.length > 0);
}

function npmTree(): Item[] {
  ensureTree();
  const items: Item[] = [];
  for (const pkg of installedPackages(path.join(treeDir, 'node_modules'))) {
    const license = pkg.license;
    if (typeof license !== 'string' || !known.has(license.toLowerCase()) || /\s/.test(license)) continue;
    for (const f of readdirSync(pkg.dir)) if (/^(licen[cs]e|copying)(\.(md|txt|markdown))?$/i.test(f)) items.push({ file: path.join(pkg.dir, f), expected: [known.get(license.toLowerCase())!] });
  }
  return items;
}

/** ONLY=<regular expression> scores just the rows whose name matches it (e.g. ONLY=npm, ONLY="dev|spdx"). */
function score(name: string, items: Item[], mode: 'any-of' | 'all' | 'flagged'): void {
  if (process.env.ONLY && !new RegExp(process.env.ONLY).test(name)) return;
  if (items.length === 0) {
    console.log(`\n## ${name}: no data`);
    return;
  }
  const lc = runLicensecheck(items.map((i) => i.file), known);
  const perId = new Map<string, { n: number; ours: number; lc: number }>();
  const perPkg = new Map<string, { n: number; ours: number; lc: number }>();
  let okOurs = 0;
  let okLc = 0;
  const started = Date.now();
  for (const item of items) {
    const found = ours(item.file);
    const foundLc = lc.get(item.file) ?? [];
    const check = (f: string[]): boolean =>
      mode === 'flagged' ? f.length > 0 : mode === 'any-of' ? item.expected.some((e) => judge(e, f)) : item.expected.every((e) => judge(e, f, item.expected));
    const a = check(found);
    const b = check(foundLc);
    okOurs += a ? 1 : 0;
    okLc += b ? 1 : 0;
    const key = item.expected[0]!;
    const row = perId.get(key) ?? { n: 0, ours: 0, lc: 0 };
    row.n++;
    row.ours += a ? 1 : 0;
    row.lc += b ? 1 : 0;
    perId.set(key, row);
    if (item.pkg) {
      const p = perPkg.get(item.pkg) ?? { n: 0, ours: 0, lc: 0 };
      p.n++;
      p.ours += a ? 1 : 0;
      p.lc += b ? 1 : 0;
      perPkg.set(item.pkg, p);
    }
    if (!a && process.env.VERBOSE) console.log(`  miss ${path.basename(item.file)} expected ${item.expected.join('|')} found ${found.join(', ')}`);
  }
  const pct = (x: number, n: number): string => `${((100 * x) / n).toFixed(1)}%`;
  console.log(`\n## ${name} (${items.length} files, ${Date.now() - started} ms for ours)`);
  console.log(`overall: clearance ${pct(okOurs, items.length)}  licensecheck ${pct(okLc, items.length)}`);
  if (perPkg.size > 0) {
    const mean = (f: (r: { n: number; ours: number; lc: number }) => number): string => pct([...perPkg.values()].reduce((s, r) => s + f(r) / r.n, 0), perPkg.size);
    console.log(`per package (${perPkg.size} packages, each weighs the same): clearance ${mean((r) => r.ours)}  licensecheck ${mean((r) => r.lc)}`);
  }
  const rows = [...perId.entries()].sort((x, y) => y[1].n - x[1].n).slice(0, 15);
  console.log('| id | files | clearance | licensecheck |\n|---|---|---|---|');
  for (const [id, r] of rows) console.log(`| ${id} | ${r.n} | ${pct(r.ours, r.n)} | ${pct(r.lc, r.n)} |`);
}

console.log(`# Detection accuracy — ${new Date().toISOString().slice(0, 10)}, ${os.cpus()[0]?.model} × ${os.availableParallelism()}, node ${process.version}`);
score('common-licenses (full texts, labels from file names)', commonLicenses(), 'any-of');
score('spdx-variants must-match licenses (full texts, non-deprecated, id in the shipped SPDX list)', spdxVariants(true), 'any-of');
score('spdx-variants must-match licenses whose id is newer than the shipped SPDX list (no reference text)', spdxVariants(false), 'any-of');
for (const split of ['dev', 'held-out'] as const) {
  const where = split === 'dev' ? 'lic1+lic2, dev' : 'lic3+lic4, held-out';
  score(`scancode ${where}: without nuget/, SPDX ids (every expected SPDX id found, no wrong sibling)`, scancode(false, false, split), 'all');
  score(`scancode ${where}: single-license files (one expected SPDX id)`, scancode(false, false, split).filter((i) => i.expected.length === 1), 'all');
  score(`scancode ${where}: LicenseRef files, share flagged with any license finding (unknown-license counts)`, scancode(true, false, split), 'flagged');
}
score('scancode corpus without nuget/, SPDX ids, all four folders', scancode(false, false), 'all');
score('scancode corpus without nuget/, single-license files, all four folders', scancode(false, false).filter((i) => i.expected.length === 1), 'all');
score('scancode nuget/ URL-only files, SPDX ids', scancode(false, true), 'all');
score('npm tree LICENSE files labelled by package.json license', npmTree(), 'any-of');
{
  const notices = npmSourceNotices();
  console.log(`\nnpm source-file notices: excluded ${[...notices.excluded].map(([why, n]) => `${n} ${why}`).join('; ')}`);
  score('npm source-file notices (headers, @license comments, SPDX tags of source files; package.json license = one SPDX id)', notices.items, 'any-of');
}

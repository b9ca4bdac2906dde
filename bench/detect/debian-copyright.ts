// A held-out set of real license notices and texts, written by thousands of upstream authors and labelled by Debian
// maintainers: the stand-alone license paragraphs of the machine-readable (DEP-5) copyright files in
// /usr/share/doc/*/copyright. The detector's rules were never developed against it.
// Run: npx tsx bench/detect/debian-copyright.ts [--misses]   (needs `apt-get install -y licensecheck`)
//
// Selection (every exclusion is counted and printed):
// 1. a paragraph with a License field, no Files field, and a body (the license's text or notice);
// 2. its short name is one DEP-5/SPDX name of the table below (no "or"/"and" expressions; "MIT", "BSD" and
//    "public-domain" are left out: Debian uses them for many different texts);
// 3. for GNU licenses, the body must agree with the label on "or any later version" (a "GPL-2" whose body offers
//    later versions is the maintainer's shorthand, not what the text says);
// 4. bodies that are the same once whitespace is flattened are kept once.
// Bodies under 1,500 characters are mostly notices ("This program is free software; ..."); longer ones full texts.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { detect } from '../../electron/main/engine/2-detect/detect.js';
import { judge, runLicensecheck } from './shared.js';

export const DEP5_TO_SPDX: Record<string, string> = {
  'gpl-1': 'GPL-1.0-only', 'gpl-1+': 'GPL-1.0-or-later', 'gpl-2': 'GPL-2.0-only', 'gpl-2+': 'GPL-2.0-or-later',
  'gpl-2.0': 'GPL-2.0-only', 'gpl-2.0+': 'GPL-2.0-or-later', 'gpl-3': 'GPL-3.0-only', 'gpl-3+': 'GPL-3.0-or-later',
  'gpl-3.0': 'GPL-3.0-only', 'gpl-3.0+': 'GPL-3.0-or-later', 'gplv2+': 'GPL-2.0-or-later', 'gplv3+': 'GPL-3.0-or-later',
  'lgpl-2': 'LGPL-2.0-only', 'lgpl-2+': 'LGPL-2.0-or-later', 'lgpl-2.0+': 'LGPL-2.0-or-later', 'lgpl-2.1': 'LGPL-2.1-only',
  'lgpl-2.1+': 'LGPL-2.1-or-later', 'lgplv2.1+': 'LGPL-2.1-or-later', 'lgpl-3': 'LGPL-3.0-only', 'lgpl-3+': 'LGPL-3.0-or-later',
  'lgpl-3.0+': 'LGPL-3.0-or-later', 'agpl-3': 'AGPL-3.0-only', 'agpl-3+': 'AGPL-3.0-or-later',
  'apache-2.0': 'Apache-2.0', 'bsd-2-clause': 'BSD-2-Clause', 'bsd-3-clause': 'BSD-3-Clause', 'bsd-4-clause': 'BSD-4-Clause',
  expat: 'MIT', isc: 'ISC', zlib: 'Zlib', 'cc0-1.0': 'CC0-1.0', 'bsl-1.0': 'BSL-1.0', 'mpl-1.1': 'MPL-1.1', 'mpl-2.0': 'MPL-2.0',
  curl: 'curl', x11: 'X11', 'openldap-2.8': 'OLDAP-2.8', 'artistic-2.0': 'Artistic-2.0', unlicense: 'Unlicense', wtfpl: 'WTFPL',
  '0bsd': '0BSD', 'psf-2': 'PSF-2.0', 'python-2.0': 'Python-2.0', 'epl-1.0': 'EPL-1.0', 'epl-2.0': 'EPL-2.0', fsfap: 'FSFAP',
  fsful: 'FSFUL', fsfullr: 'FSFULLR', 'sil-ofl-1.1': 'OFL-1.1', 'ofl-1.1': 'OFL-1.1', 'cc-by-4.0': 'CC-BY-4.0', 'cc-by-sa-4.0': 'CC-BY-SA-4.0',
};

export interface DebianItem {
  /** Where the paragraph is: the copyright file and the paragraph's first line. */
  source: string;
  label: string;
  expected: string;
  body: string;
}

/** The stand-alone license paragraphs of every DEP-5 copyright file, labelled; plus the exclusion counts. */
export function debianLicenseParagraphs(docDir = '/usr/share/doc'): { items: DebianItem[]; excluded: Record<string, number> } {
  const excluded: Record<string, number> = {};
  const exclude = (why: string): void => {
    excluded[why] = (excluded[why] ?? 0) + 1;
  };
  const items: DebianItem[] = [];
  const seen = new Set<string>();
  for (const pkg of readdirSync(docDir).sort()) {
    let text: string;
    try {
      text = readFileSync(path.join(docDir, pkg, 'copyright'), 'utf8');
    } catch {
      continue;
    }
    if (!/^Format:\s*\S*copyright-format/m.test(text)) continue;
    let line = 1;
    for (const paragraph of text.split(/\n[ \t]*\n/)) {
      const startLine = line;
      line += paragraph.split('\n').length + 1;
      if (/^Files:/m.test(paragraph) || /^Format:/m.test(paragraph)) continue;
      const field = /^License:[ \t]*(.*)\n((?:[ \t].*(?:\n|$))+)/m.exec(paragraph);
      if (!field) continue;
      const label = field[1]!.trim();
      // DEP-5 continuation lines: one leading space is syntax, " ." is an empty line.
      const body = field[2]!.split('\n').map((l) => (/^[ \t]\.$/.test(l) ? '' : l.replace(/^[ \t]/, ''))).join('\n').trim();
      const expected = DEP5_TO_SPDX[label.toLowerCase()];
      if (!expected) {
        exclude(/\s(or|and|with)\s/i.test(label) ? 'label is an expression' : 'label is not in the table (or is ambiguous: MIT, BSD, public-domain)');
        continue;
      }
      if (/^L?A?GPL/.test(expected)) {
        const offersLater = /any later version|or later/i.test(body.replace(/\s+/g, ' '));
        if (offersLater !== expected.endsWith('-or-later')) {
          exclude('GNU label and body disagree on "or any later version"');
          continue;
        }
      }
      const flat = body.replace(/\s+/g, ' ').toLowerCase();
      if (seen.has(flat)) {
        exclude('same body as a paragraph already in the set');
        continue;
      }
      seen.add(flat);
      items.push({ source: `${pkg}/copyright:${startLine}`, label, expected, body });
    }
  }
  return { items, excluded };
}

function main(): void {
  const { items, excluded } = debianLicenseParagraphs();
  console.log(`${items.length} paragraphs from /usr/share/doc/*/copyright; excluded: ${JSON.stringify(excluded)}`);
  const requireFromHere = createRequire(import.meta.url);
  const known = new Map<string, string>();
  for (const id of requireFromHere('spdx-license-ids/index.json') as string[]) known.set(id.toLowerCase(), id);
  const dir = path.join(os.tmpdir(), `clearance-debian-copyright-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  try {
    const files = items.map((item, index) => {
      const file = path.join(dir, `${String(index).padStart(5, '0')}.txt`);
      writeFileSync(file, `${item.body}\n`);
      return file;
    });
    const lc = runLicensecheck(files, known);
    const rows = new Map<string, { n: number; ours: number; lc: number }>();
    const perId = new Map<string, { n: number; ours: number; lc: number }>();
    const misses: string[] = [];
    // Debian labels by family; SPDX has ids for many exact variants (BSD-3-Clause-Tso is e2fsprogs' BSD-3-clause,
    // ISC-Veillard libxml2's ISC). Reporting the variant is not wrong, but it is counted apart, not as right.
    let variants = 0;
    items.forEach((item, index) => {
      const found = detect(item.body, { timeBudgetMs: 10_000 }).filter((f) => f.kind !== 'copyright' && f.license).map((f) => f.license!);
      const a = judge(item.expected, found);
      const b = judge(item.expected, lc.get(files[index]!) ?? []);
      const short = item.body.length < 1500;
      const size = short ? 'short bodies (< 1,500 chars: mostly notices)' : 'long bodies (full texts)';
      for (const [map, key] of [[rows, size], [rows, 'all'], [perId, item.expected]] as const) {
        const row = map.get(key) ?? { n: 0, ours: 0, lc: 0 };
        row.n++;
        row.ours += a ? 1 : 0;
        row.lc += b ? 1 : 0;
        map.set(key, row);
      }
      if (!a && found.length === 1 && found[0]!.startsWith(item.expected) && found[0] !== item.expected) variants++;
      if (!a) misses.push(`${short ? 'short' : 'long'}\t${item.source}\texpected ${item.expected} (${item.label})\tfound ${found.join(', ') || '-'}\t${item.body.replace(/\s+/g, ' ').slice(0, 140)}`);
    });
    const pct = (x: number, n: number): string => `${((100 * x) / n).toFixed(1)} %`;
    console.log('\n| set | paragraphs | Clearance | licensecheck |\n| --- | --- | --- | --- |');
    for (const [name, r] of rows) console.log(`| ${name} | ${r.n} | ${pct(r.ours, r.n)} | ${pct(r.lc, r.n)} |`);
    console.log(`\nof the ${misses.length} misses, ${variants} report only a more specific SPDX variant of the label (e.g. BSD-3-Clause-Tso for BSD-3-clause)`);
    console.log('\nper id (5 or more paragraphs):');
    for (const [id, r] of [...perId].sort((x, y) => y[1].n - x[1].n)) if (r.n >= 5) console.log(`  ${id}: ${r.n}, ours ${pct(r.ours, r.n)}, licensecheck ${pct(r.lc, r.n)}`);
    if (process.argv.includes('--misses')) console.log(`\nmisses:\n${misses.join('\n')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) main();

// A large set of real source files and license files, labelled file by file by Debian maintainers: the upstream trees
// of the Debian source packages listed below (C libraries and tools, Python, Perl, Ruby, JavaScript, Java, Go, Rust,
// PHP; on 2026-12-04 the mirror served 80 of the 103, and files of 50 passed the selection), each file
// labelled by the License of the last `Files:` stanza of the package's machine-readable debian/copyright that matches
// it. Made on 2026-12-04, after detector 1.9.1, from Debian 13 (trixie, bookworm where the mirror lacks a file); the
// packages are split by a hash of their name into a development half (misses may be read and rules made for them)
// and a held-out half (only measured, its misses never listed).
// Run: npx tsx bench/detect/debian-sources.ts [--misses] [--sample N]   (downloads a few hundred MB from deb.debian.org
// once, 1.6 GB unpacked in bench/.data/debian-src;
// needs `apt-get install -y licensecheck`)
//
// Selection (every exclusion is counted and printed); the keywords decide which files are in, never the id:
// 1. a text file (no NUL byte in its first 8 KiB) under 1 MiB, not under .git/ or debian/;
// 2. its stanza's License is one short name of the DEP-5 table (no expressions; "MIT", "BSD", "public-domain" are
//    left out as ambiguous in Debian's use);
// 3. it holds a license statement: a paragraph (comment markers stripped) with a licensing word that names a license
//    family (families.ts), and all its statements name one family, the label's;
// 4. a GNU label agrees with the statements on the license (GPL, Lesser/Library, Affero), on the version's major
//    number and on "or any later version"; a BSD label with a stated variant; a GNU license text (the whole GPL) is
//    left out, as the text alone says neither "-only" nor "-or-later";
// 5. files with the same content are kept once; at most 120 files per package (by a hash of the path).
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { detect } from '../../electron/main/engine/2-detect/detect.js';
import { decodeContent } from '../../electron/main/engine/2-detect/text/index.js';
import { DEP5_TO_SPDX } from './debian-copyright.js';
import { ensureSources, type SourcePackage } from './debian-sources/fetch.js';
import { filesStanzas, licenseOf } from './debian-sources/dep5.js';
import { bsdVariant, bsdVariantDisagrees, familiesIn, familyOfId } from './families.js';
import { judge, runLicensecheck } from './shared.js';

/** Chosen before any measurement: widely used upstream projects, many ecosystems. */
export const PACKAGES = [
  // C libraries and tools
  'zlib', 'libpng1.6', 'curl', 'libxml2', 'expat', 'pcre2', 'sqlite3', 'openssl', 'bzip2', 'xz-utils', 'libarchive',
  'libjpeg-turbo', 'tiff', 'freetype', 'fontconfig', 'pixman', 'cairo', 'glib2.0', 'nettle', 'libgcrypt20', 'libssh2',
  'nghttp2', 'libevent', 'jansson', 'json-c', 'libyaml', 'lz4', 'libzstd', 'brotli', 'harfbuzz', 'libwebp', 'giflib',
  'dbus', 'less', 'nano', 'grep', 'sed', 'tar', 'gzip', 'rsync', 'wget', 'lua5.4', 'tcl8.6', 'busybox', 'git', 'vim',
  'openssh', 'gnutls28', 'libtasn1-6', 'p11-kit', 'krb5', 'cyrus-sasl2', 'libidn2', 'libunistring', 'readline', 'ncurses',
  'bash', 'coreutils', 'findutils', 'diffutils', 'make-dfsg',
  // Python
  'requests', 'python-urllib3', 'six', 'python-certifi', 'python-idna', 'chardet', 'jinja2', 'markupsafe', 'pyyaml',
  'python-dateutil', 'setuptools', 'flask', 'python-click', 'pygments', 'python-docutils', 'python-attrs', 'pytest',
  // Perl, Ruby, JavaScript, Java, Go, Rust, PHP
  'libwww-perl', 'libmoose-perl', 'libdbi-perl', 'libjson-perl', 'libtry-tiny-perl', 'libdatetime-perl', 'libtext-csv-perl',
  'ruby-rack', 'rake', 'node-lodash', 'node-async', 'node-debug', 'node-semver', 'node-yargs', 'jackson-core', 'junit4',
  'guava-libraries', 'golang-github-spf13-cobra', 'golang-testify', 'golang-golang-x-sys', 'rust-serde', 'rust-regex',
  'rust-libc', 'rust-rand', 'php-monolog',
];

const LABELS: Record<string, string> = { ...DEP5_TO_SPDX, 'apache-2': 'Apache-2.0', 'boost-1.0': 'BSL-1.0', 'mpl-2': 'MPL-2.0' };
const PER_PACKAGE = 120;
const MAX_BYTES = 1 << 20;
const LICENSING_WORD = /licen[cs]|spdx|permission|redistribut|public domain|free software/i;
const COMMENT_MARKER = /^[ \t]*(?:\/\/+|\/\*+|\*+\/?|#+|--+|;+|%+|dnl\b|REM\b|"|\.\\"|<!--|-->)?[ \t]*/;
const LICENSE_FILE = /^(?:licen[cs]e|copying|notice|copyright|unlicense)(?:[-._].*)?$/i;

export type Split = 'dev' | 'held-out';

export function splitOf(pkg: string): Split {
  return createHash('sha1').update(pkg).digest()[0]! % 2 === 0 ? 'dev' : 'held-out';
}

export interface SourceItem {
  file: string;
  /** Path inside the package's upstream tree. */
  shown: string;
  pkg: string;
  split: Split;
  kind: 'license file' | 'source file';
  label: string;
  expected: string;
}

function isText(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(8192);
    const n = readSync(fd, head, 0, head.length, 0);
    return !head.subarray(0, n).includes(0);
  } finally {
    closeSync(fd);
  }
}

/** The text with comment markers stripped from each line. */
function uncommented(text: string): string {
  return text.split('\n').map((l) => l.replace(COMMENT_MARKER, '').trimEnd()).join('\n');
}

/** Paragraphs that state a license (split at blank lines, whitespace flattened). */
function statements(text: string): string[] {
  const paragraphs = uncommented(text).split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim());
  return paragraphs.filter((p) => LICENSING_WORD.test(p) && familiesIn(p).length > 0);
}

/** Why a GNU label does not fit the file's statements, or null when it does. */
function gnuDisagreement(id: string, said: string): string | null {
  const flat = said.replace(/\s+/g, ' ');
  if (/terms and conditions for copying, distribution and modification/i.test(flat)) return 'a GNU license text (says neither -only nor -or-later)';
  const lesser = /\blesser\b|\blibrary general public|\blgpl/i.test(flat);
  const affero = /\baffero\b|\bagpl/i.test(flat);
  const sub = id.startsWith('LGPL') ? lesser : id.startsWith('AGPL') ? affero : !lesser && !affero;
  if (!sub) return 'GNU label and statements disagree on GPL / LGPL / AGPL';
  const major = /-(\d)\./.exec(id)![1]!;
  if (!new RegExp(`\\bversion ${major}\\b|\\bv${major}\\b|\\bgpl ?-?v?${major}\\b|\\b${major}\\.\\d\\b`, 'i').test(flat)) return 'GNU label version not in the statements';
  const later = /any later version|\bor later\b|\bor newer\b|-or-later|\b(?:[la]?gpl|version) ?-?v?\d(?:\.\d)?\+/i.test(flat);
  if (later !== id.endsWith('-or-later')) return 'GNU label and statements disagree on "or any later version"';
  return null;
}

export function debianSourceItems(packages: SourcePackage[]): { items: SourceItem[]; excluded: Map<string, number> } {
  const excluded = new Map<string, number>();
  const exclude = (why: string): void => void excluded.set(why, (excluded.get(why) ?? 0) + 1);
  const seen = new Set<string>();
  const items: SourceItem[] = [];
  for (const pkg of packages) {
    const stanzas = filesStanzas(pkg.copyright);
    if (!stanzas) {
      exclude('package: debian/copyright is not machine-readable (DEP-5)');
      continue;
    }
    const own: SourceItem[] = [];
    const visit = (dir: string, rel: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, entry.name);
        const r = rel ? `${rel}/${entry.name}` : entry.name;
        if (entry.isDirectory()) {
          if (entry.name !== '.git' && !(rel === '' && entry.name === 'debian')) visit(p, r);
          continue;
        }
        if (!entry.isFile() || statSync(p).size > MAX_BYTES || !isText(p)) continue;
        const text = readFileSync(p, 'utf8');
        if (!LICENSING_WORD.test(text)) continue;
        const said = statements(text);
        if (said.length === 0) continue;
        const label = licenseOf(stanzas, r);
        const id = label ? LABELS[label.toLowerCase()] : undefined;
        if (!label || !id) {
          exclude(!label ? 'no Files stanza matches' : /\s(?:or|and|with)\s|,/i.test(label) ? 'label is an expression' : 'label not in the table (or ambiguous: MIT, BSD, public-domain)');
          continue;
        }
        const families = new Set(said.flatMap(familiesIn));
        if (families.size > 1) {
          exclude('statements name more than one license family');
          continue;
        }
        if (!families.has(familyOfId(id) ?? '')) {
          exclude('statements name a family other than the label');
          continue;
        }
        const gnu = /^(?:A|L)?GPL-/.test(id) ? gnuDisagreement(id, said.join('\n')) : null;
        if (gnu) {
          exclude(gnu);
          continue;
        }
        // A BSD text's clauses are paragraphs of their own: its variant is read over the whole file, and a file with
        // more BSD texts than endorsement clauses holds both variants.
        const flat = uncommented(text).replace(/\s+/g, ' ');
        const variants = new Set([bsdVariant(flat)].filter((v) => v !== null));
        const texts = flat.match(/redistribution and use in source and binary forms/gi)?.length ?? 0;
        const endorsements = flat.match(/endorse or promote/gi)?.length ?? 0;
        if (endorsements > 0 && texts > endorsements) variants.add('2');
        if (id.startsWith('BSD-') && bsdVariantDisagrees(id, variants)) {
          exclude('statements state a BSD variant other than the label');
          continue;
        }
        const hash = createHash('sha1').update(text).digest('hex');
        if (seen.has(hash)) {
          exclude('same content as a file already in the set');
          continue;
        }
        seen.add(hash);
        own.push({ file: p, shown: `${pkg.name}/${r}`, pkg: pkg.name, split: splitOf(pkg.name), kind: LICENSE_FILE.test(entry.name) ? 'license file' : 'source file', label, expected: id });
      }
    };
    visit(pkg.tree, '');
    const byHash = (i: SourceItem): string => createHash('sha1').update(i.shown).digest('hex');
    own.sort((a, b) => (byHash(a) < byHash(b) ? -1 : 1));
    for (let i = PER_PACKAGE; i < own.length; i++) exclude(`beyond ${PER_PACKAGE} files in one package`);
    items.push(...own.slice(0, PER_PACKAGE));
  }
  return { items, excluded };
}

function ours(file: string): string[] {
  const decoded = decodeContent(readFileSync(file));
  if (decoded.kind !== 'text') return [];
  return detect(decoded.text, { timeBudgetMs: 10_000 }).filter((f) => f.kind !== 'copyright' && f.license).map((f) => f.license!);
}

async function main(): Promise<void> {
  const packages = await ensureSources(PACKAGES, (line) => console.log(line));
  const { items, excluded } = debianSourceItems(packages);
  console.log(`# Debian source files labelled by debian/copyright — ${new Date().toISOString().slice(0, 10)}, ${packages.length} packages, ${items.length} files`);
  console.log('excluded:', Object.fromEntries([...excluded].sort((a, b) => b[1] - a[1])));
  const requireFromHere = createRequire(import.meta.url);
  const known = new Map<string, string>();
  for (const id of requireFromHere('spdx-license-ids/index.json') as string[]) known.set(id.toLowerCase(), id);
  const lc = runLicensecheck(items.map((i) => i.file), known);
  type Row = { n: number; ours: number; lc: number; pkgs: Map<string, { n: number; ours: number; lc: number }> };
  const rows = new Map<string, Row>();
  const perId = new Map<string, { n: number; ours: number; lc: number }>();
  const misses: string[] = [];
  // Debian labels by family; SPDX has ids for exact variants (ISC-Veillard is libxml2's ISC): reporting only the
  // variant is counted as a miss, and apart.
  let variants = 0;
  const started = Date.now();
  for (const item of items) {
    const found = ours(item.file);
    const a = judge(item.expected, found);
    const b = judge(item.expected, lc.get(item.file) ?? []);
    for (const key of [`${item.split}, ${item.kind}s`, `${item.split}, all`]) {
      const row = rows.get(key) ?? { n: 0, ours: 0, lc: 0, pkgs: new Map() };
      row.n++;
      row.ours += a ? 1 : 0;
      row.lc += b ? 1 : 0;
      const p = row.pkgs.get(item.pkg) ?? { n: 0, ours: 0, lc: 0 };
      p.n++;
      p.ours += a ? 1 : 0;
      p.lc += b ? 1 : 0;
      row.pkgs.set(item.pkg, p);
      rows.set(key, row);
    }
    if (item.split === 'dev') {
      const r = perId.get(item.expected) ?? { n: 0, ours: 0, lc: 0 };
      r.n++;
      r.ours += a ? 1 : 0;
      r.lc += b ? 1 : 0;
      perId.set(item.expected, r);
      if (!a) misses.push(`${item.shown}\texpected ${item.expected} (${item.label})\tfound ${found.join(', ') || '-'}`);
      if (!a && found.length > 0 && found.every((f) => f.startsWith(`${item.expected}-`))) variants++;
    }
  }
  const pct = (x: number, n: number): string => `${((100 * x) / n).toFixed(1)} %`;
  console.log(`\nours: ${Date.now() - started} ms for ${items.length} files\n`);
  console.log('| split, files | files | packages | Clearance | licensecheck | Clearance, per package | licensecheck, per package |\n| --- | --- | --- | --- | --- | --- | --- |');
  for (const [name, r] of [...rows].sort((x, y) => x[0].localeCompare(y[0]))) {
    const mean = (f: (p: { n: number; ours: number; lc: number }) => number): string => pct([...r.pkgs.values()].reduce((s, p) => s + f(p) / p.n, 0), r.pkgs.size);
    console.log(`| ${name} | ${r.n} | ${r.pkgs.size} | ${pct(r.ours, r.n)} | ${pct(r.lc, r.n)} | ${mean((p) => p.ours)} | ${mean((p) => p.lc)} |`);
  }
  console.log(`\nof the ${misses.length} dev misses, ${variants} report only a more specific SPDX variant of the label (ISC-Veillard for ISC)`);
  console.log('\ndev split, per id (5 or more files):');
  for (const [id, r] of [...perId].sort((x, y) => y[1].n - x[1].n)) if (r.n >= 5) console.log(`  ${id}: ${r.n}, ours ${pct(r.ours, r.n)}, licensecheck ${pct(r.lc, r.n)}`);
  if (process.argv.includes('--misses')) console.log(`\ndev misses (${misses.length}):\n${misses.join('\n')}`);
  const at = process.argv.indexOf('--sample');
  if (at >= 0) {
    // Labels checked by eye: a sample of the dev half, with the statements the selection saw.
    const dir = path.join(os.tmpdir(), 'clearance-debian-sources-sample');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const dev = items.filter((i) => i.split === 'dev');
    const n = Number(process.argv[at + 1] ?? 30);
    const sample = dev.filter((_, i) => i % Math.max(1, Math.floor(dev.length / n)) === 0).slice(0, n);
    writeFileSync(path.join(dir, 'sample.txt'), sample.map((i) => `=== ${i.shown} label ${i.label} → ${i.expected}\n${statements(readFileSync(i.file, 'utf8')).join('\n--\n').slice(0, 1500)}`).join('\n\n'));
    console.log(`\nsample written to ${path.join(dir, 'sample.txt')}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) await main();

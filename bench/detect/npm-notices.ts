// The "npm source-file notices" set: source files (not LICENSE/COPYING files) of the benchmark's npm tree that carry a
// license header, notice, @license comment or SPDX tag, labelled by their package's package.json `license`.
// Run alone to print the selection counts and a seeded random sample for checking labels by eye:
//   npx tsx bench/detect/npm-notices.ts [--sample 50] [--seed 1]
//
// Selection rule (only unambiguous cases are kept; the counts of every exclusion are printed):
// 1. the package's package.json `license` is one SPDX id (a string, no expression, no legacy `licenses` array);
// 2. the file is JavaScript/TypeScript/CSS source (.js .mjs .cjs .jsx .ts .mts .cts .tsx .css .scss .less), inside
//    the package's own folder: not under a nested node_modules, not under a vendor/third_party/external/deps folder, and
//    no folder between it and the package root holds its own LICENSE/COPYING/NOTICE file or a package.json with a name;
// 3. its comments (read with TypeScript's parser; CSS block comments) hold a license statement: a comment that names a
//    license family (keyword list below) and carries a licensing word (licen[cs]e, spdx, permission, redistribut,
//    public domain, free software; a copyright line alone is no license statement);
// 4. every such statement in the file names one and the same family, and it is the family of the package's id (a
//    header naming MIT in an ISC package, or MIT beside Apache in a bundle, is left out); for BSD, a variant stated by
//    name ("New BSD", "2-clause") or by a full text (endorsement clause or not) must be the package's;
// 5. files with the same content are kept once.
// The family keywords are independent of the detector (they decide only which files are in the set, not the id).
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import { bsdVariant, bsdVariantDisagrees, familiesIn, familyOfId } from './families.js';
import { ensureTree, installedPackages, treeDir } from './shared.js';

export interface NoticeItem {
  file: string;
  expected: string[];
  /** The package's name, for per-package summaries. */
  pkg: string;
  /** The file's license statements with digits and spacing flattened: files sharing it share one header form. */
  form: string;
}

const SOURCE = /\.(?:[cm]?js|jsx|[cm]?ts|tsx|css|scss|less)$/;
const VENDOR_DIR = /^(?:vendor|vendors|vendored|third[-_]?party|external|externals|deps|bundled)$/i;
const OWN_LICENSE_FILE = /^(?:licen[cs]e|copying|notice)(?:[-._].*)?$/i;
const LICENSING_WORD = /licen[cs]|spdx|permission|redistribut|public domain|free software/i;

/** Comments of a source file, read with TypeScript's parser (a bare scanner takes a "//" inside a regex for one). */
function comments(text: string, file: string): string[] {
  if (/\.(?:css|scss|less)$/.test(file)) return text.match(/\/\*[\s\S]*?\*\//g) ?? [];
  const kind = /\.[cm]?ts$/.test(file) ? ts.ScriptKind.TS : /\.tsx$/.test(file) ? ts.ScriptKind.TSX : /\.jsx$/.test(file) ? ts.ScriptKind.JSX : ts.ScriptKind.JS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, kind);
  const starts = new Set<number>();
  const ranges: ts.CommentRange[] = [];
  const add = (found: ts.CommentRange[] | undefined): void => {
    for (const r of found ?? []) {
      if (starts.has(r.pos)) continue;
      starts.add(r.pos);
      ranges.push(r);
    }
  };
  const visit = (node: ts.Node): void => {
    add(ts.getLeadingCommentRanges(text, node.pos));
    ts.forEachChild(node, visit);
    add(ts.getTrailingCommentRanges(text, node.end));
  };
  visit(source);
  add(ts.getLeadingCommentRanges(text, source.endOfFileToken.pos));
  // A run of "//" lines is one comment (a license text written with line comments).
  const out: string[] = [];
  let lastEnd = -1;
  for (const r of ranges.sort((a, b) => a.pos - b.pos)) {
    const joins = r.kind === ts.SyntaxKind.SingleLineCommentTrivia && lastEnd >= 0 && /^[ \t]*\r?\n[ \t]*$/.test(text.slice(lastEnd, r.pos));
    if (joins) out[out.length - 1] += `\n${text.slice(r.pos, r.end)}`;
    else out.push(text.slice(r.pos, r.end));
    lastEnd = r.kind === ts.SyntaxKind.SingleLineCommentTrivia ? r.end : -1;
  }
  return out;
}

/** A sub-folder that carries its own license file or is a package of its own: vendored code. */
function ownLicenseDir(dir: string): boolean {
  for (const name of readdirSync(dir)) {
    if (OWN_LICENSE_FILE.test(name)) return true;
    if (name === 'package.json') {
      try {
        if ((JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as { name?: unknown }).name) return true;
      } catch {
        return true;
      }
    }
  }
  return false;
}

export interface NoticeSet {
  items: NoticeItem[];
  /** Files excluded, by reason. */
  excluded: Map<string, number>;
}

export function npmSourceNotices(): NoticeSet {
  ensureTree();
  const requireFromHere = createRequire(import.meta.url);
  const known = new Map<string, string>();
  for (const id of requireFromHere('spdx-license-ids/index.json') as string[]) known.set(id.toLowerCase(), id);
  const excluded = new Map<string, number>();
  const exclude = (why: string): void => void excluded.set(why, (excluded.get(why) ?? 0) + 1);
  const seen = new Set<string>();
  const items: NoticeItem[] = [];
  for (const pkg of installedPackages(path.join(treeDir, 'node_modules'))) {
    const id = typeof pkg.license === 'string' ? known.get(pkg.license.toLowerCase()) : undefined;
    const labelFamily = id ? familyOfId(id) : null;
    const walk = (dir: string, vendored: boolean): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (entry.name === 'node_modules') continue;
          walk(p, vendored || VENDOR_DIR.test(entry.name) || ownLicenseDir(p));
          continue;
        }
        if (!entry.isFile() || !SOURCE.test(entry.name) || OWN_LICENSE_FILE.test(entry.name)) continue;
        const text = readFileSync(p, 'utf8');
        if (!LICENSING_WORD.test(text)) continue;
        const statements = comments(text, p).filter((c) => LICENSING_WORD.test(c) && familiesIn(c).length > 0);
        if (statements.length === 0) continue;
        if (!id || !labelFamily) {
          exclude(typeof pkg.license === 'string' && /\s(?:OR|AND)\s/i.test(pkg.license) ? 'package license is an SPDX expression' : 'package license is not one known SPDX id');
          continue;
        }
        if (vendored) {
          exclude('in a vendored sub-folder');
          continue;
        }
        const families = new Set(statements.flatMap(familiesIn));
        if (families.size > 1) {
          exclude('statements name more than one license family');
          continue;
        }
        if (!families.has(labelFamily)) {
          exclude('statements name a family other than the package license');
          continue;
        }
        const variants = new Set(statements.map(bsdVariant).filter((v) => v !== null));
        if (labelFamily === 'BSD' && bsdVariantDisagrees(id, variants)) {
          exclude('statements state a BSD variant other than the package license');
          continue;
        }
        const hash = createHash('sha1').update(text).digest('hex');
        if (seen.has(hash)) {
          exclude('same content as a file already in the set');
          continue;
        }
        seen.add(hash);
        const form = statements.map((c) => c.replace(/\d+/g, '#').replace(/[\s*/]+/g, ' ').trim().slice(0, 400)).join(' | ');
        items.push({ file: p, expected: [id], pkg: pkg.name, form });
      }
    };
    walk(pkg.dir, false);
  }
  return { items, excluded };
}

/** Deterministic shuffle (mulberry32), so a sample can be re-drawn and checked again. */
function seededSample<T>(items: T[], n: number, seed: number): T[] {
  let s = seed >>> 0;
  const next = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const arg = (name: string, fallback: number): number => {
    const at = process.argv.indexOf(name);
    return at >= 0 ? Number(process.argv[at + 1]) : fallback;
  };
  const { items, excluded } = npmSourceNotices();
  const byId = new Map<string, number>();
  for (const i of items) byId.set(i.expected[0]!, (byId.get(i.expected[0]!) ?? 0) + 1);
  console.log(`${items.length} files, ${new Set(items.map((i) => i.pkg)).size} packages, ${new Set(items.map((i) => i.form)).size} header forms`);
  console.log('by id:', Object.fromEntries([...byId].sort((a, b) => b[1] - a[1])));
  console.log('excluded:', Object.fromEntries(excluded));
  for (const item of seededSample(items, arg('--sample', 50), arg('--seed', 1))) {
    console.log(`\n=== ${path.relative(treeDir, item.file)}  label ${item.expected[0]}\n${item.form.slice(0, 600)}`);
  }
}

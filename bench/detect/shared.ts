import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
export const treeDir = path.join(repoRoot, 'bench/.data/tree');
export const corporaDir = process.env.CLEARANCE_SHARED_DATA ? path.join(process.env.CLEARANCE_SHARED_DATA, 'license-corpora') : path.resolve(repoRoot, '../shared/license-corpora');

/** Installs a sizeable npm tree (20,000+ files) for the benchmarks when absent. */
export function ensureTree(): void {
  if (existsSync(path.join(treeDir, 'node_modules'))) return;
  execFileSync('npm', ['install', '--prefix', treeDir, '--no-audit', '--no-fund', '--ignore-scripts', 'webpack', 'eslint', 'jest', '@babel/core', 'typescript', 'react-scripts'], { stdio: 'inherit' });
}

/** An installed npm package: its folder, its name and its package.json `license` as written. */
export interface InstalledPackage {
  dir: string;
  name: string;
  license: unknown;
}

/** Every package installed under a node_modules folder, scoped and nested ones included. */
export function installedPackages(nodeModules: string): InstalledPackage[] {
  const out: InstalledPackage[] = [];
  const visit = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      if (name.startsWith('.')) continue;
      const pkgDir = path.join(dir, name);
      if (name.startsWith('@')) {
        visit(pkgDir);
        continue;
      }
      const manifest = path.join(pkgDir, 'package.json');
      if (!existsSync(manifest)) continue;
      const json = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; license?: unknown };
      out.push({ dir: pkgDir, name: json.name ?? name, license: json.license });
      if (existsSync(path.join(pkgDir, 'node_modules'))) visit(path.join(pkgDir, 'node_modules'));
    }
  };
  visit(nodeModules);
  return out;
}

export function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out);
    else if (entry.isFile()) out.push(p);
  }
  return out;
}

export function fileSize(p: string): number {
  return statSync(p).size;
}

/** licensecheck's SPDX-ish short names → SPDX ids ("GPL-2+" → GPL-2.0-or-later, "GPL-2" → GPL-2.0-only). */
export function fromLicensecheck(name: string, known: Map<string, string>): string[] {
  const out: string[] = [];
  for (const raw of name.split(/\s+(?:and\/or|or|and)\s+|\s*,\s*/)) {
    let n = raw.trim().replace(/^\(|\)$/g, '');
    if (!n || /^UNKNOWN$/i.test(n)) continue;
    const plus = n.endsWith('+') || /-or-later$/i.test(n);
    n = n.replace(/\+$/, '').replace(/-or-later$|-only$/i, '');
    const gnu = /^(A?GPL|LGPL|GFDL)-?(\d(?:\.\d)?)$/i.exec(n);
    if (gnu) {
      const version = gnu[2]!.includes('.') ? gnu[2] : `${gnu[2]}.0`;
      out.push(`${gnu[1]!.toUpperCase()}-${version}-${plus ? 'or-later' : 'only'}`);
      continue;
    }
    const id = known.get(n.toLowerCase()) ?? known.get(`${n.toLowerCase()}.0`) ?? n;
    out.push(plus && !id.endsWith('-or-later') ? `${id}+` : id);
  }
  return out;
}

/** Runs licensecheck on files in batches; returns path → SPDX ids. */
export function runLicensecheck(files: string[], known: Map<string, string>): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (let i = 0; i < files.length; i += 200) {
    const batch = files.slice(i, i + 200);
    let out: string;
    try {
      out = execFileSync('licensecheck', ['--machine', '--shortname-scheme', 'spdx', '--check', '.*', '--lines', '0', '--', ...batch], { encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'ignore'] });
    } catch (error) {
      out = (error as { stdout?: string }).stdout ?? '';
    }
    for (const line of out.split('\n')) {
      const [file, license] = line.split('\t');
      if (file) result.set(file, fromLicensecheck(license ?? '', known));
    }
  }
  return result;
}

/** Family of an id, to find wrong siblings: GPL-2.0-only and GPL-2.0-or-later are one family, BSD-2/3/4 another. */
export function family(id: string): string {
  return id.replace(/ WITH .*/, '').replace(/^(BSD|MIT|CC|GPL|LGPL|AGPL|GFDL|MPL|Apache|EPL|OFL|Artistic|ISC|0BSD).*$/i, (_, f: string) => (/^(ISC|0BSD|MIT)$/i.test(f) ? 'MIT-ISC' : f.toUpperCase()));
}

/** Correct when the expected id is found and no other id of its family is. */
export function judge(expected: string, found: string[], alsoExpected: string[] = []): boolean {
  // "GPL-2.0-only WITH Classpath-exception-2.0" finds both ids.
  const ids = found.flatMap((f) => f.split(/ AND | OR | WITH /).map((x) => x.replace(/^\(+|\)+$/g, '')));
  if (!ids.includes(expected)) return false;
  return !ids.some((id) => id !== expected && !alsoExpected.includes(id) && family(id) === family(expected));
}

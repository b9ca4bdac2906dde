import type { DependencyScope } from '../../../../../../shared/model/component.js';
import type { DeclaredDependency, FoundPackage, ManifestResult } from '../types.js';
import { addHash, addReference, makeDeclared, makePackage, ManifestBuilder } from '../common/builder.js';
import { parseJson } from '../common/syntax.js';
import { arr, entries, isRecord, MAX_LICENSE, rec, str } from '../common/text.js';

/** php, ext-*, lib-* and composer's own APIs are platform requirements, not packages. */
function isPlatform(name: string): boolean {
  return !name.includes('/') || /^(php(-64bit)?|hhvm)$|^(ext|lib)-|^composer(-plugin|-runtime)?-api$/.test(name);
}

function splitComposerName(full: string): [string | null, string] {
  const slash = full.indexOf('/');
  return slash === -1 ? [null, full] : [full.slice(0, slash), full.slice(slash + 1)];
}

/** Composer's license is a string or an array; composer's schema says an array means the user may choose (OR). */
function composerLicense(v: unknown): string | null {
  if (typeof v === 'string') return str(v, MAX_LICENSE);
  const list = arr(v).map((l) => str(l, MAX_LICENSE)).filter((l): l is string => l !== null);
  if (list.length === 0) return null;
  return list.length === 1 ? list[0]! : list.map((l) => (/\s(or|and)\s/i.test(l) ? `(${l})` : l)).join(' OR ');
}

function authorsOf(v: unknown): string | null {
  const names = arr(v).map((a) => str(rec(a)['name'], 256)).filter((a): a is string => a !== null);
  return names.length > 0 ? names.join(', ') : null;
}

function composerPackage(entry: Record<string, unknown>, scope: DependencyScope, isRoot: boolean): FoundPackage | null {
  const full = str(entry['name'], 512);
  if (!full) return null;
  const [ns, name] = splitComposerName(full);
  const pkg = makePackage({
    ecosystem: 'composer', purlType: 'composer', namespace: ns, name,
    version: str(entry['version'], 256),
    declaredLicense: composerLicense(entry['license']),
    scope, isRoot,
    description: str(entry['description']),
    author: authorsOf(entry['authors']),
    homepage: str(entry['homepage'], 2048),
  });
  addReference(pkg, 'website', entry['homepage']);
  const source = rec(entry['source']);
  if (source['type'] === 'git') addReference(pkg, 'vcs', source['url']);
  const dist = rec(entry['dist']);
  addReference(pkg, 'distribution', dist['url']);
  addHash(pkg, 'SHA-1', str(dist['shasum'], 64));
  return pkg;
}

/** composer.json: the package, its license and its require / require-dev constraints. */
export function readComposerJson(content: string): ManifestResult {
  const b = new ManifestBuilder('composer.json');
  const json = parseJson(content, b);
  if (!isRecord(json)) {
    if (json !== undefined) b.problem(null, 'composer.json is not a JSON object');
    return b.result();
  }
  const declared: DeclaredDependency[] = [];
  for (const [field, scope] of [['require', 'runtime'], ['require-dev', 'dev']] as const) {
    for (const [dep, range] of entries(json[field])) {
      if (isPlatform(dep)) continue;
      const [ns, n] = splitComposerName(dep);
      declared.push(makeDeclared('composer', ns, n, typeof range === 'string' ? range : null, scope));
    }
  }
  const pkg = composerPackage(json, 'runtime', true);
  if (!pkg) return b.result(); // a project without a name has nothing to merge by
  if (declared.length > 0) pkg.declaredDependencies = declared;
  b.add(pkg);
  return b.result();
}

/** composer.lock: `packages` (runtime) and `packages-dev`, each with license and require. */
export function readComposerLock(content: string): ManifestResult {
  const b = new ManifestBuilder('composer.lock');
  const json = parseJson(content, b);
  if (!isRecord(json)) {
    if (json !== undefined) b.problem(null, 'composer.lock is not a JSON object');
    return b.result();
  }
  const byName = new Map<string, string>();
  const found: [string, Record<string, unknown>][] = [];
  for (const [field, scope] of [['packages', 'runtime'], ['packages-dev', 'dev']] as const) {
    for (const raw of arr(json[field])) {
      const entry = rec(raw);
      const pkg = composerPackage(entry, scope, false);
      if (!pkg) continue;
      const ref = b.add(pkg).ref;
      byName.set(String(entry['name']).toLowerCase(), ref);
      found.push([ref, entry]);
    }
  }
  for (const [from, entry] of found) {
    for (const [dep] of entries(entry['require'])) {
      const to = byName.get(dep.toLowerCase());
      if (to !== undefined) b.edge(from, to, 'runtime');
    }
  }
  return b.result();
}

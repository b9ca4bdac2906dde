import type { DependencyScope } from '../../../../../../shared/model/component.js';
import type { FoundPackage, ManifestResult } from '../types.js';
import { addHash, addReference, ManifestBuilder } from '../common/builder.js';
import { markDirect, scopeByReachability } from '../common/graph.js';
import { parseJson, parseToml } from '../common/syntax.js';
import { arr, entries, isRecord, rec, str } from '../common/text.js';
import { normalisePyName, pypiPackage } from './common.js';

/** poetry.lock: [[package]] with [package.dependencies]; `category` (Poetry 1.x) or `groups` (2.x) say dev. */
export function readPoetryLock(content: string): ManifestResult {
  const b = new ManifestBuilder('poetry.lock');
  const toml = parseToml(content, b);
  if (!toml) return b.result();
  const version = str(rec(toml['metadata'])['lock-version'], 32);
  if (version) b.format = `poetry.lock v${version}`;
  const byName = new Map<string, string>();
  const found: [string, Record<string, unknown>][] = [];
  for (const raw of arr(toml['package'])) {
    const entry = rec(raw);
    const name = str(entry['name'], 512);
    if (!name) continue;
    const groups = arr(entry['groups']).map(String);
    const category = str(entry['category'], 32);
    const scope: DependencyScope = entry['optional'] === true ? 'optional'
      : category === 'dev' || (groups.length > 0 && !groups.includes('main')) ? 'dev'
      : category === 'main' || groups.includes('main') ? 'runtime' : 'unknown';
    const pkg = pypiPackage({ name, version: str(entry['version'], 256), scope, description: str(entry['description']) });
    const source = rec(entry['source']);
    if (source['type'] === 'git') addReference(pkg, 'vcs', source['url']);
    const ref = b.add(pkg).ref;
    byName.set(normalisePyName(name), ref);
    found.push([ref, entry]);
  }
  for (const [from, entry] of found) {
    for (const [dep, spec] of entries(entry['dependencies'])) {
      const to = byName.get(normalisePyName(dep));
      const optional = isRecord(spec) && spec['optional'] === true;
      if (to !== undefined) b.edge(from, to, optional ? 'optional' : 'runtime');
    }
  }
  return b.result();
}

/** Pipfile.lock: `default` (runtime) and `develop` (dev) maps of name → {version: "==x", hashes}. */
export function readPipfileLock(content: string): ManifestResult {
  const b = new ManifestBuilder('Pipfile.lock');
  const json = parseJson(content, b);
  if (json === undefined) return b.result();
  if (!isRecord(json)) {
    b.problem(null, 'Pipfile.lock is not a JSON object');
    return b.result();
  }
  for (const [section, scope] of [['default', 'runtime'], ['develop', 'dev']] as const) {
    for (const [name, value] of entries(json[section])) {
      const entry = rec(value);
      const pinned = str(entry['version'], 256);
      const pkg = pypiPackage({ name, version: pinned ? pinned.replace(/^===?/, '') : null, scope });
      const hash = arr(entry['hashes']).map((h) => str(h, 200)).find((h) => h?.startsWith('sha256:'));
      if (hash) addHash(pkg, 'SHA-256', hash.slice(7));
      if (entry['git']) addReference(pkg, 'vcs', entry['git']);
      b.add(pkg);
    }
  }
  return b.result();
}

/** uv.lock: [[package]] with dependency tables; the project itself has source {editable|virtual = "."}. */
export function readUvLock(content: string): ManifestResult {
  const b = new ManifestBuilder('uv.lock');
  const toml = parseToml(content, b);
  if (!toml) return b.result();
  if (toml['version'] !== undefined) b.format = `uv.lock v${String(toml['version'])}`;
  const byName = new Map<string, FoundPackage[]>();
  const found: [FoundPackage, Record<string, unknown>][] = [];
  for (const raw of arr(toml['package'])) {
    const entry = rec(raw);
    const name = str(entry['name'], 512);
    if (!name) continue;
    const source = rec(entry['source']);
    const local = str(source['editable'] ?? source['virtual'], 1024);
    const pkg = pypiPackage({
      name,
      version: str(entry['version'], 256),
      scope: local !== null ? 'runtime' : 'unknown',
      isRoot: local === '.',
      installPath: local !== null && local !== '.' ? local : null,
    });
    const sdist = rec(entry['sdist']);
    const hash = str(sdist['hash'], 200);
    if (hash?.startsWith('sha256:')) addHash(pkg, 'SHA-256', hash.slice(7));
    addReference(pkg, 'distribution', sdist['url']);
    if (source['git']) addReference(pkg, 'vcs', source['git']);
    const kept = b.add(pkg);
    const key = normalisePyName(name);
    byName.set(key, [...(byName.get(key) ?? []), kept]);
    found.push([kept, entry]);
  }
  const target = (dep: unknown): string | undefined => {
    const d = rec(dep);
    const candidates = byName.get(normalisePyName(str(d['name'], 512) ?? ''));
    if (!candidates) return undefined;
    const version = str(d['version'], 256);
    return (version ? candidates.find((c) => c.version === version) : candidates[0])?.ref;
  };
  const roots: [string, DependencyScope][] = [];
  for (const [pkg, entry] of found) {
    const lists: [unknown, DependencyScope][] = [[entry['dependencies'], 'runtime']];
    for (const [, list] of entries(entry['optional-dependencies'])) lists.push([list, 'optional']);
    for (const [group, list] of entries(entry['dev-dependencies'])) lists.push([list, /test/i.test(group) ? 'test' : 'dev']);
    for (const [list, scope] of lists) {
      for (const dep of arr(list)) {
        const to = target(dep);
        if (to === undefined) continue;
        b.edge(pkg.ref, to, scope);
        if (pkg.isRoot || pkg.installPath !== null) roots.push([to, scope]);
      }
    }
  }
  markDirect(b, roots.filter(([ref]) => !b.get(ref)?.isRoot && b.get(ref)?.installPath === null).map(([ref]) => ref));
  scopeByReachability(b, roots);
  return b.result();
}

import type { DependencyScope } from '../../../../../../shared/model/component.js';
import type { ManifestResult } from '../types.js';
import { makePackage, ManifestBuilder } from '../common/builder.js';
import { parseYaml } from '../common/syntax.js';
import { entries, isRecord, rec, str } from '../common/text.js';
import { addIntegrity, splitNpmName } from './common.js';
import { markDirect, scopeByReachability } from '../common/graph.js';

type Style = 'v5' | 'v6' | 'v9';

/** pnpm-lock.yaml, lockfile versions 5.x (keys "/name/1.0.0"), 6.x ("/name@1.0.0") and 9.x ("name@1.0.0" + snapshots). */
export function readPnpmLock(content: string): ManifestResult {
  const b = new ManifestBuilder('pnpm-lock.yaml');
  const doc = parseYaml(content, b);
  if (!isRecord(doc)) {
    if (doc !== undefined) b.problem(null, 'pnpm-lock.yaml is not a mapping');
    return b.result();
  }
  const lockVersion = String(doc['lockfileVersion'] ?? '');
  const major = parseInt(lockVersion, 10);
  const style: Style = major >= 9 ? 'v9' : major >= 6 ? 'v6' : 'v5';
  b.format = `pnpm-lock.yaml v${lockVersion || '?'}`;

  const refByKey = new Map<string, string>();
  const hasDevFlags = style !== 'v9';
  const packages = rec(doc['packages']);
  const snapshots = isRecord(doc['snapshots']) ? doc['snapshots'] : null;
  // v9 splits each package into metadata (packages, keyed without peer suffix) and graph (snapshots).
  const graphEntries = snapshots ?? packages;
  for (const [key, value] of Object.entries(graphEntries)) {
    const entry = rec(value);
    const meta = snapshots ? rec(packages[stripPeers(key, style)]) : entry;
    const id = identityOf(key, style, meta);
    if (!id) {
      b.problem(null, `cannot read the package name of "${key.slice(0, 200)}"`);
      continue;
    }
    const [ns, n] = splitNpmName(id.name);
    const scope: DependencyScope = !hasDevFlags ? 'unknown'
      : entry['dev'] === true ? 'dev' : entry['optional'] === true ? 'optional' : entry['dev'] === false ? 'runtime' : 'unknown';
    const pkg = makePackage({
      ecosystem: 'npm', purlType: 'npm', namespace: ns, name: n, version: id.version, scope,
      installPath: installPathOf(key, style, id.name),
      declaredLicense: null,
    });
    addIntegrity(pkg, rec(meta['resolution'])['integrity']);
    const tarball = str(rec(meta['resolution'])['tarball'], 2048);
    if (tarball) pkg.externalReferences.push({ type: 'distribution', url: tarball });
    refByKey.set(key, b.add(pkg).ref);
  }
  // Edges: a dependency's value is a version (+ peer suffix) of that name, or a full key for aliases.
  const keyOf = (dep: string, ref: string): string => {
    if (style === 'v9') return /^@?[^@]+@/.test(ref) && !/^\d/.test(ref) ? ref : `${dep}@${ref}`;
    if (ref.startsWith('/')) return ref;
    return style === 'v6' ? `/${dep}@${ref}` : `/${dep}/${ref}`;
  };
  const edgesOf = (entry: Record<string, unknown>): [string, DependencyScope][] => {
    const out: [string, DependencyScope][] = [];
    for (const [field, scope] of [['dependencies', 'runtime'], ['optionalDependencies', 'optional']] as const) {
      for (const [dep, v] of entries(entry[field])) {
        const version = isRecord(v) ? str(v['version'], 2048) : str(v, 2048);
        if (!version || version.startsWith('link:') || version.startsWith('file:')) continue;
        const to = refByKey.get(keyOf(dep, version));
        if (to !== undefined) out.push([to, scope]);
      }
    }
    return out;
  };
  for (const [key, value] of Object.entries(graphEntries)) {
    const from = refByKey.get(key);
    if (from === undefined) continue;
    for (const [to, scope] of edgesOf(rec(value))) b.edge(from, to, scope);
  }

  // Importers (the project and its workspaces) name the direct dependencies; v5 single projects put them at the top.
  const importers = isRecord(doc['importers']) ? Object.values(doc['importers']) : [doc];
  const roots: [string, DependencyScope][] = [];
  for (const importer of importers) {
    const imp = rec(importer);
    for (const [field, scope] of [['dependencies', 'runtime'], ['optionalDependencies', 'optional'], ['devDependencies', 'dev']] as const) {
      for (const [to] of edgesOf({ dependencies: imp[field] })) roots.push([to, scope]);
    }
  }
  markDirect(b, roots.map(([to]) => to));
  if (!hasDevFlags) scopeByReachability(b, roots);
  return b.result();
}

function stripPeers(key: string, style: Style): string {
  if (style === 'v5') {
    const us = key.indexOf('_', key.lastIndexOf('/'));
    return us === -1 ? key : key.slice(0, us);
  }
  const paren = key.indexOf('(');
  return paren === -1 ? key : key.slice(0, paren);
}

function identityOf(key: string, style: Style, meta: Record<string, unknown>): { name: string; version: string | null } | null {
  const explicitName = str(meta['name'], 512);
  const explicitVersion = str(meta['version'], 256);
  const base = stripPeers(key, style).replace(/^\//, '');
  let name: string | null = null;
  let version: string | null = null;
  if (style === 'v5') {
    const slash = base.lastIndexOf('/');
    if (slash > 0) {
      name = base.slice(0, slash);
      version = base.slice(slash + 1);
    }
  } else {
    const at = base.lastIndexOf('@');
    if (at > 0) {
      name = base.slice(0, at);
      version = base.slice(at + 1);
    }
  }
  // Non-registry packages (git, tarball URLs) have keys that are not name+version; their entries say.
  if (explicitName) return { name: explicitName, version: explicitVersion ?? version };
  return name ? { name, version } : null;
}

/** Where pnpm's isolated linker installs the package; null when pnpm would hash the directory name. */
function installPathOf(key: string, style: Style, name: string): string | null {
  let depPath = key.replace(/^\//, '');
  if (style === 'v5') {
    const slash = depPath.lastIndexOf('/');
    if (slash <= 0) return null;
    depPath = `${depPath.slice(0, slash)}@${depPath.slice(slash + 1)}`;
  }
  let dir = depPath.replace(/[\\/:*?"<>|]/g, '+');
  if (dir.includes('(')) dir = dir.replace(/\)$/, '').replace(/\)\(|\(|\)/g, '_');
  if (dir.length > 120 || dir !== dir.toLowerCase()) return null;
  return `node_modules/.pnpm/${dir}/node_modules/${name}`;
}

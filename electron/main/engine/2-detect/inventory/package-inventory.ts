import path from 'node:path/posix';
import type { DeclaredLicense } from '../../../../../shared/model/component.js';
import type { ComponentFindingRecord, ComponentRecord, EdgeRecord, WarningRecord } from '../../3-store/records.js';
import { normaliseDeclaredLicense } from '../packages/index.js';
import type { FoundPackage, ManifestResult } from '../packages/types.js';
import { componentKey } from './component-key.js';
import { inheritFromManifests } from './inherit-from-manifests.js';

export interface ParsedManifest {
  /** Relative to the source root. */
  path: string;
  result: ManifestResult;
}

export interface Inventory {
  components: ComponentRecord[];
  edges: EdgeRecord[];
  findings: ComponentFindingRecord[];
  warnings: WarningRecord[];
  /** Package root directory (relative to the source root) → component key, for assigning files. */
  roots: Map<string, string>;
}

function dirOf(relPath: string): string {
  const dir = path.dirname(relPath);
  return dir === '.' ? '' : dir;
}

function joinRoot(dir: string, sub: string): string {
  const joined = path.normalize(dir === '' ? sub : `${dir}/${sub}`).replace(/\/+$/, '');
  return joined === '.' ? '' : joined;
}

function better<T>(current: T | null, candidate: T | null): T | null {
  return current ?? candidate;
}

/**
 * Merges what every manifest and lockfile of one folder says into one component per package: a package's own
 * manifest (package.json in its folder) wins over a lockfile entry for its declared license and location; a
 * lockfile contributes version, hashes and the dependency graph. The folder itself is the project's root
 * component, named after its manifest when it has one.
 */
export function buildInventory(sourcePath: string, sourceName: string, manifests: ParsedManifest[]): Inventory {
  const byKey = new Map<string, ComponentRecord & { fromOwnManifest: boolean; declaredFrom: string | null }>();
  const roots = new Map<string, string>();
  const edges: EdgeRecord[] = [];
  const findings: ComponentFindingRecord[] = [];
  const warnings: WarningRecord[] = [];
  const rangeDependencies: { fromKey: string; dependencies: NonNullable<FoundPackage['declaredDependencies']> }[] = [];
  inheritFromManifests(manifests);

  // Own manifests first, so that their root and license win; then lockfiles.
  const ordered = [...manifests].sort((a, b) => Number(isLockLike(a)) - Number(isLockLike(b)) || a.path.localeCompare(b.path));

  for (const manifest of ordered) {
    const dir = dirOf(manifest.path);
    const refToKey = new Map<string, string>();
    for (const problem of manifest.result.problems) {
      warnings.push({ path: manifest.path, location: problem.location, message: problem.message });
      findings.push({
        componentKey: null,
        path: manifest.path,
        kind: 'manifest-error',
        license: null,
        score: 1,
        startLine: lineOf(problem.location),
        endLine: lineOf(problem.location),
        text: problem.message,
        matchedBy: `manifest:${manifest.result.format}`,
      });
    }
    for (const pkg of manifest.result.packages) {
      const rootPath = pkg.isRoot ? dir : pkg.installPath !== null ? joinRoot(dir, pkg.installPath) : null;
      const key = componentKey({ purl: pkg.purl, ecosystem: pkg.ecosystem, name: pkg.name, version: pkg.version, rootPath });
      refToKey.set(pkg.ref, key);
      const declared: DeclaredLicense = normaliseDeclaredLicense(pkg.declaredLicense);
      const existing = byKey.get(key);
      if (!existing) {
        byKey.set(key, {
          key,
          purl: pkg.purl,
          namespace: pkg.namespace,
          name: displayName(pkg),
          version: pkg.version,
          ecosystem: pkg.ecosystem,
          scope: pkg.scope,
          sourcePath,
          rootPath,
          isProjectRoot: false,
          declared,
          description: pkg.description,
          supplier: null,
          author: pkg.author,
          cpe: null,
          hashes: pkg.hashes,
          externalReferences: pkg.externalReferences,
          origins: ['scan'],
          extra: null,
          extraFormat: null,
          fromOwnManifest: pkg.isRoot,
          declaredFrom: pkg.declaredLicense ? manifest.path : null,
        });
      } else {
        if (existing.rootPath === null) existing.rootPath = rootPath;
        existing.version = better(existing.version, pkg.version);
        existing.description = better(existing.description, pkg.description);
        existing.author = better(existing.author, pkg.author);
        if (existing.hashes.length === 0) existing.hashes = pkg.hashes;
        if (existing.externalReferences.length === 0) existing.externalReferences = pkg.externalReferences;
        if (existing.scope === 'unknown') existing.scope = pkg.scope;
        if (!existing.declared.verbatim && declared.verbatim) {
          existing.declared = declared;
          existing.declaredFrom = manifest.path;
        }
      }
      if (rootPath !== null && !roots.has(rootPath)) roots.set(rootPath, key);
      // The same package installed in several places: every location holds its files.
      for (const extra of pkg.installPaths ?? []) {
        const location = joinRoot(dir, extra);
        if (!roots.has(location)) roots.set(location, key);
      }
      if (pkg.isRoot && pkg.declaredDependencies?.length) rangeDependencies.push({ fromKey: key, dependencies: pkg.declaredDependencies });
    }
    for (const edge of manifest.result.edges) {
      const fromKey = refToKey.get(edge.from);
      const toKey = refToKey.get(edge.to);
      if (fromKey && toKey) edges.push({ fromKey, toKey, scope: edge.scope });
    }
  }

  let rootKey = roots.get('');
  if (rootKey === undefined) {
    rootKey = componentKey({ purl: null, ecosystem: 'generic', name: sourceName, version: null, rootPath: sourcePath });
    byKey.set(rootKey, {
      key: rootKey,
      purl: null,
      namespace: null,
      name: sourceName,
      version: null,
      ecosystem: 'generic',
      scope: 'runtime',
      sourcePath,
      rootPath: '',
      isProjectRoot: true,
      declared: { verbatim: null, expression: null, normalised: false },
      description: null,
      supplier: null,
      author: null,
      cpe: null,
      hashes: [],
      externalReferences: [],
      origins: ['scan'],
      extra: null,
      extraFormat: null,
      fromOwnManifest: true,
      declaredFrom: null,
    });
    roots.set('', rootKey);
  } else {
    byKey.get(rootKey)!.isProjectRoot = true;
  }

  // A manifest's range dependencies ("^1.2.0") point at whichever installed version the lockfile resolved:
  // the shallowest install of the same package (purl without version).
  const byVersionlessPurl = new Map<string, ComponentRecord & { fromOwnManifest: boolean }>();
  for (const c of byKey.values()) {
    if (!c.purl) continue;
    const versionless = c.purl.replace(/[?#].*$/, '').replace(/@[^@/]*$/, '');
    const current = byVersionlessPurl.get(versionless);
    const depth = (x: ComponentRecord): number => (x.rootPath === null ? Infinity : x.rootPath.length);
    if (!current || depth(c) < depth(current)) byVersionlessPurl.set(versionless, c);
  }
  const edgeKeys = new Set(edges.map((e) => `${e.fromKey}\n${e.toKey}`));
  for (const { fromKey, dependencies } of rangeDependencies) {
    for (const dependency of dependencies) {
      const target = dependency.purl ? byVersionlessPurl.get(dependency.purl) : undefined;
      if (!target || target.key === fromKey || edgeKeys.has(`${fromKey}\n${target.key}`)) continue;
      edges.push({ fromKey, toKey: target.key, scope: dependency.scope });
      edgeKeys.add(`${fromKey}\n${target.key}`);
    }
  }

  // Packages nobody depends on hang off the root, so every component has a path from the project root.
  const hasParent = new Set(edges.map((e) => e.toKey));
  for (const key of byKey.keys()) {
    if (key !== rootKey && !hasParent.has(key)) edges.push({ fromKey: rootKey, toKey: key, scope: byKey.get(key)!.scope });
  }

  const components: ComponentRecord[] = [];
  for (const { fromOwnManifest: _own, declaredFrom, ...component } of byKey.values()) {
    components.push(component);
    if (component.declared.verbatim) {
      findings.push({
        componentKey: component.key,
        path: declaredFrom,
        kind: 'declared',
        license: component.declared.expression,
        score: 1,
        startLine: null,
        endLine: null,
        text: component.declared.verbatim,
        matchedBy: component.declared.normalised ? 'declared:normalised' : 'declared',
      });
    }
  }
  return { components, edges, findings, warnings, roots };
}

/** Maven coordinates read group:artifact; npm scopes and other namespaces read namespace/name. */
function displayName(pkg: FoundPackage): string {
  if (!pkg.namespace) return pkg.name;
  return pkg.ecosystem === 'maven' || pkg.ecosystem === 'gradle' ? `${pkg.namespace}:${pkg.name}` : `${pkg.namespace}/${pkg.name}`;
}

function isLockLike(manifest: ParsedManifest): boolean {
  return !manifest.result.packages.some((p: FoundPackage) => p.isRoot);
}

function lineOf(location: string | null): number | null {
  const match = location ? /^line (\d+)/.exec(location) : null;
  return match ? Number(match[1]) : null;
}

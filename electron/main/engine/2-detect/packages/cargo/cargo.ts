import type { DependencyScope } from '../../../../../../shared/model/component.js';
import type { DeclaredDependency, FoundPackage, ManifestResult } from '../types.js';
import { addHash, addReference, makeDeclared, makePackage, ManifestBuilder } from '../common/builder.js';
import { markDirect } from '../common/graph.js';
import { parseToml } from '../common/syntax.js';
import { arr, entries, isRecord, MAX_LICENSE, rec, str } from '../common/text.js';

function cargoPackage(name: string, version: string | null, extra: Partial<FoundPackage> = {}): FoundPackage {
  return { ...makePackage({ ecosystem: 'cargo', purlType: 'cargo', name, version }), ...extra };
}

/** Cargo.toml: [package] and its dependency tables (also per target). A virtual workspace manifest has no package. */
export function readCargoToml(content: string): ManifestResult {
  const b = new ManifestBuilder('Cargo.toml');
  const toml = parseToml(content, b);
  if (!toml) return b.result();
  // A workspace root (virtual or not) offers [workspace.package] values to its members.
  if (isRecord(toml['workspace'])) {
    const shared = rec(rec(toml['workspace'])['package']);
    b.offer({
      kind: 'cargo-workspace',
      license: typeof shared['license'] === 'string' ? str(shared['license'], MAX_LICENSE) : null,
      version: typeof shared['version'] === 'string' ? str(shared['version'], 256) : null,
    });
  }
  const pkgTable = rec(toml['package']);
  const name = str(pkgTable['name'], 512);
  if (!name) return b.result();
  const declared: DeclaredDependency[] = [];
  const addDeps = (table: unknown, scope: DependencyScope): void => {
    for (const [key, spec] of entries(table)) {
      const s = rec(spec);
      // `package = "real-name"` renames a dependency; the crate is the real name.
      const crate = str(s['package'], 512) ?? key;
      const range = typeof spec === 'string' ? spec : str(s['version'], 256);
      declared.push(makeDeclared('cargo', null, crate, range, s['optional'] === true ? 'optional' : scope));
    }
  };
  const addAll = (t: Record<string, unknown>): void => {
    addDeps(t['dependencies'], 'runtime');
    addDeps(t['dev-dependencies'], 'dev');
    addDeps(t['build-dependencies'], 'build');
  };
  addAll(toml);
  for (const [, target] of entries(toml['target'])) addAll(rec(target));

  // `version.workspace = true` and `license.workspace = true` inherit from the workspace root: filled in by the
  // inventory, which sees every manifest of the tree.
  const version = typeof pkgTable['version'] === 'string' ? str(pkgTable['version'], 256) : null;
  const license = typeof pkgTable['license'] === 'string' ? str(pkgTable['license'], MAX_LICENSE) : null;
  const inherited = (['license', 'version'] as const).filter((field) => rec(pkgTable[field])['workspace'] === true);
  const authors = arr(pkgTable['authors']).map((a) => str(a, 256)).filter((a): a is string => a !== null);
  const homepage = typeof pkgTable['homepage'] === 'string' ? str(pkgTable['homepage'], 2048) : null;
  const pkg = cargoPackage(name, version, {
    declaredLicense: license,
    scope: 'runtime',
    isRoot: true,
    description: typeof pkgTable['description'] === 'string' ? str(pkgTable['description']) : null,
    author: authors.length > 0 ? authors.join(', ') : null,
    homepage,
  });
  addReference(pkg, 'website', homepage);
  if (typeof pkgTable['repository'] === 'string') addReference(pkg, 'vcs', pkgTable['repository']);
  if (declared.length > 0) pkg.declaredDependencies = declared;
  if (inherited.length > 0) pkg.inherits = { from: 'cargo-workspace', fields: inherited };
  b.add(pkg);
  return b.result();
}

/** Cargo.lock v1–v4: [[package]] with `dependencies = ["name", "name version", "name version (source)"]`. */
export function readCargoLock(content: string): ManifestResult {
  const b = new ManifestBuilder('Cargo.lock');
  const toml = parseToml(content, b);
  if (!toml) return b.result();
  b.format = `Cargo.lock v${typeof toml['version'] === 'number' ? toml['version'] : 1}`;
  const legacyChecksums = rec(toml['metadata']);
  const byName = new Map<string, FoundPackage[]>();
  const found: [FoundPackage, Record<string, unknown>][] = [];
  for (const raw of arr(toml['package'])) {
    const entry = rec(raw);
    const name = str(entry['name'], 512);
    if (!name) continue;
    const version = str(entry['version'], 256);
    const source = str(entry['source'], 2048);
    // Crates without a source are the workspace's own (path) crates.
    const pkg = cargoPackage(name, version, { scope: source === null ? 'runtime' : 'unknown' });
    const checksum = str(entry['checksum'], 128) ?? str(legacyChecksums[`checksum ${name} ${version} (${source})`], 128);
    addHash(pkg, 'SHA-256', checksum);
    if (source?.startsWith('git+')) addReference(pkg, 'vcs', source.slice(4));
    const kept = b.add(pkg);
    byName.set(name, [...(byName.get(name) ?? []), kept]);
    found.push([kept, entry]);
  }
  const direct: string[] = [];
  for (const [pkg, entry] of found) {
    const local = entry['source'] === undefined;
    for (const dep of arr(entry['dependencies'])) {
      const [depName, depVersion] = String(dep).split(' ');
      const candidates = byName.get(depName ?? '') ?? [];
      const target = depVersion ? candidates.find((c) => c.version === depVersion) : candidates[0];
      if (!target) {
        b.problem(null, `dependency "${String(dep).slice(0, 200)}" of ${pkg.name} has no [[package]] entry`);
        continue;
      }
      b.edge(pkg.ref, target.ref, 'unknown');
      if (local && target.scope !== 'runtime') direct.push(target.ref);
    }
  }
  markDirect(b, direct);
  // The workspace's own crates are neither direct nor transitive dependencies of the project.
  for (const [pkg, entry] of found) if (entry['source'] === undefined) pkg.direct = null;
  return b.result();
}

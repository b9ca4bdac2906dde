import type { DependencyScope } from '../../../../../../shared/model/component.js';
import type { DeclaredDependency, ManifestResult } from '../types.js';
import { addHash, addReference, makeDeclared, makePackage, ManifestBuilder } from '../common/builder.js';
import { parseYaml } from '../common/syntax.js';
import { entries, isRecord, rec, str } from '../common/text.js';

/** pubspec.lock: packages with `dependency: direct main | direct dev | transitive | direct overridden`. */
export function readPubspecLock(content: string): ManifestResult {
  const b = new ManifestBuilder('pubspec.lock');
  const doc = parseYaml(content, b);
  if (!isRecord(doc)) return b.result();
  for (const [name, value] of entries(doc['packages'])) {
    const e = rec(value);
    const kind = str(e['dependency'], 64) ?? '';
    const source = str(e['source'], 32);
    if (source === 'sdk') continue; // flutter, flutter_test: parts of the SDK, not packages
    const scope: DependencyScope = kind === 'direct dev' ? 'dev' : kind === 'transitive' ? 'unknown' : 'runtime';
    const pkg = makePackage({
      ecosystem: 'pub', purlType: 'pub', name, version: str(e['version'], 256), scope,
      direct: kind.startsWith('direct'),
    });
    const desc = rec(e['description']);
    addHash(pkg, 'SHA-256', str(desc['sha256'], 128));
    if (source === 'git') addReference(pkg, 'vcs', desc['url']);
    b.add(pkg);
  }
  return b.result();
}

/** pubspec.yaml: the package and its dependency constraints (pub keeps licenses in LICENSE files, not here). */
export function readPubspecYaml(content: string): ManifestResult {
  const b = new ManifestBuilder('pubspec.yaml');
  const doc = parseYaml(content, b);
  if (!isRecord(doc)) return b.result();
  const name = str(doc['name'], 512);
  if (!name) return b.result();
  const declared: DeclaredDependency[] = [];
  for (const [field, scope] of [['dependencies', 'runtime'], ['dev_dependencies', 'dev']] as const) {
    for (const [dep, spec] of entries(doc[field])) {
      if (isRecord(spec) && 'sdk' in spec) continue;
      const range = typeof spec === 'string' ? spec : str(rec(spec)['version'], 256);
      declared.push(makeDeclared('pub', null, dep, range, scope));
    }
  }
  const homepage = str(doc['homepage'], 2048);
  const pkg = makePackage({
    ecosystem: 'pub', purlType: 'pub', name, version: str(doc['version'], 256), scope: 'runtime', isRoot: true,
    description: str(doc['description']), homepage,
  });
  addReference(pkg, 'website', homepage);
  addReference(pkg, 'vcs', doc['repository']);
  if (declared.length > 0) pkg.declaredDependencies = declared;
  b.add(pkg);
  return b.result();
}

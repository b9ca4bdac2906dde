import type { DependencyScope } from '../../../../../../shared/model/component.js';
import type { DeclaredDependency, ManifestResult } from '../types.js';
import { addReference, makeDeclared, makePackage, ManifestBuilder } from '../common/builder.js';
import { parseJson } from '../common/syntax.js';
import { baseName, dirOf, entries, isRecord, str } from '../common/text.js';
import { npmLicense, personName, repositoryUrl, splitNpmName } from './common.js';

const DEPENDENCY_FIELDS: [string, DependencyScope][] = [
  ['dependencies', 'runtime'],
  ['optionalDependencies', 'optional'],
  ['peerDependencies', 'peer'],
  ['devDependencies', 'dev'],
];

/** package.json: the package itself, with the dependencies it declares by range. */
export function readPackageJson(content: string, relPath: string): ManifestResult {
  const b = new ManifestBuilder('package.json');
  const json = parseJson(content, b);
  if (json === undefined) return b.result();
  if (!isRecord(json)) {
    b.problem(null, 'package.json is not a JSON object');
    return b.result();
  }
  const declared: DeclaredDependency[] = [];
  for (const [field, scope] of DEPENDENCY_FIELDS) {
    for (const [dep, range] of entries(json[field])) {
      const [ns, n] = splitNpmName(dep);
      declared.push(makeDeclared('npm', ns, n, typeof range === 'string' ? range : null, scope));
    }
  }
  const fullName = str(json['name'], 512);
  // A package.json without a name and dependencies marks a module type ({"type": "module"}), not a package.
  if (!fullName && declared.length === 0) return b.result();
  const [namespace, name] = fullName ? splitNpmName(fullName) : [null, baseName(dirOf(relPath)) || 'root'];
  if (!fullName) b.problem('/name', `package.json has no name; the package is named after its directory ("${name}")`);
  const pkg = makePackage({
    ecosystem: 'npm',
    purlType: 'npm',
    namespace,
    name,
    version: str(json['version'], 256),
    declaredLicense: npmLicense(json),
    scope: 'runtime',
    isRoot: true,
    description: str(json['description']),
    author: personName(json['author']),
    homepage: str(json['homepage'], 2048),
  });
  if (!fullName) {
    pkg.purl = null;
    pkg.ref = 'root';
  }
  addReference(pkg, 'website', json['homepage']);
  addReference(pkg, 'vcs', repositoryUrl(json['repository']));
  addReference(pkg, 'issue-tracker', isRecord(json['bugs']) ? json['bugs']['url'] : json['bugs']);
  if (declared.length > 0) pkg.declaredDependencies = declared;
  b.add(pkg);
  return b.result();
}

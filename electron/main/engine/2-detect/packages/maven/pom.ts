import type { DependencyScope } from '../../../../../../shared/model/component.js';
import type { DeclaredDependency, ManifestResult } from '../types.js';
import { addReference, makeDeclared, ManifestBuilder } from '../common/builder.js';
import { parseXml, xmlText } from '../common/syntax.js';
import { arr, entries, MAX_LICENSE, rec, str } from '../common/text.js';
import { isExactMavenVersion, mavenPackage, parseProperties } from './common.js';

/** The Maven scopes as the data model names them; `provided` is supplied by the runtime, not shipped: build. */
const SCOPES: Record<string, DependencyScope> = {
  compile: 'runtime', runtime: 'runtime', system: 'runtime', test: 'test', provided: 'build',
};

/** Where a jar's root lies from its META-INF/maven/<group>/<artifact>/ directory. */
const JAR_ROOT = '../../../..';

/** pom.xml, in a source tree or inside a jar (META-INF/maven/<g>/<a>/pom.xml). */
export function readPom(content: string, embedded: boolean): ManifestResult {
  const b = new ManifestBuilder(embedded ? 'pom.xml (in a jar)' : 'pom.xml');
  const xml = parseXml(content, b);
  if (!xml) return b.result();
  const project = rec(xml['project']);
  if (Object.keys(project).length === 0) {
    b.problem(null, 'pom.xml has no <project> element');
    return b.result();
  }
  const text = (v: unknown): string | null => str(xmlText(v), 1024);
  const parent = rec(project['parent']);
  const props = new Map<string, string>();
  for (const [k, v] of entries(project['properties'])) {
    const t = text(v);
    if (t !== null) props.set(k, t);
  }
  const groupId = text(project['groupId']) ?? text(parent['groupId']);
  const artifactId = text(project['artifactId']);
  const rawVersion = text(project['version']) ?? text(parent['version']);
  const setBuiltIn = (keys: string[], value: string | null): void => {
    if (value !== null) for (const k of keys) props.set(k, value);
  };
  setBuiltIn(['project.groupId', 'pom.groupId', 'groupId'], groupId);
  setBuiltIn(['project.artifactId', 'pom.artifactId', 'artifactId'], artifactId);
  setBuiltIn(['project.version', 'pom.version', 'version'], rawVersion);
  setBuiltIn(['project.parent.version', 'parent.version'], text(parent['version']));
  setBuiltIn(['project.parent.groupId', 'parent.groupId'], text(parent['groupId']));
  const resolve = (v: string | null): string | null => substitute(v, props);

  if (!artifactId) {
    b.problem(null, 'pom.xml has no artifactId');
    return b.result();
  }
  const managed = new Map<string, string>();
  for (const dep of arr(rec(rec(project['dependencyManagement'])['dependencies'])['dependency'])) {
    const d = rec(dep);
    const v = resolve(text(d['version']));
    if (v) managed.set(`${resolve(text(d['groupId']))}:${resolve(text(d['artifactId']))}`, v);
  }

  const licenses = arr(rec(project['licenses'])['license']).map((l) => str(xmlText(rec(l)['name']), MAX_LICENSE) ?? str(xmlText(rec(l)['url']), MAX_LICENSE));
  const named = licenses.filter((l): l is string => l !== null);
  const url = text(project['url']);
  const root = mavenPackage({
    namespace: resolve(groupId),
    name: resolve(artifactId) ?? artifactId,
    version: resolve(rawVersion),
    // Maven: "If multiple licenses are listed, it is assumed that the user can select any of them."
    declaredLicense: named.length === 0 ? null : named.length === 1 ? named[0]! : named.map((n) => (/\s(OR|AND)\s/.test(n) ? `(${n})` : n)).join(' OR '),
    scope: 'runtime',
    isRoot: !embedded,
    installPath: embedded ? JAR_ROOT : null,
    description: str(xmlText(project['description'])) ?? str(xmlText(project['name'])),
    author: str(xmlText(rec(project['organization'])['name']), 512),
    homepage: url,
  });
  if (!embedded) {
    // A pom without <licenses> inherits its parent's (Maven's model inheritance); a multi-module tree has the
    // parent beside it, at <relativePath> (default ../pom.xml). The inventory resolves it across files.
    const parentCoordinates = text(parent['groupId']) && text(parent['artifactId']) ? `${text(parent['groupId'])}:${text(parent['artifactId'])}` : null;
    // An empty <relativePath/> means "not in this tree": the parent comes from a repository only.
    const relativePath = project['parent'] === undefined ? null : parent['relativePath'] === undefined ? '../pom.xml' : text(parent['relativePath']);
    const inherits = parentCoordinates && relativePath && named.length === 0
      ? { from: 'maven-parent' as const, fields: ['license' as const], relativePath, coordinates: parentCoordinates }
      : undefined;
    if (inherits) root.inherits = inherits;
    b.offer({ kind: 'maven-parent', coordinates: `${resolve(groupId)}:${resolve(artifactId) ?? artifactId}`, license: root.declaredLicense, version: root.version, ...(inherits ? { inherits } : {}) });
  }
  addReference(root, 'website', resolve(url));
  addReference(root, 'vcs', resolve(text(rec(project['scm'])['url'])));
  const rootRef = b.add(root).ref;

  const declared: DeclaredDependency[] = [];
  for (const dep of arr(rec(project['dependencies'])['dependency'])) {
    const d = rec(dep);
    const g = resolve(text(d['groupId']));
    const a = resolve(text(d['artifactId']));
    if (!g || !a) continue;
    const mavenScope = text(d['scope']) ?? 'compile';
    if (mavenScope === 'import') continue;
    const scope: DependencyScope = text(d['optional']) === 'true' ? 'optional' : (SCOPES[mavenScope] ?? 'unknown');
    const version = resolve(text(d['version'])) ?? managed.get(`${g}:${a}`) ?? null;
    if (!isExactMavenVersion(version)) {
      declared.push(makeDeclared('maven', g, a, version, scope));
      continue;
    }
    const qualifiers: Record<string, string> = {};
    const type = text(d['type']);
    const classifier = resolve(text(d['classifier']));
    if (type && type !== 'jar') qualifiers['type'] = type;
    if (classifier) qualifiers['classifier'] = classifier;
    const pkg = b.add(mavenPackage({ namespace: g, name: a, version, qualifiers, scope, direct: true }));
    b.edge(rootRef, pkg.ref, scope);
  }
  if (declared.length > 0) root.declaredDependencies = declared;
  return b.result();
}

/** ${name} references replaced from the properties, a few rounds for properties that use properties. */
function substitute(value: string | null, props: Map<string, string>): string | null {
  if (value === null || !value.includes('${')) return value;
  let v = value;
  for (let round = 0; round < 5 && v.includes('${'); round++) {
    v = v.replace(/\$\{([^}]{1,200})\}/g, (whole, key: string) => props.get(key) ?? whole);
    if (v.length > 1024) return null;
  }
  return v;
}

/** pom.properties inside a jar: groupId, artifactId, version of the jar. */
export function readPomProperties(content: string): ManifestResult {
  const b = new ManifestBuilder('pom.properties');
  const p = parseProperties(content);
  const artifactId = str(p.get('artifactId'), 512);
  if (!artifactId) {
    b.problem(null, 'pom.properties has no artifactId');
    return b.result();
  }
  b.add(mavenPackage({
    namespace: str(p.get('groupId'), 512),
    name: artifactId,
    version: str(p.get('version'), 256),
    scope: 'runtime',
    installPath: JAR_ROOT,
  }));
  return b.result();
}

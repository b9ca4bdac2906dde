import type { DependencyScope } from '../../../../../../shared/model/component.js';
import type { DeclaredDependency, ManifestResult } from '../types.js';
import { addReference, makeDeclared, ManifestBuilder } from '../common/builder.js';
import { parseToml } from '../common/syntax.js';
import { arr, entries, isRecord, MAX_LICENSE, rec, str } from '../common/text.js';
import { parseRequirement, pypiPackage, requirementScope } from './common.js';

/** pyproject.toml: PEP 621 [project], Poetry's [tool.poetry], PEP 735 [dependency-groups], [build-system]. */
export function readPyproject(content: string): ManifestResult {
  const b = new ManifestBuilder('pyproject.toml');
  const toml = parseToml(content, b);
  if (!toml) return b.result();
  const project = rec(toml['project']);
  const poetry = rec(rec(toml['tool'])['poetry']);
  const name = str(project['name'], 512) ?? str(poetry['name'], 512);
  if (!name) return b.result(); // tool configuration only (black, ruff …): no package here

  const declared: DeclaredDependency[] = [];
  const addPep508 = (list: unknown, scope: DependencyScope): void => {
    for (const item of arr(list)) {
      const req = typeof item === 'string' ? parseRequirement(item) : null;
      if (req) declared.push(makeDeclared('pypi', null, req.name, req.specifier, requirementScope(req, scope)));
    }
  };
  addPep508(project['dependencies'], 'runtime');
  for (const [, list] of entries(project['optional-dependencies'])) addPep508(list, 'optional');
  for (const [group, list] of entries(toml['dependency-groups'])) addPep508(list, /test/i.test(group) ? 'test' : 'dev');
  addPep508(rec(toml['build-system'])['requires'], 'build');

  const addPoetry = (deps: unknown, scope: DependencyScope): void => {
    for (const [dep, spec] of entries(deps)) {
      if (dep.toLowerCase() === 'python') continue;
      const range = typeof spec === 'string' ? spec : str(rec(spec)['version'], 256);
      const optional = isRecord(spec) && spec['optional'] === true;
      declared.push(makeDeclared('pypi', null, dep, range, optional ? 'optional' : scope));
    }
  };
  addPoetry(poetry['dependencies'], 'runtime');
  addPoetry(poetry['dev-dependencies'], 'dev');
  for (const [group, g] of entries(poetry['group'])) addPoetry(rec(g)['dependencies'], /test/i.test(group) ? 'test' : 'dev');

  const dynamic = arr(project['dynamic']);
  const version = dynamic.includes('version') ? null : (str(project['version'], 256) ?? str(poetry['version'], 256));
  const authors = arr(project['authors']).map((a) => str(rec(a)['name'], 256) ?? str(rec(a)['email'], 256));
  const poetryAuthors = arr(poetry['authors']).map((a) => str(a, 256));
  const author = [...authors, ...poetryAuthors].filter((a): a is string => a !== null).join(', ') || null;
  const urls = rec(project['urls']);
  const homepage = str(urls['Homepage'] ?? urls['homepage'] ?? poetry['homepage'], 2048);
  const pkg = pypiPackage({
    name,
    version,
    declaredLicense: projectLicense(project) ?? str(poetry['license'], MAX_LICENSE),
    scope: 'runtime',
    isRoot: true,
    description: str(project['description']) ?? str(poetry['description']),
    author,
    homepage,
  });
  addReference(pkg, 'website', homepage);
  addReference(pkg, 'vcs', urls['Repository'] ?? urls['repository'] ?? urls['Source'] ?? poetry['repository']);
  if (declared.length > 0) pkg.declaredDependencies = declared;
  b.add(pkg);
  return b.result();
}

/** PEP 639 string expression, PEP 621 {text = …} (a {file = …} names a file, not a license), else classifiers. */
function projectLicense(project: Record<string, unknown>): string | null {
  const license = project['license'];
  if (typeof license === 'string') return str(license, MAX_LICENSE);
  const text = str(rec(license)['text'], MAX_LICENSE);
  if (text) return text;
  const classifiers = arr(project['classifiers']).filter((c): c is string => typeof c === 'string' && c.startsWith('License ::') && c.trim() !== 'License :: OSI Approved');
  return classifiers.length > 0 ? classifiers.join(' OR ') : null;
}

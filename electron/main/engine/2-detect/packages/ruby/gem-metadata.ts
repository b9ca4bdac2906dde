import type { DeclaredDependency, ManifestResult } from '../types.js';
import { addReference, makeDeclared, ManifestBuilder } from '../common/builder.js';
import { parseYaml } from '../common/syntax.js';
import { arr, MAX_LICENSE, rec, str } from '../common/text.js';
import { gemPackage } from './ruby.js';

/** A Gem::Version node: `!ruby/object:Gem::Version { version: "1.2.3" }`, or a plain string in old gems. */
function versionOf(value: unknown): string | null {
  return typeof value === 'string' ? str(value, 256) : str(rec(value)['version'], 256);
}

/** "~> 5.0, >= 5.0.1" from a Gem::Requirement's [[op, Gem::Version], …]. */
function requirementOf(value: unknown): string | null {
  const parts = arr(rec(value)['requirements']).map((pair) => {
    const [op, version] = arr(pair);
    const v = versionOf(version);
    return typeof op === 'string' && v ? `${op} ${v}` : null;
  });
  const kept = parts.filter((p): p is string => p !== null);
  return kept.length > 0 ? kept.join(', ') : null;
}

/**
 * The YAML specification inside a .gem archive (its `metadata.gz`, unpacked by the archive expander as
 * `<name>.gem!/metadata`): name, version, platform, licenses, authors, homepage and dependencies. The Ruby object
 * tags (`!ruby/object:Gem::Specification`) are read as the plain maps they are; nothing is evaluated.
 */
export function readGemMetadata(content: string): ManifestResult {
  const b = new ManifestBuilder('gem metadata');
  const spec = rec(parseYaml(content, b));
  const name = str(spec['name'], 512);
  if (!name) {
    b.problem(null, 'gem specification has no name');
    return b.result();
  }
  const version = versionOf(spec['version']);
  const platform = str(spec['platform'], 128);
  const licenses = arr(spec['licenses']).map((l) => str(l, MAX_LICENSE)).filter((l): l is string => l !== null);
  const authors = arr(spec['authors']).map((a) => str(a, 256)).filter((a): a is string => a !== null);
  const homepage = str(spec['homepage'], 2048);
  const declared: DeclaredDependency[] = arr(spec['dependencies']).flatMap((d) => {
    const dep = rec(d);
    const depName = str(dep['name'], 512);
    if (!depName) return [];
    return [makeDeclared('gem', null, depName, requirementOf(dep['requirement']), dep['type'] === ':development' ? 'dev' : 'runtime')];
  });
  const pkg = gemPackage(name, version && platform && platform !== 'ruby' ? `${version}-${platform}` : version, {
    // RubyGems lists several licenses for dual-licensed gems ("MIT", "Ruby"): alternatives.
    declaredLicense: licenses.length > 0 ? str(licenses.join(' OR '), MAX_LICENSE) : null,
    scope: 'runtime',
    isRoot: true,
    description: str(spec['summary']) ?? str(spec['description']),
    author: authors.length > 0 ? str(authors.join(', '), 512) : null,
    homepage,
  });
  addReference(pkg, 'website', homepage);
  const source = str(rec(spec['metadata'])['source_code_uri'], 2048);
  if (source) addReference(pkg, 'vcs', source);
  if (declared.length > 0) pkg.declaredDependencies = declared;
  b.add(pkg);
  return b.result();
}

import type { DeclaredDependency, ManifestResult } from '../types.js';
import { addReference, makeDeclared, ManifestBuilder } from '../common/builder.js';
import { baseName, dirOf, MAX_LICENSE, str, stripBom } from '../common/text.js';
import { parseRequirement, pypiPackage, requirementScope } from './common.js';

/**
 * Core metadata headers (RFC 822 style, as PKG-INFO and METADATA write them). Python's email parser is what
 * reads them upstream; there is no maintained JS reader of this format, so by hand.
 */
export function parseCoreMetadata(content: string): Map<string, string[]> {
  const headers = new Map<string, string[]>();
  const lines = stripBom(content).split(/\r?\n/);
  let last: { key: string; values: string[] } | null = null;
  for (const line of lines) {
    if (line === '') break; // the body (long description) follows the first blank line
    if ((line[0] === ' ' || line[0] === '\t') && last) {
      const i = last.values.length - 1;
      // setuptools continues License lines with 8 spaces and "|"; other writers with plain indentation.
      last.values[i] = `${last.values[i]}\n${line.replace(/^\s+\|?/, '')}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    const values = headers.get(key) ?? [];
    values.push(value);
    headers.set(key, values);
    last = { key, values };
  }
  return headers;
}

/** License-Expression, else a short License field, else the license classifiers (alternatives), else the License text. */
export function coreMetadataLicense(h: Map<string, string[]>): string | null {
  const expression = str(h.get('license-expression')?.[0], MAX_LICENSE);
  if (expression) return expression;
  const license = str(h.get('license')?.[0], MAX_LICENSE);
  const usable = license && license.length <= 200 && !license.includes('\n') && !/^unknown$/i.test(license) ? license : null;
  if (usable) return usable;
  const classifiers = (h.get('classifier') ?? []).filter((c) => /^License ::/.test(c) && c.trim() !== 'License :: OSI Approved');
  if (classifiers.length > 0) return classifiers.join(' OR ');
  return license && !/^unknown$/i.test(license) ? license : null;
}

/** PKG-INFO (sdist root, *.egg-info, EGG-INFO) and METADATA (*.dist-info). */
export function readPkgInfo(content: string, relPath: string, fileName: 'PKG-INFO' | 'METADATA'): ManifestResult {
  const b = new ManifestBuilder(fileName);
  const h = parseCoreMetadata(content);
  const version = h.get('metadata-version')?.[0];
  if (version) b.format = `${fileName} ${version}`;
  const name = str(h.get('name')?.[0], 512);
  if (!name) {
    b.problem(null, `${fileName} has no Name header`);
    return b.result();
  }
  const declared: DeclaredDependency[] = [];
  for (const raw of h.get('requires-dist') ?? []) {
    const req = parseRequirement(raw);
    if (req) declared.push(makeDeclared('pypi', null, req.name, req.specifier, requirementScope(req, 'runtime')));
  }
  // An egg-info of a source checkout describes the project around it; an installed one only itself.
  const dir = dirOf(relPath);
  const inEggInfo = /\.egg-info$|^EGG-INFO$/.test(baseName(dir));
  const installedEgg = /(site|dist)-packages$/.test(dirOf(dir));
  const aboveRoot = fileName === 'PKG-INFO' && inEggInfo && !installedEgg;
  const pkg = pypiPackage({
    name,
    version: str(h.get('version')?.[0], 256),
    declaredLicense: coreMetadataLicense(h),
    scope: 'runtime',
    isRoot: !aboveRoot,
    installPath: aboveRoot ? '..' : null,
    description: str(h.get('summary')?.[0]),
    author: str(h.get('author')?.[0], 512) ?? str(h.get('author-email')?.[0], 512),
    homepage: str(h.get('home-page')?.[0], 2048),
  });
  addReference(pkg, 'website', h.get('home-page')?.[0]);
  for (const pu of h.get('project-url') ?? []) {
    const comma = pu.indexOf(',');
    if (comma === -1) continue;
    const label = pu.slice(0, comma).trim().toLowerCase();
    const type = /source|repository|code|github/.test(label) ? 'vcs' : /issue|bug|tracker/.test(label) ? 'issue-tracker' : /doc/.test(label) ? 'documentation' : 'website';
    addReference(pkg, type, pu.slice(comma + 1));
  }
  if (declared.length > 0) pkg.declaredDependencies = declared;
  b.add(pkg);
  return b.result();
}

import type { DependencyScope } from '../../../../../../shared/model/component.js';
import type { DeclaredDependency, ManifestResult } from '../types.js';
import { addReference, makeDeclared, ManifestBuilder } from '../common/builder.js';
import { MAX_LICENSE, str, stripBom } from '../common/text.js';
import { parseRequirement, pypiPackage, requirementScope } from './common.js';

/**
 * setup.cfg is Python configparser INI: values continue on indented lines, which the npm INI readers do not
 * support, so by hand. Returns section → key → value (keys lower-cased, "-" read as "_").
 */
function parseIni(content: string): Map<string, Map<string, string>> {
  const sections = new Map<string, Map<string, string>>();
  let section: Map<string, string> | null = null;
  let lastKey: string | null = null;
  for (const raw of stripBom(content).split(/\r?\n/)) {
    if (/^\s*[#;]/.test(raw)) continue;
    if (raw.trim() === '') {
      lastKey = null;
      continue;
    }
    const header = /^\[([^\]]+)\]\s*$/.exec(raw);
    if (header) {
      section = new Map();
      sections.set(header[1]!.trim().toLowerCase(), section);
      lastKey = null;
      continue;
    }
    if (!section) continue;
    if (/^\s/.test(raw) && lastKey !== null) {
      section.set(lastKey, `${section.get(lastKey) ?? ''}\n${raw.trim()}`);
      continue;
    }
    const m = /^([^=:]+)[=:](.*)$/.exec(raw);
    if (!m) continue;
    lastKey = m[1]!.trim().toLowerCase().replace(/-/g, '_');
    section.set(lastKey, m[2]!.trim());
  }
  return sections;
}

function lines(value: string | undefined): string[] {
  return (value ?? '').split(/\n|;(?=\s*[A-Za-z])/).map((l) => l.replace(/\s+#.*$/, '').trim()).filter(Boolean);
}

/** setup.cfg [metadata] and [options]: setuptools' declarative configuration. */
export function readSetupCfg(content: string): ManifestResult {
  const b = new ManifestBuilder('setup.cfg');
  const ini = parseIni(content);
  const meta = ini.get('metadata') ?? new Map<string, string>();
  const name = str(meta.get('name'), 512);
  if (!name) return b.result(); // tool configuration only (flake8, pytest …)
  const declared: DeclaredDependency[] = [];
  const addReqs = (value: string | undefined, scope: DependencyScope): void => {
    for (const line of lines(value)) {
      const req = parseRequirement(line);
      if (req) declared.push(makeDeclared('pypi', null, req.name, req.specifier, requirementScope(req, scope)));
    }
  };
  const options = ini.get('options') ?? new Map<string, string>();
  addReqs(options.get('install_requires'), 'runtime');
  addReqs(options.get('setup_requires'), 'build');
  addReqs(options.get('tests_require'), 'test');
  for (const [, value] of ini.get('options.extras_require') ?? new Map<string, string>()) addReqs(value, 'optional');

  const version = meta.get('version');
  const classifiers = lines(meta.get('classifiers')).filter((c) => c.startsWith('License ::') && c !== 'License :: OSI Approved');
  const license = str(meta.get('license_expression'), MAX_LICENSE) ?? str(meta.get('license'), MAX_LICENSE)
    ?? (classifiers.length > 0 ? classifiers.join(' OR ') : null);
  const homepage = str(meta.get('url') ?? meta.get('home_page'), 2048);
  const pkg = pypiPackage({
    name,
    // "attr: pkg.__version__" and "file: VERSION" are resolved by setuptools at build time, not here.
    version: version && !/^(attr|file):/.test(version) ? str(version, 256) : null,
    declaredLicense: license,
    scope: 'runtime',
    isRoot: true,
    description: str(meta.get('description')),
    author: str(meta.get('author'), 512),
    homepage,
  });
  addReference(pkg, 'website', homepage);
  if (declared.length > 0) pkg.declaredDependencies = declared;
  b.add(pkg);
  return b.result();
}

import type { DependencyScope } from '../../../../../../shared/model/component.js';
import type { ManifestResult } from '../types.js';
import { addHash, ManifestBuilder } from '../common/builder.js';
import { baseName, stripBom } from '../common/text.js';
import { parseRequirement, pypiPackage, requirementScope } from './common.js';

/** pip's requirements format is pip's own (options, continuations, hashes); no JS reader exists, so by hand. */
export function readRequirements(content: string, relPath: string): ManifestResult {
  const b = new ManifestBuilder('requirements.txt');
  const file = baseName(relPath).toLowerCase();
  const scope: DependencyScope = /test/.test(file) ? 'test' : /dev|lint|doc/.test(file) ? 'dev' : 'runtime';
  const physical = stripBom(content).split(/\r?\n/);
  for (let i = 0; i < physical.length; i++) {
    const lineNo = i + 1;
    let line = physical[i]!;
    while (line.endsWith('\\') && i + 1 < physical.length) line = line.slice(0, -1) + ' ' + physical[++i]!;
    line = line.replace(/(^|\s)#.*$/, '').trim();
    if (line === '') continue;
    const hashes = [...line.matchAll(/--hash[=\s]+(sha256|sha384|sha512|md5):([0-9a-fA-F]+)/g)];
    line = line.replace(/\s--hash[=\s]+\S+/g, '').trim();
    if (line.startsWith('-')) {
      // -e/--editable VCS or path installs name the package with #egg=; other options (-r, -c, -i) name none.
      const egg = /^(-e|--editable)\s+\S*#egg=([A-Za-z0-9._-]+)/.exec(line);
      if (egg) b.add(pypiPackage({ name: egg[2]!, scope, direct: true }));
      continue;
    }
    const req = parseRequirement(line);
    if (!req) {
      if (!/^(\.|\/|[a-z+]+:\/\/)/i.test(line)) b.problem(`line ${lineNo}`, `not a requirement: ${line.slice(0, 120)}`);
      continue;
    }
    const pkg = pypiPackage({ name: req.name, version: req.pinned, scope: requirementScope(req, scope), direct: true });
    for (const h of hashes) addHash(pkg, { sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512', md5: 'MD5' }[h[1] as 'md5'], h[2]!);
    if (req.url) pkg.externalReferences.push({ type: 'distribution', url: req.url.slice(0, 2048) });
    b.add(pkg);
  }
  return b.result();
}

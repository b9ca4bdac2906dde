import type { FoundPackage, ManifestResult } from '../types.js';
import { addReference, makeDeclared, makePackage, ManifestBuilder } from '../common/builder.js';
import { parseJson } from '../common/syntax.js';
import { arr, isRecord, MAX_LICENSE, rec, str } from '../common/text.js';

/** vcpkg ports have no purl type: generic purls, as the purl spec advises for such packages. */
function vcpkgPackage(name: string, version: string | null, extra: Partial<FoundPackage> = {}): FoundPackage {
  return Object.assign(makePackage({ ecosystem: 'vcpkg', purlType: 'generic', name, version }), extra);
}

/** The library's version; `port-version` revises the port's packaging, not the library, and is left out. */
function vcpkgVersion(o: Record<string, unknown>): string | null {
  return str(o['version'] ?? o['version-semver'] ?? o['version-date'] ?? o['version-string'], 256);
}

/** vcpkg.json: the port or project, its SPDX `license`, its dependencies and version overrides. */
export function readVcpkgJson(content: string): ManifestResult {
  const b = new ManifestBuilder('vcpkg.json');
  const json = parseJson(content, b);
  if (!isRecord(json)) {
    if (json !== undefined) b.problem(null, 'vcpkg.json is not a JSON object');
    return b.result();
  }
  const deps = arr(json['dependencies']).map((d) => (typeof d === 'string' ? { name: d } : rec(d)));
  const overrides = new Map<string, string | null>();
  for (const o of arr(json['overrides'])) {
    const n = str(rec(o)['name'], 512);
    if (n) overrides.set(n, vcpkgVersion(rec(o)));
  }
  const name = str(json['name'], 512);
  const description = Array.isArray(json['description']) ? json['description'].map(String).join('\n') : json['description'];
  if (name) {
    const homepage = str(json['homepage'], 2048);
    const root = vcpkgPackage(name, vcpkgVersion(json), {
      // vcpkg's license field is an SPDX expression, or null for "not open source / unknown".
      declaredLicense: str(json['license'], MAX_LICENSE),
      scope: 'runtime',
      isRoot: true,
      description: str(description),
      homepage,
    });
    addReference(root, 'website', homepage);
    const declared = deps
      .map((d) => ({ d, n: str(d['name'], 512) }))
      .filter((x): x is { d: Record<string, unknown>; n: string } => x.n !== null)
      .map(({ d, n }) => makeDeclared('generic', null, n, str(d['version>='], 256) ? `>=${str(d['version>='], 256)}` : null, d['host'] === true ? 'build' : 'runtime'));
    if (declared.length > 0) root.declaredDependencies = declared;
    b.add(root);
  } else {
    // A project manifest without a name: its dependencies are the packages it brings in.
    for (const d of deps) {
      const n = str(d['name'], 512);
      if (n) b.add(vcpkgPackage(n, overrides.get(n) ?? null, { scope: d['host'] === true ? 'build' : 'runtime', direct: true }));
    }
  }
  // Overrides pin exact versions: those are the versions built.
  for (const [n, version] of overrides) {
    if (name || !deps.some((d) => d['name'] === n)) b.add(vcpkgPackage(n, version, { scope: 'runtime' }));
  }
  return b.result();
}

import type { ManifestResult } from '../types.js';
import { addReference, makePackage, ManifestBuilder } from '../common/builder.js';
import { parseJson } from '../common/syntax.js';
import { arr, isRecord, rec, str } from '../common/text.js';

/** A repository URL to the purl's namespace (host/owner) and name (repository without .git). */
function swiftIdentity(url: string, fallbackName: string): { namespace: string | null; name: string } {
  const m = /^(?:[a-z+]+:\/\/)?(?:[^@/]+@)?([^/:]+)[/:](.+?)(?:\.git)?\/?$/i.exec(url);
  if (!m) return { namespace: null, name: fallbackName };
  const path = m[2]!;
  const slash = path.lastIndexOf('/');
  return slash === -1
    ? { namespace: m[1]!, name: path }
    : { namespace: `${m[1]}/${path.slice(0, slash)}`, name: path.slice(slash + 1) };
}

/** Package.resolved v1 ({object: {pins: [{package, repositoryURL}]}}) and v2/v3 ({pins: [{identity, location}]}). */
export function readPackageResolved(content: string): ManifestResult {
  const b = new ManifestBuilder('Package.resolved');
  const json = parseJson(content, b);
  if (!isRecord(json)) {
    if (json !== undefined) b.problem(null, 'Package.resolved is not a JSON object');
    return b.result();
  }
  b.format = `Package.resolved v${String(json['version'] ?? 1)}`;
  const pins = arr(isRecord(json['object']) ? json['object']['pins'] : json['pins']);
  for (const raw of pins) {
    const pin = rec(raw);
    const url = str(pin['location'] ?? pin['repositoryURL'], 2048);
    const identity = str(pin['identity'] ?? pin['package'], 512);
    if (!url && !identity) continue;
    const state = rec(pin['state']);
    const { namespace, name } = url ? swiftIdentity(url, identity ?? '') : { namespace: null, name: identity! };
    // Branch- or revision-pinned packages have no version; the commit identifies them.
    const version = str(state['version'], 256) ?? str(state['revision'], 256);
    const pkg = makePackage({ ecosystem: 'swift', purlType: 'swift', namespace, name, version, scope: 'unknown' });
    addReference(pkg, 'vcs', url);
    b.add(pkg);
  }
  return b.result();
}

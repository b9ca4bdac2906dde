import type { FoundPackage, ManifestResult } from '../types.js';
import { addHash, makePackage, ManifestBuilder } from '../common/builder.js';
import { markDirect } from '../common/graph.js';
import { parseYaml } from '../common/syntax.js';
import { arr, isRecord, rec, str } from '../common/text.js';

/** "Firebase/Core (10.0.0)" → pod Firebase, subspec Core, version 10.0.0. */
function podSpec(s: string): { pod: string; subspec: string | null; version: string | null } | null {
  const m = /^\s*([^\s(]+)\s*(?:\(([^)]*)\))?\s*$/.exec(s);
  if (!m) return null;
  const slash = m[1]!.indexOf('/');
  return {
    pod: slash === -1 ? m[1]! : m[1]!.slice(0, slash),
    subspec: slash === -1 ? null : m[1]!.slice(slash + 1),
    version: m[2] && /^[\d.]+[\w.-]*$/.test(m[2].trim()) ? m[2].trim() : null,
  };
}

/** Podfile.lock (YAML): PODS with their dependencies, DEPENDENCIES (direct), SPEC CHECKSUMS. */
export function readPodfileLock(content: string): ManifestResult {
  const b = new ManifestBuilder('Podfile.lock');
  const doc = parseYaml(content, b);
  if (!isRecord(doc)) return b.result();
  const checksums = rec(doc['SPEC CHECKSUMS']);
  const byPod = new Map<string, FoundPackage>();
  const found: [FoundPackage, unknown[]][] = [];
  for (const item of arr(doc['PODS'])) {
    const [spec, deps] = isRecord(item) ? Object.entries(item)[0] ?? ['', []] : [String(item), []];
    const parsed = podSpec(spec);
    if (!parsed) continue;
    // Subspecs are parts of one pod: one package per pod, the subspec-less purl.
    let pkg = byPod.get(parsed.pod);
    if (!pkg) {
      pkg = b.add(makePackage({ ecosystem: 'cocoapods', purlType: 'cocoapods', name: parsed.pod, version: parsed.version, scope: 'unknown' }));
      addHash(pkg, 'SHA-1', str(checksums[parsed.pod], 64));
      byPod.set(parsed.pod, pkg);
    }
    found.push([pkg, arr(deps)]);
  }
  for (const [pkg, deps] of found) {
    for (const d of deps) {
      const parsed = podSpec(String(d));
      const to = parsed ? byPod.get(parsed.pod) : undefined;
      if (to && to !== pkg) b.edge(pkg.ref, to.ref, 'runtime');
    }
  }
  const direct = arr(doc['DEPENDENCIES']).map((d) => podSpec(String(d))?.pod).map((p) => (p ? byPod.get(p)?.ref : undefined)).filter((r): r is string => r !== undefined);
  markDirect(b, direct);
  return b.result();
}

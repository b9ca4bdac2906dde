import type { DependencyScope } from '../../../../../../shared/model/component.js';
import type { FoundPackage, ManifestResult } from '../types.js';
import { makePackage, ManifestBuilder, strongerScope } from '../common/builder.js';
import { markDirect } from '../common/graph.js';
import { parseJson } from '../common/syntax.js';
import { arr, entries, isRecord, rec, str, stripBom } from '../common/text.js';

/** A Conan reference "name/version[@user/channel][#rrev[%timestamp]]"; a version range "[>=1 <2]" gives no version. */
export function conanPackage(reference: string, scope: DependencyScope): FoundPackage | null {
  const m = /^([^/@#\s]+)\/([^@#\s]+|\[[^\]]*\])(?:@([^/#\s]+)\/([^#\s]+))?(?:#([0-9a-f]+))?/i.exec(reference.trim());
  if (!m) return null;
  const version = m[2]!.startsWith('[') ? null : m[2]!;
  const user = m[3] && m[3] !== '_' ? m[3] : null;
  const channel = m[4] && m[4] !== '_' ? m[4] : null;
  const qualifiers: Record<string, string> = {};
  if (user) qualifiers['user'] = user;
  if (channel) qualifiers['channel'] = channel;
  // The recipe revision (#rrev) is left out of the purl: the same package would not merge across files.
  // purl: the user is also the namespace, and a namespace requires the qualifiers.
  return makePackage({ ecosystem: 'conan', purlType: 'conan', namespace: user, name: m[1]!, version, qualifiers, scope });
}

const SECTION_SCOPES: Record<string, DependencyScope> = {
  requires: 'runtime', tool_requires: 'build', build_requires: 'build', test_requires: 'test',
};

/** conanfile.txt: INI-like sections of references, one per line; simple enough to read by hand. */
export function readConanfileTxt(content: string): ManifestResult {
  const b = new ManifestBuilder('conanfile.txt');
  let scope: DependencyScope | null = null;
  stripBom(content).split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '') return;
    const section = /^\[([^\]]+)\]$/.exec(line);
    if (section) {
      scope = SECTION_SCOPES[section[1]!.trim()] ?? null;
      return;
    }
    if (scope === null) return;
    const pkg = conanPackage(line, scope);
    if (pkg) {
      pkg.direct = true;
      b.add(pkg);
    } else b.problem(`line ${i + 1}`, `not a conan reference: ${line.slice(0, 120)}`);
  });
  return b.result();
}

/** conan.lock: Conan 2 (version 0.5: flat requires lists) and Conan 1 (graph_lock nodes with requires indices). */
export function readConanLock(content: string): ManifestResult {
  const b = new ManifestBuilder('conan.lock');
  const json = parseJson(content, b);
  if (!isRecord(json)) {
    if (json !== undefined) b.problem(null, 'conan.lock is not a JSON object');
    return b.result();
  }
  b.format = `conan.lock v${String(json['version'] ?? '?')}`;
  const graph = rec(json['graph_lock']);
  if (isRecord(graph['nodes'])) {
    const refs = new Map<string, string>();
    for (const [id, node] of entries(graph['nodes'])) {
      const ref = str(rec(node)['ref'], 1024);
      const pkg = ref ? conanPackage(ref, 'unknown') : null;
      if (pkg) refs.set(id, b.add(pkg).ref);
    }
    const direct: string[] = [];
    for (const [id, node] of entries(graph['nodes'])) {
      const n = rec(node);
      for (const [field, scope] of [['requires', 'runtime'], ['build_requires', 'build']] as const) {
        for (const target of arr(n[field])) {
          const to = refs.get(String(target));
          if (to === undefined) continue;
          const from = refs.get(id);
          if (from !== undefined) b.edge(from, to, scope);
          else if (id === '0') direct.push(to); // node 0 is the consumer (the conanfile itself)
          const p = b.get(to);
          if (p) p.scope = strongerScope(p.scope, scope);
        }
      }
    }
    markDirect(b, direct);
    return b.result();
  }
  for (const [field, scope] of [['requires', 'runtime'], ['build_requires', 'build'], ['python_requires', 'build'], ['config_requires', 'build']] as const) {
    for (const r of arr(json[field])) {
      const pkg = typeof r === 'string' ? conanPackage(r, scope) : null;
      if (pkg) b.add(pkg);
    }
  }
  return b.result();
}

import type { DependencyScope } from '../../../../../../shared/model/component.js';
import type { FoundPackage, ManifestResult } from '../types.js';
import { addHash, makePackage, ManifestBuilder } from '../common/builder.js';
import { parseYaml } from '../common/syntax.js';
import { entries, isRecord, str, stripBom } from '../common/text.js';
import { addIntegrity, addResolved, splitNpmName } from './common.js';

/** yarn.lock: classic (v1, its own syntax) or berry (v2+, YAML with a __metadata entry). */
export function readYarnLock(content: string): ManifestResult {
  const text = stripBom(content);
  return /^__metadata:/m.test(text) ? readBerry(text) : readClassic(text);
}

/** "name@range" → name; handles scopes ("@babel/core@^7") and aliases are left to the caller. */
function descriptorName(descriptor: string): string {
  const at = descriptor.indexOf('@', 1);
  return at === -1 ? descriptor : descriptor.slice(0, at);
}

function unquote(s: string): string {
  const t = s.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).replace(/\\"/g, '"') : t;
}

interface ClassicEntry {
  descriptors: string[];
  line: number;
  fields: Map<string, string>;
  deps: [string, string, DependencyScope][];
}

/** Yarn classic's lockfile is not YAML (unquoted "key value" pairs); no maintained parser reads it, so by hand. */
function readClassic(text: string): ManifestResult {
  const b = new ManifestBuilder('yarn.lock v1');
  const list: ClassicEntry[] = [];
  let current: ClassicEntry | null = null;
  let block: DependencyScope | null = null;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '' || line.trimStart().startsWith('#')) continue;
    const indent = line.length - line.trimStart().length;
    const body = line.trim();
    if (indent === 0) {
      if (!body.endsWith(':')) {
        b.problem(`line ${i + 1}`, 'unexpected text at the top level of yarn.lock');
        current = null;
        continue;
      }
      const descriptors = body.slice(0, -1).split(',').map(unquote).filter((d) => d !== '');
      current = { descriptors, line: i + 1, fields: new Map(), deps: [] };
      list.push(current);
      block = null;
    } else if (current === null) {
      continue;
    } else if (indent <= 2) {
      if (body.endsWith(':')) {
        const key = body.slice(0, -1);
        block = key === 'dependencies' ? 'runtime' : key === 'optionalDependencies' ? 'optional' : key === 'peerDependencies' ? 'peer' : 'unknown';
        continue;
      }
      block = null;
      const sp = body.search(/\s/);
      if (sp > 0) current.fields.set(unquote(body.slice(0, sp)), unquote(body.slice(sp + 1)));
    } else if (block !== null && block !== 'unknown') {
      const m = /^("(?:[^"\\]|\\.)*"|\S+)\s+(.+)$/.exec(body);
      if (m) current.deps.push([unquote(m[1]!), unquote(m[2]!), block]);
    }
  }

  const byDescriptor = new Map<string, string>();
  const refs: string[] = [];
  for (const e of list) {
    const first = e.descriptors[0] ?? '';
    let name = descriptorName(first);
    const version = e.fields.get('version') ?? null;
    // An alias "alias@npm:real@^1" installs "real".
    const aliasTarget = /^[^@]*@?[^@]*@npm:((?:@[^/@]+\/)?[^@]+)@/.exec(first);
    if (aliasTarget) name = aliasTarget[1]!;
    if (!name) {
      b.problem(`line ${e.line}`, 'entry without a package name');
      refs.push('');
      continue;
    }
    const [ns, n] = splitNpmName(name);
    const pkg = makePackage({ ecosystem: 'npm', purlType: 'npm', namespace: ns, name: n, version, scope: 'unknown' });
    addIntegrity(pkg, e.fields.get('integrity'));
    const resolved = e.fields.get('resolved');
    addResolved(pkg, resolved);
    const sha1 = resolved ? /#([0-9a-f]{40})$/.exec(resolved) : null;
    if (sha1) addHash(pkg, 'SHA-1', sha1[1]!);
    const ref = b.add(pkg).ref;
    refs.push(ref);
    for (const d of e.descriptors) byDescriptor.set(d, ref);
  }
  list.forEach((e, i) => {
    const from = refs[i];
    if (!from) return;
    for (const [dep, range, scope] of e.deps) {
      const to = byDescriptor.get(`${dep}@${range}`);
      if (to !== undefined) b.edge(from, to, scope);
      else if (scope === 'runtime') b.problem(`line ${e.line}`, `dependency ${dep}@${range} has no entry in yarn.lock`);
    }
  });
  return b.result();
}

/** Yarn berry: YAML. Keys list descriptors ("a@npm:^1, a@npm:^1.2"), `resolution` names what was installed. */
function readBerry(text: string): ManifestResult {
  const b = new ManifestBuilder('yarn.lock berry');
  const doc = parseYaml(text, b);
  if (!isRecord(doc)) return b.result();
  const meta = doc['__metadata'];
  if (isRecord(meta) && meta['version'] !== undefined) b.format = `yarn.lock berry v${String(meta['version'])}`;
  const byDescriptor = new Map<string, string>();
  const found: [FoundPackage, Record<string, unknown>][] = [];
  let rootRef: string | null = null;
  for (const [key, value] of Object.entries(doc)) {
    if (key === '__metadata' || !isRecord(value)) continue;
    const resolution = str(value['resolution'], 2048) ?? key.split(',')[0]!.trim();
    const name = descriptorName(resolution);
    const protocol = resolution.slice(name.length + 1);
    const workspace = /^workspace:(.*)$/.exec(protocol);
    const [ns, n] = splitNpmName(name);
    const pkg = makePackage({
      ecosystem: 'npm',
      purlType: 'npm',
      namespace: ns,
      name: n,
      // Workspaces carry version "0.0.0-use.local" unless their package.json has one.
      version: str(value['version'], 256),
      scope: workspace ? 'runtime' : 'unknown',
      isRoot: workspace?.[1] === '.',
      installPath: workspace && workspace[1] !== '.' ? workspace[1]! : null,
    });
    const kept = b.add(pkg);
    if (kept.isRoot) rootRef = kept.ref;
    for (const d of key.split(',')) byDescriptor.set(d.trim(), kept.ref);
    found.push([kept, value]);
  }
  const lookup = (dep: string, range: string): string | undefined =>
    byDescriptor.get(`${dep}@${range}`) ?? byDescriptor.get(`${dep}@npm:${range}`);
  for (const [pkg, value] of found) {
    for (const [field, scope] of [['dependencies', 'runtime'], ['optionalDependencies', 'optional']] as const) {
      for (const [dep, range] of entries(value[field])) {
        const to = lookup(dep, String(range));
        if (to === undefined) continue;
        b.edge(pkg.ref, to, scope);
        if (pkg.ref === rootRef) {
          const target = b.get(to);
          if (target) target.direct = true;
        }
      }
    }
  }
  if (rootRef !== null) for (const p of b.all()) if (!p.isRoot) p.direct ??= false;
  return b.result();
}

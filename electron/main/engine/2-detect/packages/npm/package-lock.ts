import type { DependencyScope } from '../../../../../../shared/model/component.js';
import type { FoundPackage, ManifestResult } from '../types.js';
import { makePackage, ManifestBuilder } from '../common/builder.js';
import { parseJson } from '../common/syntax.js';
import { entries, isRecord, rec, str } from '../common/text.js';
import { addIntegrity, addResolved, npmLicense, splitNpmName } from './common.js';

/**
 * Deeper node_modules nesting, or longer install paths, than these are not real npm output; they are not
 * followed, since resolving up the tree would cost nesting × path length per dependency.
 */
const MAX_NESTING = 128;
const MAX_PATH = 8192;

function tooDeepPath(path: string): boolean {
  if (path.length > MAX_PATH) return true;
  let depth = 0;
  for (let i = path.indexOf('node_modules/'); i !== -1; i = path.indexOf('node_modules/', i + 1)) depth++;
  return depth > MAX_NESTING;
}

const EDGE_FIELDS: [string, DependencyScope][] = [
  ['dependencies', 'runtime'],
  ['optionalDependencies', 'optional'],
  ['peerDependencies', 'peer'],
  ['devDependencies', 'dev'],
];

/** package-lock.json / npm-shrinkwrap.json, lockfileVersion 1 (nested `dependencies`) and 2–3 (`packages`). */
export function readPackageLock(content: string, fileName: string): ManifestResult {
  const b = new ManifestBuilder(fileName);
  const json = parseJson(content, b);
  if (json === undefined) return b.result();
  if (!isRecord(json)) {
    b.problem(null, `${fileName} is not a JSON object`);
    return b.result();
  }
  const version = typeof json['lockfileVersion'] === 'number' ? json['lockfileVersion'] : 1;
  b.format = `${fileName} v${version}`;
  if (isRecord(json['packages'])) readPackagesMap(json, json['packages'], b);
  else readV1(json, b);
  return b.result();
}

/** The installed name at a node_modules path: what follows its last "node_modules/". */
function nameAtPath(path: string): string {
  const i = path.lastIndexOf('node_modules/');
  return i === -1 ? path.slice(path.lastIndexOf('/') + 1) : path.slice(i + 'node_modules/'.length);
}

function scopeOf(entry: Record<string, unknown>): DependencyScope {
  if (entry['dev'] === true) return 'dev';
  if (entry['devOptional'] === true) return 'dev';
  if (entry['optional'] === true) return 'optional';
  if (entry['peer'] === true) return 'peer';
  return 'runtime';
}

function lockPackage(name: string, entry: Record<string, unknown>, installPath: string | null, scope: DependencyScope): FoundPackage {
  const [namespace, n] = splitNpmName(name);
  const pkg = makePackage({
    ecosystem: 'npm',
    purlType: 'npm',
    namespace,
    name: n,
    version: str(entry['version'], 256),
    declaredLicense: npmLicense(entry),
    scope,
    installPath,
  });
  addIntegrity(pkg, entry['integrity']);
  addResolved(pkg, entry['resolved']);
  return pkg;
}

/** lockfileVersion 2 and 3: one entry per install location, keyed by path ("node_modules/a/node_modules/b"). */
function readPackagesMap(json: Record<string, unknown>, packages: Record<string, unknown>, b: ManifestBuilder): void {
  const refAt = new Map<string, string>();
  const links = new Map<string, string>();
  const hasRoot = isRecord(packages['']);
  const rootEntry = rec(packages['']);
  const rootName = str(rootEntry['name'], 512) ?? str(json['name'], 512);
  if (rootName) {
    const root = lockPackage(rootName, { ...rootEntry, version: rootEntry['version'] ?? json['version'] }, null, 'runtime');
    root.isRoot = true;
    refAt.set('', b.add(root).ref);
  }
  for (const [path, value] of Object.entries(packages)) {
    if (path === '' || !isRecord(value)) continue;
    if (value['link'] === true) {
      const target = str(value['resolved'], 2048);
      if (target !== null) links.set(path, target);
      continue;
    }
    const isInstalled = path.includes('node_modules/');
    const name = str(value['name'], 512) ?? nameAtPath(path);
    const pkg = lockPackage(name, value, path, scopeOf(value));
    if (hasRoot) pkg.direct = false;
    // Entries outside node_modules are the project's own workspaces.
    if (!isInstalled) pkg.scope = 'runtime';
    refAt.set(path, b.add(pkg).ref);
  }
  for (const [path, target] of links) {
    const ref = refAt.get(target);
    if (ref !== undefined) refAt.set(path, ref);
  }

  let unresolved = 0;
  let tooDeep = 0;
  const resolve = (from: string, dep: string): string | undefined => {
    let base = from;
    for (;;) {
      const ref = refAt.get(base === '' ? `node_modules/${dep}` : `${base}/node_modules/${dep}`);
      if (ref !== undefined) return ref;
      if (base === '') return undefined;
      const up = base.lastIndexOf('/node_modules/');
      base = up === -1 ? '' : base.slice(0, up);
    }
  };
  for (const [path, value] of Object.entries(packages)) {
    if (!isRecord(value) || value['link'] === true) continue;
    const fromRef = refAt.get(path);
    if (fromRef === undefined && path !== '') continue;
    if (tooDeepPath(path)) {
      tooDeep++;
      continue;
    }
    const isProject = path === '' || !path.includes('node_modules/');
    for (const [field, scope] of EDGE_FIELDS) {
      // devDependencies of installed packages are not installed; only the project's own count.
      if (field === 'devDependencies' && !isProject) continue;
      for (const [dep] of entries(value[field])) {
        const toRef = resolve(path, dep);
        if (toRef === undefined) {
          if (scope === 'runtime') unresolved++;
          continue;
        }
        if (fromRef !== undefined) b.edge(fromRef, toRef, scope);
        if (path === '') {
          const target = b.get(toRef);
          if (target) target.direct = true;
        }
      }
    }
  }
  if (unresolved > 0) b.problem('/packages', `${unresolved} dependencies name a package the lockfile does not contain`);
  if (tooDeep > 0) b.problem('/packages', `dependencies of ${tooDeep} packages not resolved: nested more than ${MAX_NESTING} levels or paths over ${MAX_PATH} characters`);
}

interface V1Node {
  path: string;
  depth: number;
  ref: string;
  parent: V1Node | null;
  entry: Record<string, unknown>;
  children: Map<string, V1Node>;
}

/** lockfileVersion 1: a tree of `dependencies`, walked with an explicit stack (hostile nesting cannot overflow it). */
function readV1(json: Record<string, unknown>, b: ManifestBuilder): void {
  const rootName = str(json['name'], 512);
  let rootRef = '';
  if (rootName) {
    const root = lockPackage(rootName, { version: json['version'] }, null, 'runtime');
    root.isRoot = true;
    rootRef = b.add(root).ref;
  }
  const top: V1Node = { path: '', depth: 0, ref: rootRef, parent: null, entry: json, children: new Map() };
  let truncated = false;
  const all: V1Node[] = [];
  const stack: V1Node[] = [top];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.depth >= MAX_NESTING) {
      truncated ||= entries(node.entry['dependencies']).length > 0;
      continue;
    }
    for (const [installedName, value] of entries(node.entry['dependencies'])) {
      if (!isRecord(value)) continue;
      if (installedName.length > 512) {
        truncated = true;
        continue;
      }
      const path = `${node.path === '' ? '' : node.path + '/'}node_modules/${installedName}`;
      const { name, version } = v1Identity(installedName, value);
      const pkg = lockPackage(name, { ...value, version }, path, scopeOf(value));
      const child: V1Node = { path, depth: node.depth + 1, ref: b.add(pkg).ref, parent: node, entry: value, children: new Map() };
      node.children.set(installedName, child);
      all.push(child);
      stack.push(child);
    }
  }
  if (truncated) b.problem('/dependencies', `some dependencies were not read: nested more than ${MAX_NESTING} levels deep, or names over 512 characters`);
  for (const node of all) {
    for (const [dep] of entries(node.entry['requires'])) {
      for (let at: V1Node | null = node; at !== null; at = at.parent) {
        const target = at.children.get(dep);
        if (target) {
          b.edge(node.ref, target.ref, target.entry['optional'] === true ? 'optional' : 'runtime');
          break;
        }
      }
    }
  }
}

/** v1 writes aliases as version "npm:real-name@1.2.3". */
function v1Identity(installedName: string, entry: Record<string, unknown>): { name: string; version: string | null } {
  const v = str(entry['version'], 512);
  const alias = v ? /^npm:((?:@[^/@]+\/)?[^@]+)@(.+)$/.exec(v) : null;
  return alias ? { name: alias[1]!, version: alias[2]! } : { name: installedName, version: v };
}

import type { DependencyScope, Ecosystem } from '../../../../../../shared/model/component.js';
import type { DeclaredDependency, FoundEdge, FoundPackage, Inheritable, ManifestProblem, ManifestResult } from '../types.js';
import { buildPurl, type PurlType } from './purl.js';
import { MAX_NAME, MAX_PROBLEMS, MAX_VERSION, str } from './text.js';

/** How strongly a scope ties a package to the product; a package reached several ways keeps the strongest. */
const SCOPE_RANK: Record<DependencyScope, number> = {
  runtime: 6, optional: 5, peer: 4, build: 3, dev: 2, test: 1, unknown: 0,
};

export function strongerScope(a: DependencyScope, b: DependencyScope): DependencyScope {
  return SCOPE_RANK[a] >= SCOPE_RANK[b] ? a : b;
}

export interface PackageInit {
  ecosystem: Ecosystem;
  purlType: PurlType;
  namespace?: string | null;
  name: string;
  version?: string | null;
  qualifiers?: Record<string, string> | null;
  subpath?: string | null;
  declaredLicense?: string | null;
  scope?: DependencyScope;
  isRoot?: boolean;
  installPath?: string | null;
  direct?: boolean | null;
  description?: string | null;
  author?: string | null;
  homepage?: string | null;
}

/** A FoundPackage with its purl; `ref` is the purl (or an ecosystem-qualified name when there is none). */
export function makePackage(init: PackageInit): FoundPackage {
  const name = str(init.name, MAX_NAME) ?? '';
  const namespace = str(init.namespace ?? null, MAX_NAME);
  const version = str(init.version ?? null, MAX_VERSION);
  const purl = buildPurl(init.purlType, namespace, name, version, init.qualifiers, init.subpath);
  return {
    ref: purl ?? `${init.ecosystem}:${namespace ? namespace + '/' : ''}${name}@${version ?? ''}`,
    ecosystem: init.ecosystem,
    purl,
    namespace,
    name,
    version,
    declaredLicense: init.declaredLicense ?? null,
    scope: init.scope ?? 'unknown',
    isRoot: init.isRoot ?? false,
    installPath: init.installPath ?? null,
    direct: init.direct ?? null,
    description: init.description ?? null,
    author: init.author ?? null,
    homepage: init.homepage ?? null,
    hashes: [],
    externalReferences: [],
  };
}

export function makeDeclared(
  purlType: PurlType,
  namespace: string | null,
  name: string,
  range: string | null,
  scope: DependencyScope,
): DeclaredDependency {
  const n = str(name, MAX_NAME) ?? '';
  const ns = str(namespace, MAX_NAME);
  return { namespace: ns, name: n, range: str(range, MAX_VERSION), scope, purl: buildPurl(purlType, ns, n, null) };
}

/** Collects one file's packages (merged by ref), edges (deduplicated) and problems (capped). */
export class ManifestBuilder {
  private readonly byRef = new Map<string, FoundPackage>();
  private readonly edges = new Map<string, FoundEdge>();
  private readonly problems: ManifestProblem[] = [];
  private droppedProblems = 0;
  private offered: Inheritable | undefined;

  constructor(public format: string) {}

  /** Values packages in manifests below this one may inherit. */
  offer(inheritable: Inheritable): void {
    this.offered = inheritable;
  }

  /** Adds the package, or merges it into the one already there with the same ref; returns the kept one. */
  add(pkg: FoundPackage): FoundPackage {
    const kept = this.byRef.get(pkg.ref);
    if (!kept) {
      this.byRef.set(pkg.ref, pkg);
      return pkg;
    }
    kept.scope = strongerScope(kept.scope, pkg.scope);
    kept.isRoot ||= pkg.isRoot;
    if (pkg.direct === true || kept.direct === null) kept.direct = pkg.direct ?? kept.direct;
    kept.declaredLicense ??= pkg.declaredLicense;
    kept.description ??= pkg.description;
    kept.author ??= pkg.author;
    kept.homepage ??= pkg.homepage;
    if (pkg.installPath !== null && pkg.installPath !== kept.installPath) {
      if (kept.installPath === null) kept.installPath = pkg.installPath;
      else {
        const paths = kept.installPaths ?? [kept.installPath];
        if (!paths.includes(pkg.installPath)) paths.push(pkg.installPath);
        paths.sort(byDepthThenName);
        kept.installPaths = paths;
        kept.installPath = paths[0] ?? null;
      }
    }
    for (const h of pkg.hashes) if (!kept.hashes.some((k) => k.alg === h.alg)) kept.hashes.push(h);
    for (const r of pkg.externalReferences) {
      if (!kept.externalReferences.some((k) => k.type === r.type && k.url === r.url)) kept.externalReferences.push(r);
    }
    return kept;
  }

  get(ref: string): FoundPackage | undefined {
    return this.byRef.get(ref);
  }

  all(): IterableIterator<FoundPackage> {
    return this.byRef.values();
  }

  edge(from: string, to: string, scope: DependencyScope): void {
    if (from === to) return;
    const key = `${from}\u0000${to}`;
    const existing = this.edges.get(key);
    if (existing) existing.scope = strongerScope(existing.scope, scope);
    else this.edges.set(key, { from, to, scope });
  }

  problem(location: string | null, message: string): void {
    if (this.problems.length >= MAX_PROBLEMS) {
      this.droppedProblems++;
      return;
    }
    this.problems.push({ location, message: message.length > 500 ? message.slice(0, 500) + '…' : message });
  }

  result(): ManifestResult {
    const problems = [...this.problems];
    if (this.droppedProblems > 0) problems.push({ location: null, message: `${this.droppedProblems} more problems not listed` });
    // Edges may name refs that were never added (a lockfile listing a dependency it has no entry for): drop them.
    const edges = [...this.edges.values()].filter((e) => this.byRef.has(e.from) && this.byRef.has(e.to));
    return { format: this.format, packages: [...this.byRef.values()], edges, problems, ...(this.offered ? { inheritable: this.offered } : {}) };
  }
}

function byDepthThenName(a: string, b: string): number {
  const da = a.split('/').length;
  const db = b.split('/').length;
  return da !== db ? da - db : a < b ? -1 : a > b ? 1 : 0;
}

/** Adds an external reference when the URL is a non-empty string (capped). */
export function addReference(pkg: FoundPackage, type: string, url: unknown): void {
  const u = str(url, 2048);
  if (u && !pkg.externalReferences.some((r) => r.type === type && r.url === u)) pkg.externalReferences.push({ type, url: u });
}

/** Adds a hash when the content is hex; the algorithm uses CycloneDX names. */
export function addHash(pkg: FoundPackage, alg: string, hex: string | null): void {
  if (hex && /^[0-9a-fA-F]{16,256}$/.test(hex) && !pkg.hashes.some((h) => h.alg === alg)) {
    pkg.hashes.push({ alg, content: hex.toLowerCase() });
  }
}

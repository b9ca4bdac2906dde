import path from 'node:path/posix';
import type { FoundPackage, Inheritable, Inheritance, ManifestResult } from '../packages/types.js';
import { buildPurl } from '../packages/common/purl.js';
import type { ParsedManifest } from './package-inventory.js';

/** A Maven parent chain longer than this is a cycle or hostile; it is reported, not followed. */
const MAX_CHAIN = 16;

function dirOf(relPath: string): string {
  const dir = path.dirname(relPath);
  return dir === '.' ? '' : dir;
}

/**
 * Fills in what manifests leave to a manifest above them: `license.workspace = true` / `version.workspace = true`
 * from the nearest Cargo workspace root above, a pom's missing <licenses> from its parent pom at <relativePath>
 * (following grandparents). What cannot be found in the tree is reported as a problem on the manifest, never
 * invented. Mutates the parsed results in place, before the inventory merges them.
 */
export function inheritFromManifests(manifests: ParsedManifest[]): void {
  const byPath = new Map(manifests.map((m) => [m.path, m.result]));
  for (const manifest of manifests) {
    for (const pkg of manifest.result.packages) {
      if (!pkg.inherits) continue;
      const found = pkg.inherits.from === 'cargo-workspace'
        ? cargoWorkspaceAbove(manifest.path, byPath)
        : mavenParentChain(manifest.path, pkg.inherits, byPath);
      for (const field of pkg.inherits.fields) {
        const value = found.values?.[field] ?? null;
        if (value === null) {
          manifest.result.problems.push({ location: null, message: `${field} is inherited (${describe(pkg.inherits)}) but ${found.why ?? `the ${field} is not set there`}` });
        } else if (field === 'license') {
          pkg.declaredLicense = value;
        } else {
          setVersion(manifest.result, pkg, value, pkg.inherits.from === 'cargo-workspace' ? 'cargo' : 'maven');
        }
      }
    }
  }
}

interface Found {
  values: { license: string | null; version: string | null } | null;
  why?: string;
}

function describe(inherits: Inheritance): string {
  return inherits.from === 'cargo-workspace' ? 'from the Cargo workspace' : `from the parent pom ${inherits.coordinates ?? ''}`.trim();
}

/** Cargo's rule: the workspace root is the nearest Cargo.toml above the member that has a [workspace] table. */
function cargoWorkspaceAbove(manifestPath: string, byPath: Map<string, ManifestResult>): Found {
  let dir = dirOf(manifestPath);
  while (dir !== '') {
    dir = dirOf(dir);
    const offered = byPath.get(dir === '' ? 'Cargo.toml' : `${dir}/Cargo.toml`)?.inheritable;
    if (offered?.kind === 'cargo-workspace') return { values: offered };
  }
  return { values: null, why: 'no Cargo.toml with [workspace] was found above it in the scanned folder' };
}

/** The parent pom, then its parent …: the first one in the chain that states the license decides. */
function mavenParentChain(manifestPath: string, first: Inheritance, byPath: Map<string, ManifestResult>): Found {
  let at = manifestPath;
  let inherits: Inheritance | undefined = first;
  for (let depth = 0; inherits && depth < MAX_CHAIN; depth++) {
    const target = parentPomPath(at, inherits.relativePath ?? '../pom.xml');
    const offered: Inheritable | undefined = target === null ? undefined : byPath.get(target)?.inheritable;
    if (!offered || offered.kind !== 'maven-parent') return { values: null, why: `the parent pom is not in the scanned folder at ${inherits.relativePath}` };
    if (offered.coordinates !== inherits.coordinates) {
      return { values: null, why: `the pom at ${inherits.relativePath} is ${offered.coordinates}, not the parent ${inherits.coordinates}` };
    }
    if (offered.license !== null) return { values: { license: offered.license, version: offered.version } };
    at = target!;
    inherits = offered.inherits;
  }
  return { values: null, why: inherits ? 'the parent chain is too long or loops' : 'no pom in its parent chain states a license' };
}

function parentPomPath(pomPath: string, relativePath: string): string | null {
  const joined = path.normalize(path.join(dirOf(pomPath), relativePath.replace(/\\/g, '/')));
  const file = joined.endsWith('.xml') ? joined : path.join(joined, 'pom.xml');
  return file.startsWith('../') || path.isAbsolute(file) ? null : file;
}

/** A version filled in later changes the package's purl and ref; the manifest's edges follow. */
function setVersion(result: ManifestResult, pkg: FoundPackage, version: string, purlType: 'cargo' | 'maven'): void {
  const oldRef = pkg.ref;
  pkg.version = version;
  const purl = pkg.purl === null ? null : buildPurl(purlType, pkg.namespace, pkg.name, version);
  if (purl === null) return;
  pkg.purl = purl;
  pkg.ref = purl;
  for (const edge of result.edges) {
    if (edge.from === oldRef) edge.from = purl;
    if (edge.to === oldRef) edge.to = purl;
  }
}

import type { ComponentHash, DependencyScope, Ecosystem, ExternalReference } from '../../../../../shared/model/component.js';

/** A package named by a manifest or lockfile, before the indexer merges what several files say about it. */
export interface FoundPackage {
  /** Unique within one manifest's result; edges refer to it. Usually the purl. */
  ref: string;
  ecosystem: Ecosystem;
  /** Package URL built with packageurl-js; null only when the name is unknown. */
  purl: string | null;
  namespace: string | null;
  name: string;
  version: string | null;
  /** The license exactly as the manifest wrote it (joined with ' OR ' / ' AND ' only where the format says so). */
  declaredLicense: string | null;
  scope: DependencyScope;
  /**
   * True when the manifest describes the package whose root is the manifest's own directory
   * (package.json, Cargo.toml, pyproject.toml, pom.xml, *.gemspec, METADATA …); false for entries of a lockfile.
   */
  isRoot: boolean;
  /** Where the package's files lie, relative to the manifest's directory, when the lockfile says (node_modules/x). */
  installPath: string | null;
  /** True for direct dependencies of the root package, when known. */
  direct: boolean | null;
  description: string | null;
  author: string | null;
  homepage: string | null;
  hashes: ComponentHash[];
  externalReferences: ExternalReference[];
  /**
   * Every install location when the lockfile installs the same package at several places (npm nesting),
   * shallowest first; `installPath` is the first of them. Absent when there is at most one.
   */
  installPaths?: string[];
  /**
   * On a root package: what its manifest declares with a version range rather than an exact version
   * (package.json "^1.2.0", Cargo.toml, composer.json …). Such dependencies are not packages of their own here,
   * since their installed version is the lockfile's to say; the indexer can match them to lockfile packages by
   * `purl` (a purl without version) to mark those direct.
   */
  declaredDependencies?: DeclaredDependency[];
  /** Fields the manifest leaves to a manifest above it (a Cargo workspace root, a Maven parent pom). */
  inherits?: Inheritance;
}

/** Where an inherited field comes from: resolved across manifests by the inventory (inherit-from-manifests.ts). */
export interface Inheritance {
  /** 'cargo-workspace': the nearest Cargo.toml above with [workspace]; 'maven-parent': the pom at `relativePath`. */
  from: 'cargo-workspace' | 'maven-parent';
  fields: ('license' | 'version')[];
  /** maven-parent: the parent pom's path relative to this manifest's directory (Maven's default "../pom.xml"). */
  relativePath?: string;
  /** maven-parent: "groupId:artifactId" of the parent, to check that the pom found there is the one meant. */
  coordinates?: string;
}

/** What a manifest offers to those below it: a Cargo workspace's [workspace.package], a pom's own values. */
export interface Inheritable {
  kind: 'cargo-workspace' | 'maven-parent';
  /** maven-parent: "groupId:artifactId" of this pom. */
  coordinates?: string;
  license: string | null;
  version: string | null;
  /** This manifest's own license is itself inherited from further up (a Maven grandparent). */
  inherits?: Inheritance;
}

/** A dependency as a manifest declares it, by name and version range. */
export interface DeclaredDependency {
  namespace: string | null;
  name: string;
  /** The version requirement exactly as written ("^1.2.0", ">=2,<3", "[1.0,2.0)"); null when none. */
  range: string | null;
  scope: DependencyScope;
  /** Package URL without version, for matching against lockfile packages; null when it cannot be built. */
  purl: string | null;
}

export interface FoundEdge {
  from: string;
  to: string;
  scope: DependencyScope;
}

export interface ManifestProblem {
  /** "line 12", a JSON pointer, or null. */
  location: string | null;
  message: string;
}

export interface ManifestResult {
  /** 'package.json', 'package-lock.json v3', 'Cargo.lock', … */
  format: string;
  packages: FoundPackage[];
  edges: FoundEdge[];
  problems: ManifestProblem[];
  /** Values packages in manifests below may inherit (see Inheritance). */
  inheritable?: Inheritable;
}

/** A software component: a package found in a manifest, lockfile or SBOM, or the project root itself. */
export type Ecosystem =
  | 'npm' | 'pypi' | 'maven' | 'gradle' | 'golang' | 'cargo' | 'gem' | 'composer' | 'nuget'
  | 'swift' | 'cocoapods' | 'pub' | 'conan' | 'vcpkg' | 'generic';

export type DependencyScope = 'runtime' | 'dev' | 'optional' | 'peer' | 'build' | 'test' | 'unknown';

export interface ComponentHash {
  /** CycloneDX algorithm names: SHA-1, SHA-256, SHA-512, MD5 … */
  alg: string;
  content: string;
}

export interface ExternalReference {
  type: string;
  url: string;
  comment?: string;
}

export interface DeclaredLicense {
  /** Exactly as the authors wrote it ("Apache 2", "BSD", "(MIT OR GPL-3.0)", a URL …). */
  verbatim: string | null;
  /** A valid SPDX expression when one could be derived, else null. */
  expression: string | null;
  /** True when `expression` was corrected from a non-SPDX string (spdx-correct), not copied. */
  normalised: boolean;
}

export interface ComponentSummary {
  id: number;
  scanId: number;
  projectId: number;
  /** Stable within a project across scans: purl when known, else ecosystem + name + version, else root path. */
  key: string;
  purl: string | null;
  name: string;
  version: string | null;
  ecosystem: Ecosystem;
  scope: DependencyScope;
  /** Package root relative to the source root ('' for the source root); null for SBOM-only components. */
  rootPath: string | null;
  declared: DeclaredLicense;
  /** Concluded by an audit decision, when one applies. */
  concluded: string | null;
  /** SPDX ids detected in the component's files, sorted. */
  detected: string[];
  fileCount: number;
  findingCount: number;
  copyrightCount: number;
  /** Where this component was seen: 'scan', 'sbom:<file name>' … */
  origins: string[];
}

export interface ComponentDetail extends ComponentSummary {
  description: string | null;
  supplier: string | null;
  author: string | null;
  cpe: string | null;
  hashes: ComponentHash[];
  externalReferences: ExternalReference[];
  copyrights: string[];
  /** Chains of component names from a root of the project to this one, shortest first (at most 5). */
  dependencyPaths: string[][];
  dependsOn: { id: number; name: string; version: string | null }[];
  dependedOnBy: { id: number; name: string; version: string | null }[];
}

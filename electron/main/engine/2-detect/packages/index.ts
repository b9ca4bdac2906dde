/**
 * Package manifests and lockfiles: which files they are (manifestKind), what they declare (parseManifest),
 * and their license strings as SPDX expressions (normaliseDeclaredLicense). Pure functions, no I/O.
 */
export { manifestKind, type ManifestKind } from './kind.js';
export { parseManifest } from './parse.js';
export { normaliseDeclaredLicense } from './license/normalise.js';
export { PROPRIETARY as PROPRIETARY_LICENSE_REF, PUBLIC_DOMAIN as PUBLIC_DOMAIN_LICENSE_REF } from './license/recognise.js';
export type { DeclaredDependency, FoundEdge, FoundPackage, ManifestProblem, ManifestResult } from './types.js';

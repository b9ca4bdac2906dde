import { PackageURL } from 'packageurl-js';

/** purl types used by the readers; `ecosystem` names in the data model map onto these. */
export type PurlType =
  | 'npm' | 'pypi' | 'maven' | 'golang' | 'cargo' | 'gem' | 'composer' | 'nuget'
  | 'swift' | 'cocoapods' | 'pub' | 'conan' | 'generic';

/**
 * A Package URL string, or null when packageurl-js rejects the parts (a name with no characters, a golang
 * version that is not semver …). Type-specific normalisation (pypi lowercase and `_`→`-`, pub `-`→`_`,
 * npm lowercase) is the library's.
 */
export function buildPurl(
  type: PurlType,
  namespace: string | null,
  name: string,
  version: string | null,
  qualifiers?: Record<string, string> | null,
  subpath?: string | null,
): string | null {
  if (name === '') return null;
  try {
    const q = qualifiers && Object.keys(qualifiers).length > 0 ? qualifiers : undefined;
    return new PackageURL(type, namespace ?? undefined, name, version ?? undefined, q, subpath ?? undefined).toString();
  } catch {
    return null;
  }
}

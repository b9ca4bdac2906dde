import picomatch from 'picomatch';

/** The purl (or component key) without its version: "pkg:npm/lodash@4.17.21" → "pkg:npm/lodash". */
export function withoutVersion(purl: string): string {
  const bare = purl.replace(/[?#].*$/, '');
  const match = /^(.*\/[^/@]+)@[^/]*$/.exec(bare);
  return match ? match[1]! : bare;
}

/** Scoped npm names are written "%40acme" in a purl; people also write "@acme". */
function normalisePattern(pattern: string): string {
  return pattern.trim().replace(/\/@/g, '/%40');
}

export function purlPatternProblem(pattern: string): string | null {
  if (!pattern.trim().startsWith('pkg:')) return `"${pattern}" is not a purl pattern: it must start with "pkg:" (e.g. pkg:npm/%40acme/*)`;
  try {
    picomatch.makeRe(normalisePattern(pattern));
    return null;
  } catch (error) {
    return `"${pattern}" is not a valid pattern: ${(error as Error).message}`;
  }
}

export type PurlMatcher = (purlOrKey: string) => boolean;

/**
 * Glob over purls: `*` stays within one path segment, `**` crosses them. A pattern without a version also matches
 * every version of the package ("pkg:npm/lodash" matches "pkg:npm/lodash@4.17.21").
 */
export function compilePurlPattern(pattern: string): PurlMatcher {
  const isMatch = picomatch(normalisePattern(pattern), { dot: true });
  return (purlOrKey) => {
    const bare = purlOrKey.replace(/[?#].*$/, '');
    return isMatch(bare) || isMatch(withoutVersion(bare));
  };
}

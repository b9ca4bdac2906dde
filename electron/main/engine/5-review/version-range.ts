import * as pep440 from '@renovatebot/pep440';
import semver from 'semver';

/**
 * Whether a version lies in a decision's range (docs/decisions.md, "Version ranges"):
 * 1. semver (npm syntax: ^1.2.0, ~1.2, >=1 <2, 1.x, ||) when the version is semver (a leading "v" is ignored);
 * 2. PEP 440 specifiers (>=1.0,<2) for PyPI versions that are not semver;
 * 3. otherwise the same comparator syntax as 1, comparing versions piece by piece (numbers as numbers, other
 *    text alphabetically, pre-release words before the release): a fallback for Maven, RubyGems, Debian-like
 *    versions, where no single library covers every ecosystem's ordering.
 */
export function versionInRange(version: string, range: string, ecosystem: string): boolean {
  const clean = version.trim().replace(/^v(?=\d)/, '');
  if (semver.valid(clean) && semver.validRange(range)) return semver.satisfies(clean, range);
  if (ecosystem === 'pypi' && pep440.valid(clean) && pep440.validRange(range)) return pep440.satisfies(clean, range);
  return genericInRange(clean, range);
}

export function rangeProblem(range: string): string | null {
  if (range.trim() === '') return 'the version range is empty';
  if (semver.validRange(range) || pep440.validRange(range) || parseGeneric(range) !== null) return null;
  return `"${range}" is not a version range (use npm-style ranges such as ^1.2.0, >=1.0 <2.0 or 1.x)`;
}

/** Words that mean "before the release", and words that mean "the release itself". */
const releaseWords = ['final', 'release', 'ga'];
const preRelease = ['alpha', 'a', 'beta', 'b', 'milestone', 'm', 'rc', 'cr', 'pre', 'preview', 'snapshot', 'dev'];

type Piece = number | string;

function pieces(version: string): Piece[] {
  return (version.toLowerCase().match(/\d+|[a-z]+/g) ?? []).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** Numbers compare as numbers; a pre-release word sorts before the release, any other word after it. */
export function compareGeneric(a: string, b: string): number {
  const x = pieces(a);
  const y = pieces(b);
  const weight = (v: Piece | undefined): number =>
    v === undefined || (typeof v === 'string' && releaseWords.includes(v)) ? 0 : typeof v === 'number' ? 1 : preRelease.includes(v) ? -1 : 0.5;
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const p = x[i];
    const q = y[i];
    if (p === q || (p === undefined && q === 0) || (q === undefined && p === 0)) continue;
    const wp = weight(p);
    const wq = weight(q);
    if (wp !== wq) return wp - wq;
    if (typeof p === 'number' && typeof q === 'number') return p - q;
    if (p === undefined || q === undefined) continue;
    return String(p) < String(q) ? -1 : 1;
  }
  return 0;
}

type Comparator = { op: '<' | '<=' | '>' | '>=' | '='; version: string } | { op: 'prefix'; version: string };

function parseGeneric(range: string): Comparator[][] | null {
  const alternatives = range.split('||').map((alt) =>
    alt
      .trim()
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((token): Comparator | null => {
        const m = /^(<=|>=|<|>|=|==)?\s*([0-9][0-9A-Za-z.+_*-]*|[xX*])$/.exec(token);
        if (!m) return null;
        const version = m[2]!;
        if (/(^|\.)[x*]$/i.test(version)) return { op: 'prefix', version: version.replace(/\.?[x*]$/i, '') };
        return { op: m[1] === '==' || !m[1] ? '=' : (m[1] as '<' | '<=' | '>' | '>='), version };
      }),
  );
  if (alternatives.some((alt) => alt.length === 0 || alt.some((c) => c === null))) return null;
  return alternatives as Comparator[][];
}

function genericInRange(version: string, range: string): boolean {
  const parsed = parseGeneric(range);
  if (!parsed) return false;
  return parsed.some((alt) =>
    alt.every((c) => {
      if (c.op === 'prefix') return c.version === '' || version === c.version || version.startsWith(`${c.version}.`);
      const order = compareGeneric(version, c.version);
      return c.op === '<' ? order < 0 : c.op === '<=' ? order <= 0 : c.op === '>' ? order > 0 : c.op === '>=' ? order >= 0 : order === 0;
    }),
  );
}

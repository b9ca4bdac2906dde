import { canonicalExceptionId, canonicalLicenseId, licenseIdByFullName, nameKey } from './spdx-ids.js';

/** What UNLICENSED (npm), "proprietary", "commercial" and "all rights reserved" declare: not open source. */
export const PROPRIETARY = 'LicenseRef-clearance-proprietary';
/** A declaration of "Public Domain", which has no SPDX id. */
export const PUBLIC_DOMAIN = 'LicenseRef-clearance-public-domain';

/** Well-known names that the generic rules below would get wrong, keyed by nameKey(). */
const NAMED: Record<string, string> = {
  'mit/x11': 'MIT',
  'x11/mit': 'MIT',
  'zlib/libpng': 'Zlib',
  'expat': 'MIT',
  'cddl + gplv2 with classpath exception': 'CDDL-1.0 OR GPL-2.0-only WITH Classpath-exception-2.0',
  'cddl+gpl': 'CDDL-1.0 OR GPL-2.0-only WITH Classpath-exception-2.0',
  'cddl/gplv2+ce': 'CDDL-1.1 OR GPL-2.0-only WITH Classpath-exception-2.0',
  'cddl + gplv2 with classpath exception 1.1': 'CDDL-1.1 OR GPL-2.0-only WITH Classpath-exception-2.0',
  'gpl2 w/ cpe': 'GPL-2.0-only WITH Classpath-exception-2.0',
  'gplv2+ce': 'GPL-2.0-only WITH Classpath-exception-2.0',
  'eclipse distribution license - v 1.0': 'BSD-3-Clause',
  'eclipse distribution license v. 1.0': 'BSD-3-Clause',
  'edl 1.0': 'BSD-3-Clause',
  'bouncy castle': 'MIT',
  'bouncy castle licence': 'MIT',
  'json': 'JSON',
  'ruby': 'Ruby',
  'python-2.0': 'Python-2.0',
  'postgresql': 'PostgreSQL',
};

/** Strings that declare nothing usable: the expression is null. */
const NOTHING = new Set([
  'unknown', 'none', 'noassertion', 'other', 'n/a', 'na', 'null', 'undefined', 'license', 'see license',
  'see license file', 'see license.txt', 'license.txt', 'license.md', 'custom', 'dual license', 'osi approved',
  'other/proprietary', 'free', 'freely distributable', 'freeware', 'tbd', 'todo',
]);

const PROPRIETARY_RE = /^(unlicensed|proprietary|commercial|all rights reserved|closed source|other\/proprietary)( license| licence)?$/;

/**
 * An SPDX expression (or a Clearance LicenseRef) for one license name, id or URL, or null. Does not split
 * "A or B": the caller does. Returns undefined when the string positively declares nothing (UNKNOWN, SEE LICENSE IN).
 */
export function recogniseSingle(raw: string): string | null | undefined {
  const s = raw.trim().replace(/^["'([]+|["')\].,;]+$/g, '').trim();
  if (s === '') return undefined;
  const key = nameKey(s);
  if (NOTHING.has(key) || /^see licen[cs]e in\b/i.test(s) || /^see (the )?(licen[cs]e|copying|notice)\b/i.test(s)) {
    return undefined;
  }
  if (PROPRIETARY_RE.test(key)) return PROPRIETARY;
  if (/^public[ -]domain\b/.test(key) || key === 'pd') return PUBLIC_DOMAIN;

  const id = idLike(s);
  if (id) return id;
  if (key in NAMED) return NAMED[key]!;
  const trove = fromTroveClassifier(s);
  if (trove !== null) return trove;
  if (/^(https?:\/\/|www\.)/i.test(s)) return fromUrl(s);
  const full = licenseIdByFullName(s);
  if (full) return upgradeId(full, false);
  return fromFamily(s);
}

/** "mit", "apache-2.0", "GPL-2.0+", "LGPL-2.1-or-later": any case of an SPDX id, deprecated ones upgraded. */
function idLike(s: string): string | null {
  const plus = s.endsWith('+');
  const id = canonicalLicenseId(plus ? s.slice(0, -1) : s);
  return id ? upgradeId(id, plus) : null;
}

const GNU_DEPRECATED = /^(A?GPL|LGPL|GFDL)-(\d\.\d)$/;
const DEPRECATED_WITH: Record<string, string> = {
  'GPL-2.0-with-classpath-exception': 'GPL-2.0-only WITH Classpath-exception-2.0',
  'GPL-2.0-with-autoconf-exception': 'GPL-2.0-only WITH Autoconf-exception-2.0',
  'GPL-2.0-with-bison-exception': 'GPL-2.0-or-later WITH Bison-exception-2.2',
  'GPL-2.0-with-font-exception': 'GPL-2.0-only WITH Font-exception-2.0',
  'GPL-2.0-with-GCC-exception': 'GPL-2.0-only WITH GCC-exception-2.0',
  'GPL-3.0-with-autoconf-exception': 'GPL-3.0-only WITH Autoconf-exception-3.0',
  'GPL-3.0-with-GCC-exception': 'GPL-3.0-only WITH GCC-exception-3.1',
  'StandardML-NJ': 'SMLNJ',
  'Nunit': 'zlib-acknowledgement',
  'BSD-2-Clause-FreeBSD': 'BSD-2-Clause',
  'BSD-2-Clause-NetBSD': 'BSD-2-Clause',
  'wxWindows': 'LGPL-2.0-or-later WITH WxWindows-exception-3.1',
  'eCos-2.0': 'GPL-2.0-or-later WITH eCos-exception-2.0',
};

/** Deprecated SPDX ids to their current form: GPL-2.0 → GPL-2.0-only, GPL-2.0+ → GPL-2.0-or-later. */
export function upgradeId(id: string, plus: boolean): string {
  const gnu = GNU_DEPRECATED.exec(id);
  if (gnu) return `${id}-${plus ? 'or-later' : 'only'}`;
  const replaced = DEPRECATED_WITH[id];
  if (replaced) return replaced;
  if (plus && /-only$/.test(id)) return id.replace(/-only$/, '-or-later');
  return plus && !id.endsWith('-or-later') ? `${id}+` : id;
}

/** "License :: OSI Approved :: MIT License" → MIT; other classifiers → null. */
function fromTroveClassifier(s: string): string | null | undefined {
  if (!/^license ::/i.test(s) || s.toLowerCase().indexOf('license ::', 1) !== -1) return null;
  const last = s.split('::').pop()!.trim();
  const key = nameKey(last);
  if (key === 'osi approved' || key === 'other/proprietary' || key === 'dfsg approved' || key === 'free for non-commercial use') {
    return key === 'other/proprietary' ? PROPRIETARY : undefined;
  }
  if (/^public domain$/.test(key)) return PUBLIC_DOMAIN;
  return recogniseSingle(last) ?? undefined;
}

const URL_RULES: [RegExp, (m: RegExpExecArray) => string | null][] = [
  [/^apache\.org\/licenses\/license-(\d\.\d)/, (m) => `Apache-${m[1]}`],
  [/^(?:opensource\.org|spdx\.org|choosealicense\.com)\/licenses?\/([a-z0-9.+-]+?)(?:-license)?(?:\.php|\.html|\.json|\.txt)?$/, (m) => urlId(m[1]!)],
  [/^licenses\.nuget\.org\/(.+)$/, (m) => nugetExpression(m[1]!)],
  [/^gnu\.org\/licenses\/(?:old-licenses\/)?(a?gpl|lgpl|fdl)-(\d\.\d)/, (m) => `${m[1] === 'fdl' ? 'GFDL' : m[1]!.toUpperCase()}-${m[2]}-only`],
  [/^gnu\.org\/licenses\/(a?gpl|lgpl)(?:\.html|\.txt)?$/, (m) => `${m[1]!.toUpperCase()}-3.0-only`],
  [/^eclipse\.org\/legal\/epl-v?(10|20|1\.0|2\.0)/, (m) => (m[1]!.startsWith('1') ? 'EPL-1.0' : 'EPL-2.0')],
  [/^eclipse\.org\/(?:org\/documents\/)?edl-v10/, () => 'BSD-3-Clause'],
  [/^mozilla\.org\/(?:[a-z-]+\/)?mpl\/(?:mpl-)?(\d\.\d)/, (m) => `MPL-${m[1]}`],
  [/^creativecommons\.org\/publicdomain\/zero\/1\.0/, () => 'CC0-1.0'],
  [/^creativecommons\.org\/licenses\/([a-z-]+)\/(\d\.\d)/, (m) => `CC-${m[1]!.toUpperCase()}-${m[2]}`],
  [/^json\.org\/license/, () => 'JSON'],
  [/^unlicense\.org/, () => 'Unlicense'],
  [/^wtfpl\.net/, () => 'WTFPL'],
  [/^boost\.org\/license_1_0/, () => 'BSL-1.0'],
  [/^(?:glassfish\.(?:dev\.)?java\.net|oss\.oracle\.com)\/.*cddl\+gpl_1_1/, () => 'CDDL-1.1 OR GPL-2.0-only WITH Classpath-exception-2.0'],
  [/^(?:glassfish\.(?:dev\.)?java\.net|oss\.oracle\.com)\/.*cddl\+gpl/, () => 'CDDL-1.0 OR GPL-2.0-only WITH Classpath-exception-2.0'],
];

const OSI_SLUGS: Record<string, string> = { mit: 'MIT', bsd: 'BSD-3-Clause', isc: 'ISC', 'bsd-3': 'BSD-3-Clause' };

function urlId(slug: string): string | null {
  return OSI_SLUGS[slug] ?? idLike(slug);
}

/** licenses.nuget.org/<expression>: the path is an URL-encoded SPDX expression (lower-cased by fromUrl). */
function nugetExpression(path: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  return decoded
    .split(/(\s+|\(|\))/)
    .map((t) => (/^(and|or|with)$/.test(t) ? t.toUpperCase() : (idLike(t) ?? canonicalExceptionId(t) ?? t)))
    .join('');
}

/** License URLs of well-known licenses; any other URL (a repository's LICENSE file) gives null. */
export function fromUrl(url: string): string | null {
  const u = url.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/[?#].*$/, '').replace(/\/+$/, '');
  for (const [re, make] of URL_RULES) {
    const m = re.exec(u);
    if (m) {
      const r = make(m);
      return r === null ? null : r.startsWith('CC-') || /^[A-Za-z]/.test(r) ? r : null;
    }
  }
  return null;
}

interface Family {
  match: RegExp;
  id: (version: string | null, s: string) => string | null;
}

const GNU_LATER = /\+|\bor (any )?later\b|\bor newer\b|any later version|-or-later/;

/** Licenses recognised by a distinctive word plus a version number written any way ("v2", "Version 2.0", "2"). */
const FAMILIES: Family[] = [
  { match: /\b[la]?gpl|\bgnu\b|general public licen[cs]e/, id: gnu },
  { match: /\bapache\b|\basl\b|\bal ?2\b|\basf\b/, id: (v) => pick('Apache', v ?? '2.0', ['1.0', '1.1', '2.0']) },
  { match: /\bmit\b/, id: (_v, s) => (/no attribution|mit-0/.test(s) ? 'MIT-0' : 'MIT') },
  { match: /\bbsd\b/, id: (_v, s) => bsd(s) },
  { match: /\bisc\b|\biscl\b/, id: () => 'ISC' },
  { match: /\bmozilla\b|\bmpl\b/, id: (v) => pick('MPL', v, ['1.0', '1.1', '2.0']) },
  { match: /\beclipse public\b|\bepl\b/, id: (v) => pick('EPL', v, ['1.0', '2.0']) },
  { match: /\beuropean union public\b|\beupl\b/, id: (v) => pick('EUPL', v, ['1.0', '1.1', '1.2']) },
  { match: /\bcddl\b|common development and distribution/, id: (v) => pick('CDDL', v ?? '1.0', ['1.0', '1.1']) },
  { match: /\bboost\b|\bbsl\b/, id: () => 'BSL-1.0' },
  { match: /python software foundation|\bpsfl?\b/, id: () => 'PSF-2.0' },
  { match: /\bunlicense\b/, id: () => 'Unlicense' },
  { match: /\bzlib\b/, id: () => 'Zlib' },
  { match: /\bwtfpl\b|do what the f/, id: () => 'WTFPL' },
  { match: /\bhpnd\b|historical permission notice/, id: () => 'HPND' },
  { match: /\bupl\b|universal permissive/, id: () => 'UPL-1.0' },
  { match: /\bcc0\b|creative commons zero/, id: () => 'CC0-1.0' },
  { match: /\bzope public\b|\bzpl\b/, id: (v) => pick('ZPL', v, ['1.1', '2.0', '2.1']) },
  { match: /\bartistic\b/, id: (v) => pick('Artistic', v, ['1.0', '2.0']) },
  { match: /\bacademic free\b|\bafl\b/, id: (v) => pick('AFL', v, ['1.1', '1.2', '2.0', '2.1', '3.0']) },
  { match: /\bopen software licen[cs]e\b|\bosl\b/, id: (v) => pick('OSL', v, ['1.0', '1.1', '2.0', '2.1', '3.0']) },
];

/** A name matching exactly one family, resolved with its version; null when none or several match. */
function fromFamily(s: string): string | null {
  const lower = s.toLowerCase().replace(/_/g, ' ');
  const matched = FAMILIES.filter((f) => f.match.test(lower));
  if (matched.length !== 1) return null;
  return matched[0]!.id(firstVersion(lower), lower);
}

function firstVersion(s: string): string | null {
  const m = /(\d+)(?:\.(\d+))?/.exec(s);
  if (!m) return null;
  return `${m[1]}.${m[2] ?? '0'}`;
}

function pick(prefix: string, version: string | null, allowed: string[]): string | null {
  return version !== null && allowed.includes(version) ? `${prefix}-${version}` : null;
}

function bsd(s: string): string {
  if (/\b0bsd\b|zero[- ]clause/.test(s)) return '0BSD';
  if (/\b(2|two)[- ]?clause|simplified|freebsd|\bbsd-?2\b/.test(s)) return 'BSD-2-Clause';
  if (/\b(4|four)[- ]?clause|original|\bbsd-?4\b/.test(s)) return 'BSD-4-Clause';
  // "BSD", "BSD License", "new BSD", "3-clause": the 3-clause license is what a bare "BSD" most often means.
  return 'BSD-3-Clause';
}

/** GNU licenses: family from the words, version from the first number, "or later" from +/"or later". */
function gnu(version: string | null, s: string): string | null {
  let family: 'GPL' | 'LGPL' | 'AGPL';
  let unversioned: string;
  if (/\blgpl|lesser|library/.test(s)) {
    family = 'LGPL';
    unversioned = /lesser/.test(s) && !/library/.test(s) ? '2.1' : '2.0';
  } else if (/\bagpl|affero/.test(s)) {
    family = 'AGPL';
    unversioned = '3.0';
  } else if (/\bgpl|general public/.test(s)) {
    family = 'GPL';
    unversioned = '1.0';
  } else return null;
  const allowed = { GPL: ['1.0', '2.0', '3.0'], LGPL: ['2.0', '2.1', '3.0'], AGPL: ['1.0', '3.0'] }[family];
  // A GNU license named without a version lets the licensee choose any version (GPL section 9): "or later".
  const later = version === null || GNU_LATER.test(s);
  const v = version ?? unversioned;
  if (!allowed.includes(v)) return null;
  const base = `${family}-${v}-${later ? 'or-later' : 'only'}`;
  if (/classpath|\bcpe\b|\+ce\b/.test(s)) return `${base} WITH Classpath-exception-2.0`;
  if (/linking exception|\bgcc runtime/.test(s)) return null;
  return base;
}

export { canonicalExceptionId };

import type { LineIndex } from '../text/lines.js';
import { scanSlices, type TextSlice } from './focus.js';
import { licenseFieldReferences } from './license-fields.js';
import { FILLER, longestName, phraseTrie, scoreOf } from './license-names.js';
import type { NoticeHit } from './notice-hit.js';
import { licenseCatalog } from './reference-texts.js';
import { CONVENTION_SCORE } from './notice-families.js';
import type { WordText } from './word-text.js';

let urlMap: Map<string, string> | null = null;

const LEAD = /\b(?:(?:licensed|licenced|released|distributed|available|published|provided|licensing|offered|covered|dual licensed|license|licenses) (?:[a-z0-9]+ ){0,4}?(?:under|as)|(?:governed|covered) by|subject to|under the terms|(?:according to|in accordance with) the terms)(?: the| a| an)?(?: terms)?(?: and conditions)?(?: of)?(?: the)?(?: terms)?(?: of)?(?: either)?(?: the| a| an)? /g;

const GNU_WORD = /^(?:gnu|(?:l|a)?gpl(?:v?\d)?|lesser|library|affero|general)$/;
const JOINER = new Set(['or', 'and', 'the', 'either', 'dual', 'under', 'terms', 'of', 'license', 'licenses']);

/** Names in a row after a lead: "under GPLv2 or MIT", "under the MIT and ISC licenses". GNU names are left to the GNU rule. */
function namesFrom(t: WordText, at: number, leadStart: number, hits: NoticeHit[]): void {
  let i = at;
  for (let count = 0; count < 4 && i < t.words.length; count++) {
    while (i < t.words.length && JOINER.has(t.words[i]!) && t.words[i] !== 'license') i++;
    const name = longestName(t.words, i);
    if (name) {
      const end = t.offsetOf(i + name.used);
      const [first, last] = t.lineRange(leadStart, end);
      hits.push({ kind: 'license-reference', license: name.id, first, last, matchedBy: 'reference:phrase', start: leadStart, end, ...scoreOf(name) });
      i += name.used;
    } else if (i < t.words.length && GNU_WORD.test(t.words[i]!)) {
      let k = i;
      while (k < t.words.length && k < i + 10 && !['or', 'and'].includes(t.words[k]!)) k++;
      i = k;
    } else return;
    if (i >= t.words.length || !['or', 'and', 'license', 'licenses'].includes(t.words[i]!)) return;
    if (t.words[i] === 'license' || t.words[i] === 'licenses') i++;
    if (t.words[i] !== 'or' && t.words[i] !== 'and') return;
  }
}

/** "Released under the MIT license", "licensed under the terms of the ISC license", "MIT/GPL2 licensed" … */
function phraseReferences(t: WordText): NoticeHit[] {
  const hits: NoticeHit[] = [];
  LEAD.lastIndex = 0;
  for (let m = LEAD.exec(t.joined); m; m = LEAD.exec(t.joined)) {
    namesFrom(t, t.wordAt(m.index + m[0].length), m.index, hits);
  }
  const licensed = /\blicensed\b/g;
  for (let m = licensed.exec(t.joined); m; m = licensed.exec(t.joined)) {
    const end = t.wordAt(m.index);
    // "Licensed MIT", "licensed as MIT": the name right after the word.
    const nameAt = t.words[end + 1] === 'as' ? end + 2 : end + 1;
    const following = longestName(t.words, nameAt);
    if (following) {
      const [first, last] = t.lineRange(m.index, t.offsetOf(nameAt + following.used));
      hits.push({ kind: 'license-reference', license: following.id, first, last, matchedBy: 'reference:phrase', start: m.index, end: t.offsetOf(nameAt + following.used), ...scoreOf(following) });
    }
    for (let at = Math.max(0, end - 6); at < end; at++) {
      const name = longestName(t.words, at);
      if (!name || at + name.used > end) continue;
      const rest = t.words.slice(at + name.used, end);
      if (rest.some((w) => !JOINER.has(w) && !GNU_WORD.test(w) && !/^\d+$/.test(w))) continue;
      const [first, last] = t.lineRange(t.offsetOf(at), m.index + m[0].length);
      hits.push({ kind: 'license-reference', license: name.id, first, last, matchedBy: 'reference:phrase', start: t.offsetOf(at), end: m.index + m[0].length, ...scoreOf(name) });
      at += name.used - 1;
    }
  }
  return hits;
}

/**
 * Full license names anywhere ("Eclipse Public License Version 1.0", "Common Development and Distribution License
 * 1.1"): long or versioned names are specific enough to count without a lead phrase.
 */
function fullNameReferences(t: WordText): NoticeHit[] {
  const hits: NoticeHit[] = [];
  const root = phraseTrie();
  for (let i = 0; i < t.words.length; i++) {
    if (!root.next.has(t.words[i]!)) continue;
    const name = longestName(t.words, i);
    if (!name) continue;
    const words = t.words.slice(i, i + name.used);
    const meaningful = words.filter((w) => !FILLER.has(w));
    const versioned = meaningful.some((w) => /^\d/.test(w) || /^v\d/.test(w));
    if (!(meaningful.length >= 3 && versioned) && !UNVERSIONED_NAMES.has(meaningful.join(' '))) continue;
    const start = t.offsetOf(i);
    const end = t.offsetOf(i + name.used);
    const [first, last] = t.lineRange(start, end);
    hits.push({ kind: 'license-reference', license: name.id, first, last, matchedBy: 'reference:name', start, end, ...scoreOf(name) });
    i += name.used - 1;
  }
  return hits;
}

/** Names without a version that still name one license unambiguously. */
const UNVERSIONED_NAMES = new Set(['ruby license', 'microsoft public license', 'microsoft reciprocal license', 'postgresql license', 'university of illinois ncsa open source license', 'university of illinois open source license', 'do what f ck you want to public license', 'do what fuck you want to public license', 'mit license', 'isc license', 'zlib license', 'boost software license', 'unlicense', 'the unlicense', 'bsd 3 clause license', 'bsd 2 clause license', 'new bsd license', 'simplified bsd license', 'modified bsd license', 'wtfpl', 'expat license']);

function canonicalUrl(url: string): string {
  return url.toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/[/#?]+$/, '').replace(/\.(?:html?|php|txt)$/, '');
}

function catalogUrls(): Map<string, string> {
  if (urlMap) return urlMap;
  urlMap = new Map();
  for (const e of licenseCatalog()) {
    if (!e.url || e.deprecated) continue;
    for (const u of e.url.split(/\s+/)) if (u && !urlMap.has(canonicalUrl(u))) urlMap.set(canonicalUrl(u), e.id);
  }
  return urlMap;
}

const ID_BY_LOWER = new Map<string, string>();
function idFromLowercase(candidate: string): string | null {
  if (ID_BY_LOWER.size === 0) for (const e of licenseCatalog()) if (!e.deprecated) ID_BY_LOWER.set(e.id.toLowerCase(), e.id);
  return ID_BY_LOWER.get(candidate.toLowerCase()) ?? null;
}

/** License identified by a well-known license page URL. */
export function licenseFromUrl(raw: string): string | null {
  const url = canonicalUrl(raw);
  let m = /^apache\.org\/licenses\/license-(\d\.\d)$/.exec(url);
  if (m) return `Apache-${m[1]}`;
  m = /^(?:opensource\.org\/licenses?|spdx\.org\/licenses)\/([a-z0-9.+-]+?)(?:-license)?$/.exec(url);
  if (m) {
    const id = idFromLowercase(m[1]!) ?? { 'bsd': 'BSD-3-Clause', 'mit': 'MIT', 'apache2.0': 'Apache-2.0', 'apache': 'Apache-2.0', 'bsd-3': 'BSD-3-Clause', 'bsd-2': 'BSD-2-Clause' }[m[1]!];
    if (id) return id;
  }
  m = /^gnu\.org\/licenses\/(?:old-licenses\/)?(l?gpl|agpl|fdl)-(\d\.\d)(?:-standalone)?(?:\.[a-z]{2})?$/.exec(url);
  if (m) {
    const family = { gpl: 'GPL', lgpl: 'LGPL', agpl: 'AGPL', fdl: 'GFDL' }[m[1]!]!;
    return `${family}-${m[2]}-only`;
  }
  m = /^creativecommons\.org\/licenses\/(by(?:-nc)?(?:-sa|-nd)?)\/(\d\.\d)$/.exec(url);
  if (m) return idFromLowercase(`cc-${m[1]}-${m[2]}`);
  if (/^creativecommons\.org\/publicdomain\/zero\/1\.0(?:\/legalcode)?$/.test(url)) return 'CC0-1.0';
  m = /^mozilla\.org\/(?:en-us\/)?mpl\/(\d\.\d)$/.exec(url);
  if (m) return `MPL-${m[1]}`;
  m = /^(?:choosealicense\.com|tldrlegal\.com)\/licen[cs]es?\/([a-z0-9.+-]+)$/.exec(url);
  if (m) return idFromLowercase(m[1]!) ?? ({ mit: 'MIT', isc: 'ISC', unlicense: 'Unlicense', 'bsd-3-clause': 'BSD-3-Clause', 'bsd-2-clause': 'BSD-2-Clause', 'apache-2.0': 'Apache-2.0', 'mpl-2.0': 'MPL-2.0', 'gpl-3.0': 'GPL-3.0-only', 'gpl-2.0': 'GPL-2.0-only', 'lgpl-3.0': 'LGPL-3.0-only', 'agpl-3.0': 'AGPL-3.0-only' } as Record<string, string>)[m[1]!] ?? null;
  m = /^eclipse\.org\/(?:legal\/epl-v(\d)0|org\/documents\/epl-v(\d)0|legal\/epl-(\d)\.0)$/.exec(url);
  if (m) return `EPL-${m[1] ?? m[2] ?? m[3]}.0`;
  // Unversioned pages; "lesser" is the Lesser GPL's page, and "Lesser" names exist from 2.1 on.
  m = /^gnu\.org\/(?:licenses|copyleft)\/(l?gpl|agpl|lesser)$/.exec(url);
  if (m) return { gpl: 'GPL-1.0-or-later', lgpl: 'LGPL-2.0-or-later', agpl: 'AGPL-3.0-or-later', lesser: 'LGPL-2.1-or-later' }[m[1]!]!;
  return catalogUrls().get(url) ?? null;
}

/**
 * OSI's old "BSD license" page has shown the 3-clause text and later the 2-clause one: headers cite it for both
 * ("BSD 2-Clause License (http://www.opensource.org/licenses/bsd-license.php)"). Read as BSD-3-Clause by convention,
 * it yields to a BSD name or text beside it.
 */
const AMBIGUOUS_PAGES = /^opensource\.org\/licenses?\/bsd(?:-license)?$/;

function urlReferences(slices: TextSlice[], lines: LineIndex): NoticeHit[] {
  const hits: NoticeHit[] = [];
  const re = /(?:https?:\/\/)?(?:www\.)?(?:opensource\.org|apache\.org|gnu\.org|creativecommons\.org|mozilla\.org|spdx\.org|eclipse\.org|choosealicense\.com|tldrlegal\.com)\/[^\s"'<>)\]`,;]*|https?:\/\/[a-z0-9.-]+\/[a-z0-9./_-]*licen[sc]e[^\s"'<>)\]`,;]*/gi;
  scanSlices(slices, re, (m, at) => {
    const url = m[0].replace(/[.:]+$/, '');
    const id = licenseFromUrl(url);
    if (!id) return;
    const convention = AMBIGUOUS_PAGES.test(canonicalUrl(url));
    const line = lines.lineAt(at);
    // A gnu.org URL names a version at most: a GNU notice nearby says whether "or later" applies.
    const weak = /^(A|L)?GPL-/.test(id) ? (id.endsWith('-or-later') ? 'unversioned' : 'version-only') : undefined;
    hits.push({ kind: 'license-reference', license: id, first: line, last: line, matchedBy: 'reference:url', start: -1, end: -1, ...(weak ? { weak } as const : {}), ...(convention ? { score: CONVENTION_SCORE } : {}) });
  });
  return hits;
}

// Upper-case names alone ("see NOTICE"), or any case with a suffix: .NET's "See License.txt in the project root",
// Tcl's 'See the file "license.terms"', CPython's 'See the file "Misc/COPYRIGHT"'; or "see (the) Copyright file".
const SEE_FILE = /\b[Ss]ee\s+(?:the\s+)?(?:accompanying\s+|included\s+|enclosed\s+|bundled\s+|attached\s+)?(?:file\s+)?[`'"([]?(?:\.\/)?(?:[\w.-]+\/)*(?:(?:LICEN[CS]E|COPYING|NOTICE)(?:[-._][A-Za-z0-9.]+)?\b|(?:[Ll]icen[cs]e|[Cc]opying|[Cc]opyright|COPYRIGHT)[Ss]?(?:[-_][A-Za-z0-9]+)?\.(?:txt|md|rst|html?|adoc|terms)\b|COPYRIGHT\b)|\b[Ss]ee\s+(?:the\s+)?(?:accompanying\s+|included\s+|enclosed\s+|bundled\s+)?(?:licen[cs]e|[Cc]opyright|COPYING)\s+file\b/g;

/** "See LICENSE", "see the accompanying LICENSE file": the license is elsewhere; the finding points there. */
function seeFileReferences(slices: TextSlice[], lines: LineIndex): NoticeHit[] {
  const hits: NoticeHit[] = [];
  scanSlices(slices, SEE_FILE, (_m, at) => {
    const line = lines.lineAt(at);
    hits.push({ kind: 'license-reference', license: 'LicenseRef-clearance-see-license-file', first: line, last: line, matchedBy: 'reference:see-license', start: -1, end: -1 });
  });
  return hits;
}

/** Debian's copyright files point to /usr/share/common-licenses/<name>. */
const DEBIAN_COMMON: Record<string, string> = {
  'GPL': 'GPL-1.0-or-later', 'GPL-1': 'GPL-1.0-only', 'GPL-2': 'GPL-2.0-only', 'GPL-3': 'GPL-3.0-only',
  'LGPL': 'LGPL-2.0-or-later', 'LGPL-2': 'LGPL-2.0-only', 'LGPL-2.1': 'LGPL-2.1-only', 'LGPL-3': 'LGPL-3.0-only',
  'BSD': 'BSD-3-Clause', 'Apache-2.0': 'Apache-2.0', 'Artistic': 'Artistic-1.0-Perl', 'MPL-1.1': 'MPL-1.1', 'MPL-2.0': 'MPL-2.0',
  'GFDL': 'GFDL-1.3-only', 'GFDL-1.2': 'GFDL-1.2-only', 'GFDL-1.3': 'GFDL-1.3-only', 'CC0-1.0': 'CC0-1.0',
};

function debianCommonLicenses(slices: TextSlice[], lines: LineIndex): NoticeHit[] {
  const hits: NoticeHit[] = [];
  scanSlices(slices, /\/usr\/share\/common-licenses\/([A-Za-z0-9.+-]+?)['".,;)`]*(?=\s|$)/g, (m, at) => {
    const id = DEBIAN_COMMON[m[1]!];
    if (!id) return;
    const line = lines.lineAt(at);
    hits.push({ kind: 'license-reference', license: id, first: line, last: line, matchedBy: 'reference:debian-common-licenses', start: -1, end: -1, ...(/^(A|L)?GPL/.test(id) ? { weak: id.endsWith('-or-later') ? 'unversioned' : 'version-only' } as const : {}) });
  });
  return hits;
}

export function findReferences(t: WordText, slices: TextSlice[], lines: LineIndex): NoticeHit[] {
  return [...phraseReferences(t), ...fullNameReferences(t), ...licenseFieldReferences(slices, lines), ...urlReferences(slices, lines), ...seeFileReferences(slices, lines), ...debianCommonLicenses(slices, lines)];
}

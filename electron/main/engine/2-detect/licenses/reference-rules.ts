import { licenseCatalog } from './reference-texts.js';
import { normalizeWords } from './normalize.js';
import type { LineIndex } from '../text/lines.js';
import { scanSlices, type TextSlice } from './focus.js';
import type { WordText } from './word-text.js';
import type { NoticeHit } from './notice-rules.js';

/** Words that carry no meaning inside a license name ("Eclipse Public License v2.0" = "Eclipse Public License 2.0"). */
const FILLER = new Set(['version', 'v', 'ver', 'the']);

/** Short names in common use that the SPDX list does not spell out. */
const ALIASES: Record<string, string> = {
  'mit': 'MIT',
  'mit license': 'MIT',
  'expat': 'MIT',
  'expat license': 'MIT',
  'isc': 'ISC',
  'isc license': 'ISC',
  'new bsd': 'BSD-3-Clause',
  'new bsd license': 'BSD-3-Clause',
  'modified bsd license': 'BSD-3-Clause',
  'revised bsd license': 'BSD-3-Clause',
  'bsd 3 clause license': 'BSD-3-Clause',
  '3 clause bsd license': 'BSD-3-Clause',
  'simplified bsd': 'BSD-2-Clause',
  'simplified bsd license': 'BSD-2-Clause',
  'freebsd license': 'BSD-2-Clause',
  'bsd 2 clause license': 'BSD-2-Clause',
  '2 clause bsd license': 'BSD-2-Clause',
  'unlicense': 'Unlicense',
  'wtfpl': 'WTFPL',
  'zlib': 'Zlib',
  'zlib license': 'Zlib',
  'cc0': 'CC0-1.0',
  'creative commons zero': 'CC0-1.0',
  'boost software license': 'BSL-1.0',
  'artistic license 2 0': 'Artistic-2.0',
  'eclipse public license 1 0': 'EPL-1.0',
  'eclipse public license 2 0': 'EPL-2.0',
  'epl 1 0': 'EPL-1.0',
  'epl 2 0': 'EPL-2.0',
  'cddl 1 0': 'CDDL-1.0',
  'python software foundation license': 'PSF-2.0',
  'psf license': 'PSF-2.0',
  'blue oak model license 1 0 0': 'BlueOak-1.0.0',
};

interface TrieNode {
  id?: string;
  next: Map<string, TrieNode>;
}

let trie: TrieNode | null = null;
let urlMap: Map<string, string> | null = null;

function phraseWords(text: string): string[] {
  const out: string[] = [];
  for (const w of normalizeWords(text).words) {
    if (FILLER.has(w)) continue;
    const v = /^v(\d+)$/.exec(w);
    out.push(v ? v[1]! : w);
  }
  return out;
}

/** GNU licenses are left to the GNU notice rule, which reads the version and "or later" clause. */
const LEFT_TO_OTHER_RULES = /^(?:L?GPL|AGPL|GFDL|Apache|MPL)-/;

function phraseTrie(): TrieNode {
  if (trie) return trie;
  const root: TrieNode = { next: new Map() };
  const add = (phrase: string, id: string): void => {
    const words = phraseWords(phrase);
    if (words.length === 0) return;
    let node = root;
    for (const w of words) {
      let child = node.next.get(w);
      if (!child) {
        child = { next: new Map() };
        node.next.set(w, child);
      }
      node = child;
    }
    node.id ??= id;
  };
  for (const [phrase, id] of Object.entries(ALIASES)) add(phrase, id);
  for (const entry of licenseCatalog()) {
    if (entry.deprecated || LEFT_TO_OTHER_RULES.test(entry.id)) continue;
    add(entry.id, entry.id);
    add(entry.name, entry.id);
  }
  trie = root;
  return root;
}

/** Longest license name starting at word `at`; returns the id and how many words it used. */
function longestName(words: string[], at: number): { id: string; used: number } | null {
  let node: TrieNode | undefined = phraseTrie();
  let best: { id: string; used: number } | null = null;
  let i = at;
  while (node && i < words.length && i < at + 16) {
    let w = words[i]!;
    if (FILLER.has(w)) {
      i++;
      continue;
    }
    const v = /^v(\d+)$/.exec(w);
    if (v) w = v[1]!;
    node = node.next.get(w);
    i++;
    if (node?.id) {
      const following = words[i];
      // "Apache 2" must not stop before "0"; a name must end where the words do.
      if (!following || !/^\d+$/.test(following) || !node.next.has(following)) best = { id: node.id, used: i - at };
    }
  }
  return best;
}

const LEAD = /\b(?:licensed|licenced|released|distributed|available|published|provided|licensing|offered|covered|dual licensed|license|licenses) (?:[a-z0-9]+ ){0,4}?(?:under|as)(?: the)?(?: terms of)?(?: the)?(?: terms)?(?: of)?(?: either)?(?: the)? /g;

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
      hits.push({ kind: 'license-reference', license: name.id, first, last, matchedBy: 'reference:phrase', start: leadStart, end });
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
    for (let at = Math.max(0, end - 6); at < end; at++) {
      const name = longestName(t.words, at);
      if (!name || at + name.used > end) continue;
      const rest = t.words.slice(at + name.used, end);
      if (rest.some((w) => !JOINER.has(w) && !GNU_WORD.test(w) && !/^\d+$/.test(w))) continue;
      const [first, last] = t.lineRange(t.offsetOf(at), m.index + m[0].length);
      hits.push({ kind: 'license-reference', license: name.id, first, last, matchedBy: 'reference:phrase', start: t.offsetOf(at), end: m.index + m[0].length });
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
    hits.push({ kind: 'license-reference', license: name.id, first, last, matchedBy: 'reference:name', start, end });
    i += name.used - 1;
  }
  return hits;
}

/** Names without a version that still name one license unambiguously. */
const UNVERSIONED_NAMES = new Set(['mit license', 'isc license', 'zlib license', 'boost software license', 'unlicense', 'the unlicense', 'bsd 3 clause license', 'bsd 2 clause license', 'new bsd license', 'simplified bsd license', 'modified bsd license', 'wtfpl', 'expat license']);

/** "License: MIT" lines and the first line under a "## License" heading. */
function licenseFieldReferences(slices: TextSlice[], lines: LineIndex): NoticeHit[] {
  const hits: NoticeHit[] = [];
  const field = /^[ \t#*/;>-]{0,6}licen[sc]e[ \t]*[:=][ \t]*["']?([^\n"']{1,80})/gim;
  const heading = /^[ \t]{0,3}(?:#{1,6}[ \t]*licen[sc]e[ \t]*#*|licen[sc]e\r?\n[=-]{3,})[ \t]*\r?\n(?:[ \t]*\r?\n)*[ \t]*([^\n]{1,120})/gim;
  for (const re of [field, heading]) {
    scanSlices(slices, re, (m, at) => {
      const words = phraseWords(m[1]!);
      const name = longestName(words, 0);
      if (!name) return;
      const line = lines.lineAt(at + m[0].length - 1);
      hits.push({ kind: 'license-reference', license: name.id, first: line, last: line, matchedBy: re === field ? 'reference:license-field' : 'reference:license-heading', start: -1, end: -1 });
    });
  }
  return hits;
}

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
  m = /^gnu\.org\/(?:licenses|copyleft)\/(l?gpl|agpl)$/.exec(url);
  if (m) return { gpl: 'GPL-1.0-or-later', lgpl: 'LGPL-2.0-or-later', agpl: 'AGPL-3.0-or-later' }[m[1]!]!;
  return catalogUrls().get(url) ?? null;
}

function urlReferences(slices: TextSlice[], lines: LineIndex): NoticeHit[] {
  const hits: NoticeHit[] = [];
  const re = /(?:https?:\/\/)?(?:www\.)?(?:opensource\.org|apache\.org|gnu\.org|creativecommons\.org|mozilla\.org|spdx\.org|eclipse\.org|choosealicense\.com|tldrlegal\.com)\/[^\s"'<>)\]`,;]*|https?:\/\/[a-z0-9.-]+\/[a-z0-9./_-]*licen[sc]e[^\s"'<>)\]`,;]*/gi;
  scanSlices(slices, re, (m, at) => {
    const id = licenseFromUrl(m[0].replace(/[.:]+$/, ''));
    if (!id) return;
    const line = lines.lineAt(at);
    // A gnu.org URL names a version at most: a GNU notice nearby says whether "or later" applies.
    const weak = /^(A|L)?GPL-/.test(id) ? (id.endsWith('-or-later') ? 'unversioned' : 'version-only') : undefined;
    hits.push({ kind: 'license-reference', license: id, first: line, last: line, matchedBy: 'reference:url', start: -1, end: -1, ...(weak ? { weak } as const : {}) });
  });
  return hits;
}

const SEE_FILE = /\b[Ss]ee\s+(?:the\s+)?(?:accompanying\s+|included\s+|enclosed\s+|bundled\s+|attached\s+)?(?:file\s+)?[`'"([]?(?:\.\/)?(?:LICEN[CS]E|COPYING|NOTICE)(?:[-._][A-Za-z0-9.]+)?\b|\b[Ss]ee\s+(?:the\s+)?(?:accompanying\s+|included\s+|enclosed\s+|bundled\s+)?licen[cs]e\s+file\b/g;

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

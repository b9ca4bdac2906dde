import type { NoticeHit } from './notice-hit.js';
import type { WordText } from './word-text.js';

/** Words before a GNU name that make it a licensing statement ("under the GNU GPL", "governed by the GPL"). */
const LICENSING_CONTEXT = /\b(?:under|licensed|released|distributed|terms|covered|subject|available|license|licensing|redistribute|modify|governed|governs|comply|compliance|conditions)\b/;
/** How far before the name that context may be, in characters of normalised words. */
const CONTEXT_REACH = 90;
// "version 3 of the GNU LGPL as published by the Free Software Foundation, or (at your option) any later version".
const LATER = /^(?: as published by the free software foundation)?(?: [a-z0-9]+){0,6}? (?:or (?:at your (?:option|choice|discretion|opinion) )?(?:any )?later|or newer|and later|and any later|plus|or any later|or higher|or greater|or above)\b/;
/** "under the terms of version 2 of the GNU General Public License": the version before the name. */
const VERSION_BEFORE = /\b(?:version|v) (\d)(?: (\d))?(?: 0)? of (?:the )?$/;
/**
 * "either version 2.1 of the License, or (at your option) version 3": a choice of two versions (KDE's LGPL headers
 * go on "or any later version accepted by the membership of KDE e.V.", which is not any later version).
 */
const SECOND_VERSION = /^(?: of the license)? or (?:at your option )?version (\d)(?: (\d))?(?: 0)?\b/;
const SECOND_LATER = /^(?: of the license)? or (?:at your option )?(?:any )?later version\b(?! accepted)/;
const ONLY = /^(?: of the license)? only\b|^ and only (?:version )?\d/;
/** Phrases of the GNU notice itself (the program statement, warranty paragraph and "received a copy" sentence). */
const NOTICE_WORDS = /(?:is|are) free software|you (?:can|may) redistribute (?:it|them)|redistribute (?:it|them) and or modify|distributed in the hope that (?:it|they) will be useful|you should have received a copy of the/;
/** Linux kernel headers point to the kernel's COPYING, which is GPL version 2 only. */
const LINUX_COPYING = /^(?: [a-z]+){0,12}? see the file copying in the main directory of the linux (?:distribution|kernel source)\b/;

function gnuId(family: 'gpl' | 'lgpl' | 'agpl', variant: string | undefined, major: string | undefined, minor: string | undefined): string | null {
  if (family === 'gpl') {
    if (!major) return 'GPL-1.0';
    // There is no GPL 2.1: "the GNU General Public License … version 2.1" is a mistitled Lesser GPL header.
    if (major === '2' && minor === '1') return 'LGPL-2.1';
    return ['1', '2', '3'].includes(major) ? `GPL-${major}.0` : null;
  }
  if (family === 'agpl') {
    if (!major) return 'AGPL-3.0';
    return major === '1' || major === '3' ? `AGPL-${major}.0` : null;
  }
  // "Lesser" names exist from 2.1 on: an unversioned Lesser GPL is 2.1 or later; a stated version decides otherwise.
  if (!major) return variant === 'lesser' ? 'LGPL-2.1' : 'LGPL-2.0';
  if (major === '2') return minor === '1' ? 'LGPL-2.1' : 'LGPL-2.0';
  return major === '3' ? 'LGPL-3.0' : null;
}

interface Version {
  major: string | undefined;
  minor: string | undefined;
  /** Characters of the tail the version took. */
  length: number;
}

/** The version after a GNU name: "version 2", "v2.1", "2.0", "either version 3 of the License". */
function versionAfter(t: WordText, tail: string, tailStart: number, nameLine: number, digitInName: string | undefined): Version {
  if (digitInName) {
    const v = /^ (\d)(?: 0)?(?![0-9])/.exec(tail);
    return { major: digitInName, minor: v?.[1], length: v ? v[0].length : 0 };
  }
  const v = /^(?: (?!gnu\b|general\b)[a-z]+){0,12}? (?:(?:version|v|ver) |v)(\d)(?: (\d)(?: 0)?)?(?![0-9])/.exec(tail) ?? /^ (\d)(?: (\d)(?: 0)?)?(?![0-9])/.exec(tail);
  if (!v) return { major: undefined, minor: undefined, length: 0 };
  // "License: GPL" then a "Version: 1.0" field of package metadata: that version is the package's.
  const versionLine = t.lines[t.wordAt(tailStart + v[0].length - 1)] ?? nameLine;
  if (versionLine !== nameLine && t.rawLine && /^\W*(?:version|release)\s*[:=]/i.test(t.rawLine(versionLine))) return { major: undefined, minor: undefined, length: 0 };
  return { major: v[1], minor: v[2], length: v[0].length };
}

/** Characters of a code line (a string, an assignment, a list item): a bare name there is no statement. */
const CODE_LINE = /["'`=[\]{}]|,\s*$/;

/**
 * A GNU short name that is all the words of its line ("LGPL", "GPLv2+", or "GPLv2." after a copyright statement,
 * whose words are dropped): a license label by itself.
 */
function aloneOnLine(t: WordText, start: number, end: number): boolean {
  const first = t.wordAt(start);
  const last = t.wordAt(Math.max(start, end - 1));
  const line = t.lines[first];
  if (line === undefined || t.lines[last] !== line) return false;
  if (first > 0 && t.lines[first - 1] === line) return false;
  if (last + 1 < t.words.length && t.lines[last + 1] === line) return false;
  return t.rawLine !== undefined && !CODE_LINE.test(t.rawLine(line));
}

/** GNU GPL / LGPL / AGPL notices and mentions: the version and "or (at your option) any later version" decide the id. */
export function gnuNotices(t: WordText): NoticeHit[] {
  const hits: NoticeHit[] = [];
  const re = /\b(?:gnu )?(?:(lesser|library|affero) )?(?:general public license|(l|a)?gpl(?:v?(\d))?|(?<=gnu )public license)\b/g;
  for (let m = re.exec(t.joined); m; m = re.exec(t.joined)) {
    const variant = m[1];
    const letter = m[2];
    const family = variant === 'affero' || letter === 'a' ? 'agpl' : variant || letter === 'l' ? 'lgpl' : 'gpl';
    const before = t.joined.slice(Math.max(0, m.index - CONTEXT_REACH), m.index);
    const nameEnd = m.index + m[0].length;
    const tail = t.joined.slice(nameEnd, nameEnd + 400);
    const nameLine = t.lines[t.wordAt(m.index)] ?? 0;
    const after = versionAfter(t, tail, nameEnd, nameLine, m[3]);
    const { length: versionEnd } = after;
    const prior = after.major ? null : VERSION_BEFORE.exec(before);
    const major = after.major ?? prior?.[1];
    const minor = after.major ? after.minor : prior?.[2];
    const afterVersion = tail.slice(versionEnd);
    // An exception *to* the GPL ("gcc's library exception to the GPL v3") names the license it amends, not this file's.
    if (/\bexceptions? to (?:the )?$/.test(before)) continue;
    // "CDDL+GPL_1_1.html" in a GlassFish header's URL is the header's version, not a GPL version.
    if (/\bcddl (?:plus )?$/.test(before)) continue;
    const published = /^ as published by the free software foundation/.test(tail);
    const titled = m[0].startsWith('gnu ');
    const copula = /\b(?:is|are) (?:the )?$/.test(before) && Boolean(major);
    const noticeSentence = /(?:see the|received a copy of the) $/.test(before) || /^ for more details/.test(tail);
    const contextual = LICENSING_CONTEXT.test(before) || published || titled || copula || noticeSentence;
    const linux = !major && family === 'gpl' ? LINUX_COPYING.exec(tail) : null;
    const base = linux ? 'GPL-2.0' : gnuId(family, variant, major, minor);
    if (!base) continue;
    const later = linux ? null : LATER.exec(afterVersion);
    const only = linux !== null || ONLY.test(afterVersion);
    const orLater = (!major && !linux) || (later !== null && !only);
    const second = major && !later && !only ? SECOND_VERSION.exec(afterVersion) : null;
    const secondBase = second ? gnuId(family, variant, second[1], second[2]) : null;
    const secondLater = second ? SECOND_LATER.exec(afterVersion.slice(second[0].length)) : null;
    const end = linux ? nameEnd + linux[0].length : nameEnd + versionEnd + (later ? later[0].length : 0) + (secondBase ? second![0].length + (secondLater?.[0].length ?? 0) : 0);
    if (!contextual && !(major && /^ (?:or later|plus|only|licensed|license)\b/.test(afterVersion)) && !aloneOnLine(t, m.index, end)) continue;
    const [first, last] = t.lineRange(m.index, end);
    const around = t.joined.slice(Math.max(0, m.index - 200), end + 200);
    const notice = NOTICE_WORDS.test(around) || noticeSentence || linux !== null;
    hits.push({
      kind: notice ? 'license-notice' : 'license-reference',
      license: secondBase && secondBase !== base ? `${base}-only OR ${secondBase}-${secondLater ? 'or-later' : 'only'}` : `${base}-${orLater ? 'or-later' : 'only'}`,
      first,
      last,
      matchedBy: linux ? 'notice:gpl-linux-copying' : `notice:${family}${major ? '' : '-unversioned'}`,
      start: m.index,
      end,
      weak: linux || secondBase ? undefined : !major ? 'unversioned' : !later && !only ? 'version-only' : undefined,
    });
  }
  return mergeGnuMentions(hits);
}

/** One GNU notice mentions the license several times: keep its versioned statement, drop the bare mentions. */
function mergeGnuMentions(hits: NoticeHit[]): NoticeHit[] {
  const out: NoticeHit[] = [];
  // Hits come in text order and a merge keeps the earlier start, so `out` is ordered by first line: only its tail
  // within reach needs looking at (a file of 50,000 mentions made this quadratic).
  let from = 0;
  for (const h of hits) {
    while (from < out.length && h.first - out[from]!.first > 8) from++;
    const near = out.slice(from).find((o) => Math.abs(o.first - h.first) <= 8 && o.license.split('-')[0] === h.license.split('-')[0]);
    if (!near) {
      out.push(h);
      continue;
    }
    const hVersioned = !h.matchedBy.endsWith('-unversioned');
    const nVersioned = !near.matchedBy.endsWith('-unversioned');
    if (hVersioned && !nVersioned) Object.assign(near, { license: h.license, matchedBy: h.matchedBy, weak: h.weak });
    else if (hVersioned && nVersioned && near.license !== h.license) {
      if (near.license.replace(/-(only|or-later)$/, '') === h.license.replace(/-(only|or-later)$/, '')) {
        if (h.license.endsWith('-or-later') && !near.matchedBy.endsWith('linux-copying')) near.license = h.license;
      } else {
        out.push(h);
        continue;
      }
    }
    near.first = Math.min(near.first, h.first);
    near.last = Math.max(near.last, h.last);
    near.end = Math.max(near.end, h.end);
    if (h.kind === 'license-notice') near.kind = 'license-notice';
  }
  return out;
}

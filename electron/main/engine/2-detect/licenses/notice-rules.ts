import { bsdClauseNotices } from './bsd-clauses.js';
import { gnuNotices } from './gnu-notices.js';
import { CONVENTION_SCORE, familyNotices } from './notice-families.js';
import type { NoticeHit } from './notice-hit.js';
import type { WordText } from './word-text.js';

export type { NoticeHit } from './notice-hit.js';

function apacheNotices(t: WordText): NoticeHit[] {
  const hits: NoticeHit[] = [];
  const re = /\bapache(?: software)?(?: license)?(?: version| v)? v?(\d)(?: (\d))?(?: license)?\b|\b(?:asl|apl|alv) ?v?(\d) (\d)\b/g;
  for (let m = re.exec(t.joined); m; m = re.exec(t.joined)) {
    const major = m[1] ?? m[3];
    const minor = m[2] ?? m[4] ?? '0';
    const id = major === '2' && minor === '0' ? 'Apache-2.0' : major === '1' && minor === '1' ? 'Apache-1.1' : major === '1' && minor === '0' ? 'Apache-1.0' : null;
    if (!id) continue;
    if (!/license|licensed|\basl\b|\bapl\b/.test(m[0] + t.joined.slice(Math.max(0, m.index - 60), m.index))) continue;
    const end = m.index + m[0].length;
    const [first, last] = t.lineRange(m.index, end);
    const notice = /you may not use this file except in compliance with the license/.test(t.joined.slice(m.index, end + 300));
    hits.push({ kind: notice ? 'license-notice' : 'license-reference', license: id, first, last, matchedBy: notice ? 'notice:apache-header' : 'reference:apache', start: m.index, end });
  }
  return hits;
}

/** "Licensed under the Apache License." with no version: today's Apache license, by convention. */
function unversionedApache(t: WordText): NoticeHit[] {
  const hits: NoticeHit[] = [];
  const re = /\b(?:licensed|released|distributed|available) under the (?:terms of the )?apache license\b(?! (?:version |v )?v?\d)/g;
  for (let m = re.exec(t.joined); m; m = re.exec(t.joined)) {
    const end = m.index + m[0].length;
    const [first, last] = t.lineRange(m.index, end);
    hits.push({ kind: 'license-reference', license: 'Apache-2.0', first, last, matchedBy: 'reference:apache-unversioned', start: m.index, end, score: CONVENTION_SCORE });
  }
  return hits;
}

/** Linux kernel modules: MODULE_LICENSE("GPL") means GPL v2 or later, "GPL v2" v2 only (kernel docs). */
const KERNEL_MODULE_LICENSES: Record<string, string> = {
  'GPL': 'GPL-2.0-or-later',
  'GPL v2': 'GPL-2.0-only',
  'GPL and additional rights': 'GPL-2.0-or-later',
  'Dual BSD/GPL': 'BSD-3-Clause OR GPL-2.0-only',
  'Dual MIT/GPL': 'MIT OR GPL-2.0-only',
  'Dual MPL/GPL': 'MPL-1.1 OR GPL-2.0-only',
};

export function kernelModuleLicenses(text: string, lineAt: (offset: number) => number): NoticeHit[] {
  const hits: NoticeHit[] = [];
  if (!text.includes('MODULE_LICENSE')) return hits;
  const re = /MODULE_LICENSE\(\s*"([^"]{1,40})"\s*\)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const id = KERNEL_MODULE_LICENSES[m[1]!];
    if (!id) continue;
    const line = lineAt(m.index);
    hits.push({ kind: 'license-reference', license: id, first: line, last: line, matchedBy: 'reference:kernel-module-license', start: -1, end: -1 });
  }
  return hits;
}

interface KnownPointer {
  re: RegExp;
  license: string;
  matchedBy: string;
  kind?: NoticeHit['kind'];
  score?: number;
}

/**
 * Headers that point to the file holding their license: zlib's to the notice in zlib.h, libjpeg's to README.ijg,
 * bzip2's to the LICENSE of bzip2/libbzip2 (the SPDX bzip2 license: by convention, as the words do not name it; its
 * --version text is a notice with a GPL-style warranty paragraph).
 */
const KNOWN_POINTERS: KnownPointer[] = [
  { re: /\bfor conditions of distribution and use see copyright notice in zlib h\b/g, license: 'Zlib', matchedBy: 'reference:zlib-header' },
  { re: /\bfor conditions of distribution and use see the accompanying readme ijg\b/g, license: 'IJG', matchedBy: 'reference:ijg-readme' },
  {
    re: /\bthis file is part of bzip2 libbzip2\b(?: [a-z0-9]+){0,60}? released under the terms of the license contained in the file license\b/g,
    license: 'bzip2-1.0.6',
    matchedBy: 'reference:bzip2-header',
    score: CONVENTION_SCORE,
  },
  {
    re: /\bunder the terms set out in the license file which is included in the bzip2(?: [0-9]+){0,3} source distribution\b/g,
    license: 'bzip2-1.0.6',
    matchedBy: 'notice:bzip2-version',
    kind: 'license-notice',
    score: CONVENTION_SCORE,
  },
];

function knownPointers(t: WordText): NoticeHit[] {
  const hits: NoticeHit[] = [];
  for (const { re, license, matchedBy, kind, score } of KNOWN_POINTERS) {
    re.lastIndex = 0;
    for (let m = re.exec(t.joined); m; m = re.exec(t.joined)) {
      const [first, last] = t.lineRange(m.index, m.index + m[0].length);
      hits.push({ kind: kind ?? 'license-reference', license, first, last, matchedBy, start: m.index, end: m.index + m[0].length, ...(score !== undefined ? { score } : {}) });
    }
  }
  return hits;
}

/** The attribution that Apache-2.0 section 4(d) puts in NOTICE files. */
function apacheNoticeFile(t: WordText): NoticeHit[] {
  const hits: NoticeHit[] = [];
  const re = /\bthis product includes software developed (?:by|at) (?:the )?apache software foundation\b/g;
  for (let m = re.exec(t.joined); m; m = re.exec(t.joined)) {
    const [first, last] = t.lineRange(m.index, m.index + m[0].length);
    hits.push({ kind: 'license-reference', license: 'Apache-2.0', first, last, matchedBy: 'reference:apache-notice-file', start: m.index, end: m.index + m[0].length });
  }
  return hits;
}

function mozillaNotices(t: WordText): NoticeHit[] {
  const hits: NoticeHit[] = [];
  const re = /\b(?:mozilla public license|mpl)(?: version| v)? v?(\d) (\d)\b/g;
  for (let m = re.exec(t.joined); m; m = re.exec(t.joined)) {
    const version = `${m[1]}.${m[2]}`;
    if (!['1.0', '1.1', '2.0'].includes(version)) continue;
    const after = t.joined.slice(m.index, m.index + 700);
    const noCopyleft = version === '2.0' && /this source code form is incompatible with secondary licenses/.test(after);
    const end = m.index + m[0].length;
    const [first, last] = t.lineRange(m.index, end);
    const notice = /this source code form is subject to the terms of the mozilla public license|the contents of this file are subject to the mozilla public license/.test(t.joined.slice(Math.max(0, m.index - 120), end));
    hits.push({
      kind: notice ? 'license-notice' : 'license-reference',
      license: noCopyleft ? 'MPL-2.0-no-copyleft-exception' : `MPL-${version}`,
      first,
      last,
      matchedBy: noCopyleft ? 'notice:mpl-exhibit-b' : notice ? 'notice:mpl' : 'reference:mpl',
      start: m.index,
      end,
    });
  }
  return hits;
}

/** Exceptions named in notices; combined with the license they follow into a WITH expression. */
const EXCEPTION_PHRASES: Array<[RegExp, string]> = [
  [/\b(?:subject to the|with the|with) classpath exception\b|\bclasspath exception\b/g, 'Classpath-exception-2.0'],
  [/\bwith llvm exceptions?\b|\bllvm exceptions? to the apache 2 0 license\b/g, 'LLVM-exception'],
  [/\bgcc runtime library exception\b/g, 'GCC-exception-3.1'],
  [/\bas a special exception to the gnu general public license if you distribute this file as part of a program that contains a configuration script generated by autoconf\b(?! (?:[a-z0-9]+ ){0,40}?this exception is an additional permission under section 7)/g, 'Autoconf-exception-generic'],
  [/\bas a special exception to the gnu general public license if you distribute this file as part of a program that contains a configuration script generated by autoconf (?:[a-z0-9]+ ){0,40}?this exception is an additional permission under section 7\b/g, 'Autoconf-exception-generic-3.0'],
  [/\bas a special exception when this file is copied by bison into a bison output file you may use that output file without restriction\b/g, 'Bison-exception-1.24'],
  [/\bas a special exception if other files instantiate templates or use macros or inline functions from this file or you compile this file and link it with other works to produce a work based on this file\b/g, 'eCos-exception-2.0'],
  [/\bas a special exception to the gnu general public license if you distribute this file as part of a program or library that is built using gnu libtool\b/g, 'Libtool-exception'],
  [/\bas a special exception you may create a larger work that contains part or all of the bison parser skeleton\b/g, 'Bison-exception-2.2'],
  [/\bopenjdk assembly exception\b/g, 'OpenJDK-assembly-exception-1.0'],
];

function exceptionNotices(t: WordText): NoticeHit[] {
  const hits: NoticeHit[] = [];
  if (!/exception/.test(t.joined)) return hits;
  for (const [re, id] of EXCEPTION_PHRASES) {
    re.lastIndex = 0;
    for (let m = re.exec(t.joined); m; m = re.exec(t.joined)) {
      const [first, last] = t.lineRange(m.index, m.index + m[0].length);
      hits.push({ kind: 'license-notice', license: id, first, last, matchedBy: `exception-notice:${id}`, exception: true, start: m.index, end: m.index + m[0].length });
    }
  }
  return hits;
}

export function findNotices(t: WordText): NoticeHit[] {
  return [...gnuNotices(t), ...familyNotices(t), ...apacheNotices(t), ...unversionedApache(t), ...apacheNoticeFile(t), ...knownPointers(t), ...mozillaNotices(t), ...exceptionNotices(t), ...bsdClauseNotices(t)];
}

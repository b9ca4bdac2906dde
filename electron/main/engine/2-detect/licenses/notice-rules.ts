import type { WordText } from './word-text.js';

/** A notice or reference found in the normalised words; lines are 0-based. */
export interface NoticeHit {
  kind: 'license-notice' | 'license-reference';
  license: string;
  first: number;
  last: number;
  matchedBy: string;
  /** The license is an exception id, to be combined with the license it follows. */
  exception?: boolean;
  /**
   * A GNU mention without a version ('unversioned': any versioned mention nearby outranks it) or with a version but
   * neither "only" nor "or later" ('version-only': an explicit notice nearby outranks it).
   */
  weak?: 'unversioned' | 'version-only';
  /** Character range in the joined words, for rules that look around a hit. */
  start: number;
  end: number;
}

const LICENSING_CONTEXT = /\b(?:under|licensed|released|distributed|terms|covered|subject|available|license|licensing|redistribute|modify)\b/;
const LATER = /^(?: [a-z0-9]+){0,6}? (?:or (?:at your option )?(?:any )?later|or newer|and later|and any later|plus|or any later|or higher)\b/;
const ONLY = /^(?: of the license)? only\b/;

function gnuId(family: 'gpl' | 'lgpl' | 'agpl', variant: string | undefined, major: string | undefined, minor: string | undefined): string | null {
  if (family === 'gpl') {
    if (!major) return 'GPL-1.0';
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

/** GNU GPL / LGPL / AGPL notices and mentions: the version and "or (at your option) any later version" decide the id. */
function gnuNotices(t: WordText): NoticeHit[] {
  const hits: NoticeHit[] = [];
  const re = /\b(?:gnu )?(?:(lesser|library|affero) )?(?:general public license|(l|a)?gpl(?:v?(\d))?|(?<=gnu )public license)\b/g;
  for (let m = re.exec(t.joined); m; m = re.exec(t.joined)) {
    const variant = m[1];
    const letter = m[2];
    const family = variant === 'affero' || letter === 'a' ? 'agpl' : variant || letter === 'l' ? 'lgpl' : 'gpl';
    const before = t.joined.slice(Math.max(0, m.index - 120), m.index);
    const tail = t.joined.slice(m.index + m[0].length, m.index + m[0].length + 400);
    let major = m[3];
    let minor: string | undefined;
    let versionEnd = 0;
    if (!major) {
      const v = /^(?: (?!gnu\b|general\b)[a-z]+){0,12}? (?:(?:version|v|ver) |v)(\d)(?: (\d)(?: 0)?)?(?![0-9])/.exec(tail) ?? /^ (\d)(?: (\d)(?: 0)?)?(?![0-9])/.exec(tail);
      if (v) {
        major = v[1];
        minor = v[2];
        versionEnd = v[0].length;
      }
    } else {
      const v = /^ (\d)(?: 0)?(?![0-9])/.exec(tail);
      if (v) {
        minor = v[1];
        versionEnd = v[0].length;
      }
    }
    const published = /^ as published by the free software foundation/.test(tail);
    const titled = Boolean(major && m[0].startsWith('gnu '));
    if (!LICENSING_CONTEXT.test(before) && !published && !titled && !(major && /^ (?:or later|plus|only|licensed|license)\b/.test(tail.slice(versionEnd)))) continue;
    const base = gnuId(family, variant, major, minor);
    if (!base) continue;
    const afterVersion = tail.slice(versionEnd);
    const later = LATER.exec(afterVersion);
    const only = ONLY.test(afterVersion);
    const orLater = !major || (later !== null && !only);
    const end = m.index + m[0].length + versionEnd + (later ? later[0].length : 0);
    const [first, last] = t.lineRange(m.index, end);
    const notice = /(?:is free software|you can redistribute it|redistribute it and or modify it)/.test(t.joined.slice(Math.max(0, m.index - 200), end + 200));
    hits.push({
      kind: notice ? 'license-notice' : 'license-reference',
      license: `${base}-${orLater ? 'or-later' : 'only'}`,
      first,
      last,
      matchedBy: `notice:${family}${major ? '' : '-unversioned'}`,
      start: m.index,
      end,
      weak: !major ? 'unversioned' : !later && !only ? 'version-only' : undefined,
    });
  }
  return mergeGnuMentions(hits);
}

/** One GNU notice mentions the license several times: keep its versioned statement, drop the bare mentions. */
function mergeGnuMentions(hits: NoticeHit[]): NoticeHit[] {
  const out: NoticeHit[] = [];
  for (const h of hits) {
    const near = out.find((o) => Math.abs(o.first - h.first) <= 8 && o.license.split('-')[0] === h.license.split('-')[0]);
    if (!near) {
      out.push(h);
      continue;
    }
    const hVersioned = !h.matchedBy.endsWith('-unversioned');
    const nVersioned = !near.matchedBy.endsWith('-unversioned');
    if (hVersioned && !nVersioned) Object.assign(near, { license: h.license, matchedBy: h.matchedBy });
    else if (hVersioned && nVersioned && near.license !== h.license) {
      if (near.license.replace(/-(only|or-later)$/, '') === h.license.replace(/-(only|or-later)$/, '')) {
        if (h.license.endsWith('-or-later')) near.license = h.license;
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

/** zlib's own short header, pointing to the notice in zlib.h. */
function zlibPointer(t: WordText): NoticeHit[] {
  const hits: NoticeHit[] = [];
  const re = /\bfor conditions of distribution and use see copyright notice in zlib h\b/g;
  for (let m = re.exec(t.joined); m; m = re.exec(t.joined)) {
    const [first, last] = t.lineRange(m.index, m.index + m[0].length);
    hits.push({ kind: 'license-reference', license: 'Zlib', first, last, matchedBy: 'reference:zlib-header', start: m.index, end: m.index + m[0].length });
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
  [/\bas a special exception to the gnu general public license if you distribute this file as part of a program that contains a configuration script generated by autoconf\b/g, 'Autoconf-exception-generic'],
  [/\bas a special exception to the gnu general public license if you distribute this file as part of a program or library that is built using gnu libtool\b/g, 'Libtool-exception'],
  [/\bas a special exception you may create a larger work that contains part or all of the bison parser skeleton\b/g, 'Bison-exception-2.2'],
  [/\bopenjdk assembly exception\b/g, 'OpenJDK-assembly-exception-1.0'],
];

function exceptionNotices(t: WordText): NoticeHit[] {
  const hits: NoticeHit[] = [];
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
  return [...gnuNotices(t), ...apacheNotices(t), ...apacheNoticeFile(t), ...zlibPointer(t), ...mozillaNotices(t), ...exceptionNotices(t)];
}

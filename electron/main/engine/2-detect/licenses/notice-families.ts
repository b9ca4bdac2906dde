import type { NoticeHit } from './notice-hit.js';
import type { WordText } from './word-text.js';

/** Score of a reading that rests on a convention rather than on the words ("BSD-style" read as BSD-3-Clause). */
export const CONVENTION_SCORE = 0.8;

interface PhraseRule {
  /** Words every match contains: the rule's regular expression runs only on texts that have them. */
  needle: string;
  /** Over the normalised words; global. */
  re: RegExp;
  kind: NoticeHit['kind'];
  matchedBy: string;
  /** The id (or SPDX expression) for a match; null to skip it. */
  license: (m: RegExpExecArray, t: WordText) => string | null;
  score?: number;
}

/** CDDL without a version is 1.0 (the first); the header's license URL ("CDDLv1.0", "CDDL+GPL_1_1") may say. */
function cddlVersion(t: WordText, at: number): string {
  const near = t.joined.slice(at, at + 700);
  const v = /\b(?:common development and distribution license|cddl)(?: plus)?(?: gpl)?(?: version| v)? v?1 ([01])\b|\bcddlv1 ([01])\b/.exec(near);
  return v?.[1] === '1' || v?.[2] === '1' ? 'CDDL-1.1' : 'CDDL-1.0';
}

const RULES: PhraseRule[] = [
  // Sun/Oracle CDDL header, alone or in the GlassFish "GPL Version 2 only or CDDL" dual header.
  {
    needle: 'development and distribution',
    re: /\bthe contents of this file are subject to the terms of (?:either )?(the gnu general public license version 2 only gpl or )?the common development and distribution license\b/g,
    kind: 'license-notice',
    matchedBy: 'notice:cddl-header',
    license: (m, t) => (m[1] ? `${cddlVersion(t, m.index)} OR GPL-2.0-only` : cddlVersion(t, m.index)),
  },
  // Eclipse's header: "This program and the accompanying materials are made available under the terms of the Eclipse Public License v1.0".
  {
    needle: 'eclipse public',
    re: /\b(?:this program and the accompanying materials|the accompanying materials) (?:is|are) made available under the terms of the eclipse public license(?: version| v)? v?([12]) 0\b/g,
    kind: 'license-notice',
    matchedBy: 'notice:eclipse-header',
    license: (m) => `EPL-${m[1]}.0`,
  },
  // The Eclipse Distribution License 1.0 is the BSD-3-Clause text (SPDX lists no separate id).
  {
    needle: 'eclipse distribution',
    re: /\beclipse distribution license(?: version| v)? v?1 0\b/g,
    kind: 'license-reference',
    matchedBy: 'reference:eclipse-distribution-license',
    license: () => 'BSD-3-Clause',
  },
  // Boost's header: "Distributed under the Boost Software License, Version 1.0. (See accompanying file LICENSE_1_0.txt …)".
  {
    needle: 'boost software',
    re: /\bdistributed under the boost software license(?: version| v)? v?1 0\b/g,
    kind: 'license-notice',
    matchedBy: 'notice:boost-header',
    license: () => 'BSL-1.0',
  },
  // The Mozilla tri-license block opens with "Version: MPL 1.1/GPL 2.0/LGPL 2.1" (its GPL and LGPL are "or later").
  {
    needle: 'mpl 1 1 gpl',
    re: /\bversion mpl 1 1 gpl 2 0 lgpl 2 1\b/g,
    kind: 'license-notice',
    matchedBy: 'notice:mozilla-tri-license',
    license: () => 'MPL-1.1 OR GPL-2.0-or-later OR LGPL-2.1-or-later',
  },
  // Perl modules: "… under the same terms as Perl itself", and Software::License's "… under the same terms as the
  // Perl 5 programming language system itself" that every Dist::Zilla release carries.
  {
    needle: 'same ',
    re: /\bunder the same (?:terms|licen[cs]e) as (?:the )?perl(?: 5)?(?: programming language)?(?: system)?(?: itself)?\b/g,
    kind: 'license-notice',
    matchedBy: 'notice:perl',
    license: () => 'Artistic-1.0-Perl OR GPL-1.0-or-later',
  },
  // Vim runtime files: "You may redistribute this under the same terms as Vim itself", "Vim is Charityware", "The
  // VIM LICENSE (see |copyright|) applies to the files in this package".
  {
    needle: 'vim',
    re: /\bunder the same terms as vim(?: itself)?\b|\bvim is charityware\b|\bthe vim licen[cs]e(?: see copyright)? applies\b/g,
    kind: 'license-notice',
    matchedBy: 'notice:vim',
    license: () => 'Vim',
  },
  // Ruby libraries: "you can redistribute it and/or modify it under the same terms as Ruby (itself)".
  {
    needle: 'same terms as ruby',
    re: /\bunder the same terms as ruby\b/g,
    kind: 'license-notice',
    matchedBy: 'notice:ruby',
    license: () => 'Ruby',
  },
  // CPython's headers: "Licensed to PSF under a Contributor Agreement": the PSF distributes them under its license.
  {
    needle: 'contributor agreement',
    re: /\blicensed to (?:the )?(?:psf|python software foundation) under a contributor agreement\b/g,
    kind: 'license-reference',
    matchedBy: 'reference:psf-contributor-agreement',
    license: () => 'PSF-2.0',
    score: CONVENTION_SCORE,
  },
  // The CC0 deed's statement, as in CC0 file headers.
  {
    needle: 'possible under law',
    re: /\bto the extent possible under law (?:[a-z0-9]+ ){1,12}?(?:has|have) (?:waived|dedicated) all copyright and related (?:and|or) neighboring rights\b/g,
    kind: 'license-notice',
    matchedBy: 'notice:cc0',
    license: () => 'CC0-1.0',
  },
  // The Unlicense's first sentence, used alone as a header.
  {
    needle: 'unencumbered',
    re: /\bthis is free and unencumbered software released into the public domain\b/g,
    kind: 'license-reference',
    matchedBy: 'reference:unlicense',
    license: () => 'Unlicense',
  },
  // Chromium, Go, Angular and their followers: "Use of this source code is governed by a BSD-style license that can be
  // found in the LICENSE file". Their LICENSE files are BSD-3-Clause and MIT; "-style" makes it a convention.
  {
    needle: 'is governed by',
    re: /\buse of this (?:source code|file|software) is governed by (?:an?|the) (bsd|mit|isc|apache)(?: style)? licen[cs]e\b/g,
    kind: 'license-notice',
    matchedBy: 'notice:governed-by-license-file',
    license: (m) => ({ bsd: 'BSD-3-Clause', mit: 'MIT', isc: 'ISC', apache: 'Apache-2.0' })[m[1]!] ?? null,
    score: CONVENTION_SCORE,
  },
];

/** A public-domain dedication: no SPDX id, but an audit needs to see it. */
export const PUBLIC_DOMAIN = 'LicenseRef-clearance-public-domain';
const PUBLIC_DOMAIN_STATEMENT =
  /\b(?:(?:is|are|been|was|were|be|is hereby|are hereby) (?:(?:placed|released|dedicated|put|given|contributed) )?(?:in|into|to) the public domain|this (?:file|code|software|program|library|work|module|header|source) is public domain|public domain dedication|(?:dedicate|release|place)s? (?:this (?:file|code|software|work) )?(?:in|into|to) the public domain)\b/g;

function publicDomain(t: WordText): NoticeHit[] {
  const hits: NoticeHit[] = [];
  if (!t.joined.includes('public domain')) return hits;
  PUBLIC_DOMAIN_STATEMENT.lastIndex = 0;
  for (let m = PUBLIC_DOMAIN_STATEMENT.exec(t.joined); m; m = PUBLIC_DOMAIN_STATEMENT.exec(t.joined)) {
    // "released into the public domain" of the Unlicense and "dedicated … to the public domain" of CC0 are theirs.
    const around = t.joined.slice(Math.max(0, m.index - 200), m.index + m[0].length + 300);
    if (/free and unencumbered software|creativecommons org publicdomain zero|\bcc0\b|neighboring rights/.test(around)) continue;
    const end = m.index + m[0].length;
    const [first, last] = t.lineRange(m.index, end);
    hits.push({ kind: 'license-reference', license: PUBLIC_DOMAIN, first, last, matchedBy: 'reference:public-domain', start: m.index, end });
  }
  return hits;
}

/** One scan tells whether any rule can match at all (most texts: none). */
const ANY_NEEDLE = new RegExp([...RULES.map((r) => r.needle), 'public domain'].join('|'));

export function familyNotices(t: WordText): NoticeHit[] {
  const hits: NoticeHit[] = [];
  if (!ANY_NEEDLE.test(t.joined)) return hits;
  for (const rule of RULES) {
    if (!t.joined.includes(rule.needle)) continue;
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(t.joined); m; m = rule.re.exec(t.joined)) {
      const license = rule.license(m, t);
      if (!license) continue;
      const end = m.index + m[0].length;
      const [first, last] = t.lineRange(m.index, end);
      hits.push({ kind: rule.kind, license, first, last, matchedBy: rule.matchedBy, start: m.index, end, ...(rule.score ? { score: rule.score } : {}) });
    }
  }
  return [...hits, ...publicDomain(t)];
}

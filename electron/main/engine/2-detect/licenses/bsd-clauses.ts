import type { NoticeHit } from './notice-hit.js';
import type { WordText } from './word-text.js';

/**
 * The BSD condition list read clause by clause, for the texts that keep the conditions but drop or rewrite the
 * disclaimer (file headers that quote only the numbered clauses): the clauses present name the BSD variant.
 * A full BSD text is found by the text matcher first; this reading only stands where no reference text was accepted.
 */

const PREAMBLE = /\bredistribution and use in source and binary forms (?:with or without modification )?are permitted provided that the following conditions are met\b/g;

type Clause = 'source' | 'binary' | 'advertising' | 'endorsement';

/** Each clause in its usual wording, anchored where the previous one ended; names are free words. */
const CLAUSES: Array<[Clause, RegExp]> = [
  ['source', /^ redistributions? of source code (?:must|shall) retain the above copyright notices? this list of conditions and the following disclaimer\b/],
  ['binary', /^ redistributions? in binary form (?:must|shall) reproduce the above copyright notices? this list of conditions and the following disclaimer in the documentation and or other materials provided with the distribution\b/],
  // The acknowledgement quotes a name of any length: it ends where the next clause or the disclaimer begins.
  ['advertising', /^ all advertising materials mentioning features or use of this software must display the following acknowledg?ment this product includes software developed by (?:[a-z0-9]+ ){1,30}?(?=neither |the names? |this software |the software |in no event |$)/],
  ['endorsement', /^ (?:neither the names? of (?:[a-z0-9]+ ){1,25}?nor the names? of (?:[a-z0-9]+ ){0,6}?contributors (?:may|shall) be used|the names? of (?:[a-z0-9]+ ){1,25}?(?:may|must|shall) not be used) to endorse or promote products derived from this software(?: without (?:their )?(?:specific )?(?:prior )?written permission)?\b/],
];

/** The clauses' combination → the SPDX id whose text has exactly those clauses. */
const VARIANTS: Record<string, string> = {
  'binary source': 'BSD-2-Clause',
  'binary endorsement source': 'BSD-3-Clause',
  'advertising binary endorsement source': 'BSD-4-Clause',
};

const UC_ACKNOWLEDGMENT = /developed by the university of california berkeley\b/;

/** Where the disclaimer (or some other paragraph) begins; a further condition there would be a clause we do not know. */
const DISCLAIMER = /\b(?:is provided|are provided|disclaims?|in no event|warrant(?:y|ies))\b/;
const CONDITION_WORDS = /\b(?:must|may not|shall not|may be used|is required)\b/;

export function bsdClauseNotices(t: WordText): NoticeHit[] {
  const hits: NoticeHit[] = [];
  if (!t.joined.includes('are permitted provided that the following conditions')) return hits;
  PREAMBLE.lastIndex = 0;
  for (let m = PREAMBLE.exec(t.joined); m; m = PREAMBLE.exec(t.joined)) {
    let at = m.index + m[0].length;
    const found = new Set<Clause>();
    let acknowledgment = '';
    for (let progress = true; progress; ) {
      progress = false;
      for (const [name, re] of CLAUSES) {
        if (found.has(name)) continue;
        const c = re.exec(t.joined.slice(at, at + 600));
        if (!c) continue;
        found.add(name);
        if (name === 'advertising') acknowledgment = c[0];
        at += c[0].trimEnd().length;
        progress = true;
      }
    }
    const variant = VARIANTS[[...found].sort().join(' ')];
    if (!variant) continue;
    // The Regents' own four-clause text acknowledges the University of California (see features.ts).
    const id = variant === 'BSD-4-Clause' && UC_ACKNOWLEDGMENT.test(acknowledgment) ? 'BSD-4-Clause-UC' : variant;
    // The list must end there: what follows up to the disclaimer holds no further condition.
    const rest = t.joined.slice(at, at + 300);
    const disclaimerAt = rest.search(DISCLAIMER);
    const beforeDisclaimer = disclaimerAt < 0 ? rest : rest.slice(0, disclaimerAt);
    if (CONDITION_WORDS.test(beforeDisclaimer)) continue;
    // Two clauses then nothing may be a three-clause text cut short: only a disclaimer after them settles it.
    if (id === 'BSD-2-Clause' && disclaimerAt < 0) continue;
    const [first, last] = t.lineRange(m.index, at);
    hits.push({ kind: 'license-notice', license: id, first, last, matchedBy: 'notice:bsd-clauses', start: m.index, end: at });
  }
  return hits;
}

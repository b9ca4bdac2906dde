import type { NoticeHit } from './notice-hit.js';
import type { ReferenceIndex } from './reference-index.js';
import type { DetectedFinding } from './types.js';
import type { WordText } from './word-text.js';

/** How a notice or reference relates to the license texts found around it. */

const referenceWordsCache = new Map<string, string>();

function referenceWords(id: string, index: ReferenceIndex): string {
  let joined = referenceWordsCache.get(id);
  if (joined === undefined) {
    const ref = index.byId.get(id);
    const words: string[] = [];
    if (ref) {
      const byId: string[] = [];
      for (const [w, wid] of index.vocab) byId[wid] = w;
      for (const token of ref.tokens) words.push(byId[token] ?? '');
    }
    joined = ` ${words.join(' ')} `;
    referenceWordsCache.set(id, joined);
  }
  return joined;
}

/**
 * A GNU statement inside a matched license text is part of that text (the GPL named in MPL-2.0's "Secondary License")
 * unless the reference text lacks its words: "ALTERNATIVELY, this product may be distributed under the terms of the
 * GNU General Public License" inside a BSD text is a second license.
 */
export function notInOverlappingText(h: NoticeHit, t: WordText, findings: DetectedFinding[], index: ReferenceIndex): boolean {
  if (h.start < 0 || !/^notice:(?:a|l)?gpl/.test(h.matchedBy)) return false;
  const phrase = ` ${t.joined.slice(h.start, h.end)} `;
  const texts = findings.filter((f) => f.kind === 'license-text' && f.license && h.first <= f.endLine && h.last >= f.startLine - 2);
  if (texts.some((f) => /GPL-/.test(f.license!))) return false;
  return texts.length > 0 && texts.every((f) => !referenceWords(f.license!, index).includes(phrase));
}

const CONVENTION_REACH = 10;

/**
 * "Distributed under the terms of the BSD Licence as follows:" then the text, or "BSD 2-Clause License (…/bsd-license.php)":
 * the text, tag or name beside a reading by convention says which BSD it is; so does one anywhere before it (a file
 * under a BSD-2-Clause header that later says "License: BSD" in an embedded RPM spec).
 */
export function conventionSettled(h: NoticeHit, findings: DetectedFinding[], hits: NoticeHit[]): boolean {
  if (h.score === undefined || h.score >= 1) return false;
  const prefix = h.license.split('-')[0];
  const near = (first: number, last: number): boolean => first <= h.last + CONVENTION_REACH && (last >= h.first - CONVENTION_REACH || last < h.first);
  return (
    findings.some((f) => (f.kind === 'license-text' || f.kind === 'spdx-tag') && f.license?.split('-')[0] === prefix && near(f.startLine - 1, f.endLine - 1)) ||
    hits.some((o) => o !== h && (o.score === undefined || o.score >= 1) && o.license.split('-')[0] === prefix && near(o.first, o.last))
  );
}

import { featureConflicts, strictConflicts } from './features.js';
import { acceptScore, findTextMatches, type TextMatch } from './match-texts.js';
import type { ReferenceIndex } from './reference-index.js';

/** The input, normalised once and shared by every detector. */
export interface Tokenized {
  words: string[];
  /** 0-based line per word. */
  lines: Int32Array;
  ids: Int32Array;
}

/** A reference text matched in the input, with its siblings resolved. */
export interface ResolvedTextMatch {
  match: TextMatch;
  /** The SPDX id reported (the reference's preferred id). */
  id: string;
  accepted: boolean;
}

const OVERLAP_SHARE = 0.5;

function overlapShare(a: TextMatch, b: TextMatch): number {
  const inter = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  if (inter <= 0) return 0;
  return inter / Math.min(a.end - a.start, b.end - b.start);
}

/**
 * Best first. Scores within a percent tie: then the reference needing fewer name substitutions wins (MPL-1.1 over
 * its renamed copy CUA-OPL-1.0), then the one explaining more words (OpenSSL over its SSLeay part), then the one
 * whose optional title matched (OLDAP-2.8 over OLDAP-2.7).
 */
function rank(a: TextMatch, b: TextMatch): number {
  return (
    Math.round(b.score * 100) - Math.round(a.score * 100) ||
    a.substituted - b.substituted ||
    b.matched - a.matched ||
    b.optionalMatched - a.optionalMatched ||
    b.score - a.score ||
    a.ref.id.localeCompare(b.ref.id)
  );
}

/**
 * Finds reference texts and resolves overlapping candidates: the best-scoring reference wins unless a
 * distinguishing clause contradicts it, in which case the best sibling consistent with the clauses wins.
 * Matches below the acceptance score are returned unaccepted, to locate modified or unknown license text.
 */
export function detectLicenseTexts(input: Tokenized, index: ReferenceIndex, deadline: number): ResolvedTextMatch[] {
  const wordOf = (id: number): string | undefined => (id > 0 ? indexWords(index)[id] : undefined);
  const matches = findTextMatches(input.ids, index, deadline, wordOf).sort(rank);
  const accepted = matches.filter((m) => m.score >= acceptScore(m.ref));
  const groups: TextMatch[][] = [];
  for (const m of accepted) {
    const group = groups.find((g) => overlapShare(g[0]!, m) > OVERLAP_SHARE);
    if (group) group.push(m);
    else groups.push([m]);
  }
  const out: ResolvedTextMatch[] = [];
  for (const group of groups) {
    const best = group[0]!;
    const text = input.words.slice(best.start, best.end).join(' ');
    const consistent = group.find((m) => featureConflicts(m.ref.id, text).length === 0);
    // No sibling fits: the best stands, unless it lacks the very clause that makes it a named variant.
    if (!consistent && strictConflicts(featureConflicts(best.ref.id, text)).length > 0) out.push({ match: best, id: best.ref.id, accepted: false });
    else out.push({ match: consistent ?? best, id: (consistent ?? best).ref.id, accepted: true });
  }
  for (const m of matches) {
    if (m.score >= acceptScore(m.ref)) continue;
    if (out.some((o) => o.accepted && overlapShare(o.match, m) > 0)) continue;
    if (out.some((o) => !o.accepted && overlapShare(o.match, m) > OVERLAP_SHARE)) continue;
    out.push({ match: m, id: m.ref.id, accepted: false });
  }
  return out.sort((a, b) => a.match.start - b.match.start);
}

const wordsCache = new WeakMap<ReferenceIndex, string[]>();
function indexWords(index: ReferenceIndex): string[] {
  let words = wordsCache.get(index);
  if (!words) {
    words = [];
    for (const [w, id] of index.vocab) words[id] = w;
    wordsCache.set(index, words);
  }
  return words;
}

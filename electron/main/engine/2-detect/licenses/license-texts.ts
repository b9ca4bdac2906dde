import { featureConflicts, grantConflicts, grantsOf, strictConflicts } from './features.js';
import { acceptScore, findTextMatches, type TextMatch } from './match-texts.js';
import type { Reference, ReferenceIndex } from './reference-index.js';

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
 * A reference that explains this much more of the text than the best match, at a score at most this much lower (the
 * parts align more tightly than the whole), is a compound of its parts: 1.5 times the words within 10 points, or
 * twice the words within 25 points (an edited Unlicense is the Unlicense, modified, not its one-paragraph relative
 * Unlicense-libtelnet that the edit left intact; an edited OpenSSL text is OpenSSL, not its SSLeay half).
 */
const COMPOUND_TIERS = [
  { coverage: 1.5, margin: 0.1 },
  { coverage: 2, margin: 0.25 },
];
const COMPOUND_SLACK = 3;

/**
 * A reference made of several texts (Python-2.0 = PSF + BeOpen + CNRI + CWI licenses; Sleepycat = its own clauses +
 * two BSD texts) whose alignment covers the best match and many more words, at nearly its score.
 */
function compoundOf(group: TextMatch[]): TextMatch | null {
  const best = group[0]!;
  let found: TextMatch | null = null;
  for (const m of group) {
    if (m === best || !COMPOUND_TIERS.some((t) => m.matched >= best.matched * t.coverage && m.score >= best.score - t.margin)) continue;
    if (m.start > best.start + COMPOUND_SLACK || m.end < best.end - COMPOUND_SLACK) continue;
    if (!found || m.matched > found.matched) found = m;
  }
  return found;
}

/**
 * Drops alignments that straddle two texts: a reference made of the tail of one license and the head of the next
 * (an MIT disclaimer followed by an HPND grant reads as HPND-sell-variant-MIT-disclaimer-rev, score 1.0) when two
 * matches that each explain more words, sticking out of it on either side, cover it. Scores cannot decide this: the
 * straddler aligns as tightly as either text. Larger matches are settled first, so a straddler never removes a text.
 */
function withoutStraddlers(accepted: TextMatch[]): TextMatch[] {
  const kept: TextMatch[] = [];
  for (const m of [...accepted].sort((x, y) => y.matched - x.matched)) {
    const straddles = kept.some((a) => a.start < m.start && a.end > m.start && a.end < m.end && kept.some((b) => b !== a && b.start > m.start && b.end > m.end && b.start <= a.end && overlapShare(a, b) <= OVERLAP_SHARE));
    if (!straddles) kept.push(m);
  }
  return accepted.filter((m) => kept.includes(m));
}

/** What a broken clause costs a near match when naming it: enough to pass a sibling a point or two ahead, no more. */
const NEAR_MATCH_CLAUSE_PENALTY = 0.05;

/** How far below the best match a consistent sibling may score and still replace it. */
const SIBLING_GAP = 0.15;

/** Scores this close to the first consistent sibling are a tie: the one explaining more of the text wins. */
const SIBLING_TIE = 0.03;

/**
 * The best match whose clauses agree with the text. When the best is ruled out, its nearest consistent siblings are
 * compared by how much of the text they explain (plain HPND over a fragment-sized HPND variant).
 */
function firstConsistent(group: TextMatch[], text: string, conflicts: (m: TextMatch) => string[]): TextMatch | undefined {
  // A consistent reference scoring far below the best is a distant relative sharing boilerplate, not a sibling.
  const consistent = group.filter((m) => m.score >= group[0]!.score - SIBLING_GAP && conflicts(m).length === 0);
  const first = consistent[0];
  if (!first || first === group[0]) return first;
  let chosen = first;
  for (const m of consistent) if (m.score >= first.score - SIBLING_TIE && m.matched > chosen.matched) chosen = m;
  return chosen;
}

/**
 * Finds reference texts and resolves overlapping candidates: the best-scoring reference wins unless a
 * distinguishing clause contradicts it, in which case the best sibling consistent with the clauses wins.
 * Matches below the acceptance score are returned unaccepted, to locate modified or unknown license text.
 */
export function detectLicenseTexts(input: Tokenized, index: ReferenceIndex, deadline: number): ResolvedTextMatch[] {
  const wordOf = (id: number): string | undefined => (id > 0 ? indexWords(index)[id] : undefined);
  const matches = findTextMatches(input.ids, index, deadline, wordOf).sort(rank);
  const accepted = withoutStraddlers(matches.filter((m) => m.score >= acceptScore(m.ref)));
  const groups: TextMatch[][] = [];
  for (const m of accepted) {
    const group = groups.find((g) => overlapShare(g[0]!, m) > OVERLAP_SHARE);
    if (group) group.push(m);
    else groups.push([m]);
  }
  const out: ResolvedTextMatch[] = [];
  const compounds: TextMatch[] = [];
  for (const group of groups) {
    const compound = compoundOf(group);
    if (compound) {
      group.splice(group.indexOf(compound), 1);
      group.unshift(compound);
    }
    // Clauses are read over every word the group's alignments cover: the X11 name clause after an MIT-sized match.
    const text = input.words.slice(Math.min(...group.map((m) => m.start)), Math.max(...group.map((m) => m.end))).join(' ');
    const textGrants = grantsOf(text);
    const conflicts = (m: TextMatch): string[] => clauseConflicts(m, text, textGrants, index);
    const consistent = firstConsistent(group, text, conflicts);
    const chosen = consistent ?? leastInconsistent(group, conflicts);
    // No sibling fits: the nearest stands, unless it lacks the very clause that makes it a named variant.
    if (!consistent && strictConflicts(conflicts(chosen)).length > 0) out.push({ match: chosen, id: chosen.ref.id, accepted: false });
    else out.push({ match: chosen, id: chosen.ref.id, accepted: true });
    if (compound && chosen === compound) compounds.push(compound);
  }
  // The parts of a compound text (Sleepycat's BSD texts, Python's PSF and CNRI licenses) are that text, not more.
  for (let i = out.length - 1; i >= 0; i--) {
    const o = out[i]!;
    if (compounds.some((c) => c !== o.match && o.match.start >= c.start - COMPOUND_SLACK && o.match.end <= c.end + COMPOUND_SLACK)) out.splice(i, 1);
  }
  const near = matches.filter((m) => m.score < acceptScore(m.ref));
  for (const m of near) {
    if (out.some((o) => o.accepted && overlapShare(o.match, m) > 0)) continue;
    if (out.some((o) => !o.accepted && overlapShare(o.match, m) > OVERLAP_SHARE)) continue;
    out.push({ match: m, id: nearMatchName(m, near, input, index), accepted: false });
  }
  return out.sort((a, b) => a.match.start - b.match.start);
}

/**
 * When every sibling breaks a clause, the text is a modified one of them: the one breaking the fewest clauses, then
 * explaining the most words, among those scoring near the best. (X11 without its notice-retention sentence still has
 * its name clause: it is X11, modified, not MIT-0, which scores higher on the words it shares but has no condition.)
 */
function leastInconsistent(group: TextMatch[], conflicts: (m: TextMatch) => string[]): TextMatch {
  const best = group[0]!;
  let chosen = best;
  let chosenConflicts = conflicts(best).length;
  for (const m of group) {
    if (m === best || m.score < best.score - SIBLING_GAP || strictConflicts(conflicts(m)).length > 0) continue;
    const n = conflicts(m).length;
    if (n < chosenConflicts || (n === chosenConflicts && m.matched > chosen.matched)) {
      chosen = m;
      chosenConflicts = n;
    }
  }
  return chosen;
}

/**
 * The reference a near match is named after: of those aligned over the same words, the one it resembles most among
 * those its clauses allow (an MIT text that keeps its condition is near MIT, not MIT-0, however close the words are).
 */
function nearMatchName(m: TextMatch, near: TextMatch[], input: Tokenized, index: ReferenceIndex): string {
  const key = (x: TextMatch): number => {
    const words = input.words.slice(x.start, x.end).join(' ');
    return x.score - (clauseConflicts(x, words, grantsOf(words), index).length > 0 ? NEAR_MATCH_CLAUSE_PENALTY : 0);
  };
  let best = m;
  let bestKey = key(m);
  for (const x of near) {
    if (x === m || overlapShare(x, m) <= OVERLAP_SHARE || x.score < m.score - NEAR_MATCH_CLAUSE_PENALTY) continue;
    const k = key(x);
    if (k > bestKey) {
      best = x;
      bestKey = k;
    }
  }
  return best.ref.id;
}

/** The clauses (features.ts) and grant sentences (`textGrants`, grantsOf) that m's reference and the text disagree on. */
function clauseConflicts(m: TextMatch, text: string, textGrants: number, index: ReferenceIndex): string[] {
  return [...featureConflicts(m.ref.id, text), ...grantConflicts(referenceGrants(index, m.ref), textGrants)];
}

const referenceGrantsCache = new WeakMap<Reference, number>();

/** The grant sentences of a reference's words (see grantsOf). */
function referenceGrants(index: ReferenceIndex, ref: Reference): number {
  let grants = referenceGrantsCache.get(ref);
  if (grants === undefined) {
    const words = indexWords(index);
    grants = grantsOf(Array.from(ref.tokens, (t) => words[t] ?? '').join(' '));
    referenceGrantsCache.set(ref, grants);
  }
  return grants;
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

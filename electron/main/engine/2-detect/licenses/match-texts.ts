import { align, type Alignment } from './align.js';
import { NGRAM, ngramHash } from './ngram-table.js';
import type { Reference, ReferenceIndex } from './reference-index.js';

/** A reference text found in the input, before sibling resolution. */
export interface TextMatch extends Alignment {
  ref: Reference;
}

/** Share of a reference's distinct n-grams the text must contain before it is aligned at all. */
const CANDIDATE_CONTAINMENT = 0.25;
const MAX_CANDIDATES = 40;

/** Lowest score at which an aligned reference is reported as that license (modified when below 1). */
export function acceptScore(ref: Reference): number {
  if (ref.requiredCount < 60) return 0.85;
  if (ref.requiredCount < 250) return 0.55;
  return 0.5;
}

/** Lowest score at which an aligned reference still tells where license text is (an unknown-license finding). */
export const NEAR_MISS_SCORE = 0.35;

/** Text token ids: known words map to the reference vocabulary; each unknown word gets a unique negative id. */
export function toTokenIds(words: string[], vocab: Map<string, number>): Int32Array {
  const ids = new Int32Array(words.length);
  for (let i = 0; i < words.length; i++) ids[i] = vocab.get(words[i]!) ?? -(i + 1);
  return ids;
}

/** N-gram hash at each text position; `valid` is 0 where the n-gram holds a word no reference has. */
interface TextNgrams {
  hashes: Uint32Array;
  valid: Uint8Array;
}

function textNgrams(tokens: Int32Array): TextNgrams {
  const n = Math.max(0, tokens.length - NGRAM + 1);
  const hashes = new Uint32Array(n);
  const valid = new Uint8Array(n);
  let lastUnknown = -1;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]! < 0) lastUnknown = i;
    const at = i - NGRAM + 1;
    if (at < 0 || lastUnknown >= at) continue;
    hashes[at] = ngramHash(tokens, at);
    valid[at] = 1;
  }
  return { hashes, valid };
}

function candidateReferences(grams: TextNgrams, index: ReferenceIndex): Array<{ ref: Reference; containment: number }> {
  const hits = new Int32Array(index.references.length);
  const seen = new Set<number>();
  for (let at = 0; at < grams.hashes.length; at++) {
    if (!grams.valid[at]) continue;
    const h = grams.hashes[at]!;
    if (seen.has(h)) continue;
    seen.add(h);
    index.ngrams.forEach(h, (r) => hits[r]!++);
  }
  const scored: Array<{ ref: Reference; containment: number }> = [];
  for (const ref of index.references) {
    const h = hits[ref.index]!;
    if (h < 3) continue;
    const containment = h / ref.distinctNgrams;
    if (containment >= CANDIDATE_CONTAINMENT) scored.push({ ref, containment });
  }
  scored.sort((a, b) => b.containment - a.containment || b.ref.tokens.length - a.ref.tokens.length);
  return scored.slice(0, MAX_CANDIDATES);
}

function hitPositions(grams: TextNgrams, index: ReferenceIndex, candidates: Reference[]): Map<number, number[]> {
  const positions = new Map<number, number[]>();
  for (const c of candidates) positions.set(c.index, []);
  for (let at = 0; at < grams.hashes.length; at++) {
    if (grams.valid[at]) index.ngrams.forEach(grams.hashes[at]!, (r) => positions.get(r)?.push(at));
  }
  return positions;
}

/** Best score of the matches overlapping [from, to). */
function bestScoreOver(matches: TextMatch[], from: number, to: number): number {
  let best = 0;
  for (const m of matches) if (m.start < to && m.end > from) best = Math.max(best, m.score);
  return best;
}

/**
 * Share of [from, to] already inside matches that fit their reference almost verbatim. A match lacking a whole
 * phrase of its reference (BSD-Source-beginning-file's placement rule) is no such fit: a sibling may be the text.
 */
function coveredShare(matches: TextMatch[], from: number, to: number): number {
  let covered = 0;
  for (const m of matches) {
    if (m.score < 0.95 || m.longestMissingRun > NGRAM) continue;
    covered += Math.max(0, Math.min(to, m.end) - Math.max(from, m.start));
  }
  return covered / Math.max(1, to - from);
}

/** A head or tail of the reference at least this many tokens long, absent from an alignment, is sought again. */
const CUT_OFF = 2 * NGRAM;

function hitsBetween(sorted: number[], from: number, to: number): number {
  let n = 0;
  for (const p of sorted) if (p >= from && p < to) n++;
  return n;
}

/**
 * The densest stretch of hits can straddle two copies placed back to back (the same BSD text under two
 * holders), so the alignment starts or ends mid-reference while the rest of that copy lies outside the window.
 * When unclaimed hits lie where the missing head or tail would be, the reference is aligned again over the
 * stretch the whole copy spans, and the better alignment is kept.
 */
function realignCutOff(a: Alignment, ref: Reference, tokens: Int32Array, remaining: number[], margin: number, alignOver: (from: number, to: number) => Alignment | null): Alignment {
  const head = a.refStart;
  const tail = ref.tokens.length - a.refEnd;
  const from = head >= CUT_OFF ? Math.max(0, a.start - head - margin) : Math.max(0, a.start - NGRAM);
  const to = tail >= CUT_OFF ? Math.min(tokens.length, a.end + tail + margin) : Math.min(tokens.length, a.end + NGRAM);
  const headHits = head >= CUT_OFF ? hitsBetween(remaining, from, a.start - NGRAM) : 0;
  const tailHits = tail >= CUT_OFF ? hitsBetween(remaining, a.end, to) : 0;
  if (headHits < NGRAM && tailHits < NGRAM) return a;
  const again = alignOver(from, to);
  return again && again.score > a.score ? again : a;
}

/** This many n-grams in a row, each already seen in the window, are a second copy of the same text. */
const REPEAT_RUN = 8 * NGRAM;

/**
 * Narrows an alignment window [from, to) around the stretch starting at `core` so that it holds one copy of a text:
 * it ends where a long run of n-grams repeats what the window already holds, and starts after such a run before
 * `core`. With two copies in the window the diff's anchors, unique n-grams, are no longer unique, and the head of
 * one copy was aligned against the other (Apache-2.0 texts back to back scored 0.90 and "modified").
 */
function withoutOtherCopies(grams: TextNgrams, from: number, core: number, to: number): [number, number] {
  const seen = seenNgrams.reset(to - core);
  let end = to;
  let runStart = -1;
  for (let p = core; p < to && p < grams.hashes.length; p++) {
    if (!grams.valid[p]) continue;
    if (seen.add(grams.hashes[p]!)) {
      runStart = -1;
      continue;
    }
    if (runStart < 0) runStart = p;
    if (p - runStart + 1 >= REPEAT_RUN) {
      end = runStart;
      break;
    }
  }
  let start = from;
  let run = 0;
  for (let p = core - 1; p >= from; p--) {
    if (grams.valid[p] && seen.has(grams.hashes[p]!)) {
      if (++run >= REPEAT_RUN) {
        start = p + run;
        break;
      }
    } else if (grams.valid[p]) run = 0;
  }
  return [start, Math.max(end, Math.min(to, core + NGRAM))];
}

/**
 * A set of n-gram hashes, reused for every window: open addressing over typed arrays, emptied by bumping a
 * generation stamp. (A fresh Set per alignment window cost a third of all detection time on LICENSE files.)
 */
class ReusableHashSet {
  private keys = new Uint32Array(0);
  private stamps = new Uint32Array(0);
  private mask = 0;
  private generation = 0;

  reset(expected: number): this {
    let size = 1024;
    while (size < expected * 2) size <<= 1;
    if (size > this.keys.length) {
      this.keys = new Uint32Array(size);
      this.stamps = new Uint32Array(size);
      this.mask = size - 1;
      this.generation = 0;
    }
    this.generation++;
    return this;
  }

  /** Adds a hash; false when it was already there. */
  add(h: number): boolean {
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      if (this.stamps[i] !== this.generation) {
        this.stamps[i] = this.generation;
        this.keys[i] = h;
        return true;
      }
      if (this.keys[i] === h) return false;
    }
  }

  has(h: number): boolean {
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      if (this.stamps[i] !== this.generation) return false;
      if (this.keys[i] === h) return true;
    }
  }
}

const seenNgrams = new ReusableHashSet();

/** Finds every stretch of the text that aligns with a candidate reference, several copies included. */
export function findTextMatches(tokens: Int32Array, index: ReferenceIndex, deadline: number, wordOf: (id: number) => string | undefined): TextMatch[] {
  if (tokens.length < NGRAM) return [];
  const grams = textNgrams(tokens);
  const scored = candidateReferences(grams, index);
  if (scored.length === 0) return [];
  const positions = hitPositions(grams, index, scored.map((s) => s.ref));
  const matches: TextMatch[] = [];
  for (const { ref, containment } of scored) {
    if (Date.now() > deadline) break;
    let remaining = positions.get(ref.index)!;
    const refLen = ref.tokens.length;
    const margin = Math.min(refLen, 20 + Math.ceil(refLen * 0.2));
    const minHits = Math.max(3, Math.floor(ref.distinctNgrams * CANDIDATE_CONTAINMENT));
    const span = Math.ceil(refLen * 1.1);
    // Densest stretch of hits first; after each alignment its hits are removed and the next copy is sought.
    while (remaining.length >= minHits && Date.now() <= deadline) {
      let bestI = 0;
      let bestJ = 0;
      for (let i = 0, j = 0; i < remaining.length; i++) {
        if (j < i) j = i;
        while (j < remaining.length && remaining[j]! < remaining[i]! + span) j++;
        if (j - i > bestJ - bestI) {
          bestI = i;
          bestJ = j;
        }
      }
      if (bestJ - bestI < minHits) break;
      const [from, to] = withoutOtherCopies(grams, Math.max(0, remaining[bestI]! - margin), remaining[bestI]!, Math.min(tokens.length, remaining[bestJ - 1]! + NGRAM + margin));
      // A weak candidate over text that a better reference already explains verbatim is a distant relative.
      const covered = coveredShare(matches, remaining[bestI]!, remaining[bestJ - 1]! + NGRAM);
      const skip = covered > 0.8 && containment < (bestScoreOver(matches, from, to) >= 0.99 ? 0.85 : 0.6);
      const alignOver = (f: number, t: number): Alignment | null => align(ref, tokens, f, t, deadline, wordOf, index.documentFrequency, grams.hashes, grams.valid);
      let a = skip ? null : alignOver(from, to);
      if (a) a = realignCutOff(a, ref, tokens, remaining, margin, alignOver);
      const windowFrom = remaining[bestI]!;
      const windowTo = remaining[bestJ - 1]!;
      if (a && a.score >= NEAR_MISS_SCORE) {
        matches.push({ ...a, ref });
        // Only the hits the alignment explains are used up: the rest of the window may start the next copy.
        const left = remaining.filter((p) => p < a!.start || p >= a!.end);
        if (left.length < remaining.length) {
          remaining = left;
          continue;
        }
      }
      remaining = remaining.filter((p) => p < windowFrom || p > windowTo);
    }
  }
  return matches;
}

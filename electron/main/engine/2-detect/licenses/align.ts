import { anchorDiff, type Op } from './anchor-diff.js';
import type { Reference } from './reference-index.js';

/** How a reference lines up with a stretch of text tokens. */
export interface Alignment {
  /** Text token range that matched, [start, end). */
  start: number;
  end: number;
  /** Required reference tokens found in order (small holder-name substitutions count as found). */
  matched: number;
  /** Required reference tokens absent from the text. */
  missing: number;
  /** Text tokens inside the matched range that the reference does not have. */
  extra: number;
  /** matched / (required + extra): 1 for a verbatim copy after normalisation. */
  score: number;
  /** Longest run of missing required tokens: a whole clause gone tells siblings apart. */
  longestMissingRun: number;
  longestExtraRun: number;
  /** Optional reference tokens (title, appendix) found: breaks ties between near-identical siblings. */
  optionalMatched: number;
  /** Reference tokens counted as found through a small substitution (a varying name). */
  substituted: number;
  /** Reference token range the matched text spans, [refStart, refEnd): short of the whole when a head or tail is cut off. */
  refStart: number;
  refEnd: number;
}

/** Words whose insertion or removal changes the meaning, so a substitution containing them is never "just a name". */
const MEANINGFUL = new Set(['not', 'no', 'never', 'nor', 'except', 'only', 'later', 'any', 'version', 'noncommercial', 'commercial', 'without', 'must', 'may', 'shall', 'prohibited', 'permitted', 'advertising']);

/** Reference words found in fewer references than this are distinctive (a steward's name): never substituted freely. */
const COMMON_WORD_REFERENCES = 20;
/** A replacement of at most this many reference words by at most that many text words is a varying name. */
const SMALL_REMOVED = 6;
const SMALL_ADDED = 12;
/** Equal runs this short, cut off from the rest by many extra words, are chance matches of common words. */
const STRAY_RUN = 4;
const STRAY_GAP = 8;

function insertedBetween(ops: Op[], from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (ops[i]!.kind === 'ins') n += ops[i]!.count;
  return n;
}

/**
 * Indexes of the first and last equal runs that are not stray: runs at either end whose matched words are fewer
 * than half of the extra words that separate them from the rest (a shared title before another license's text).
 */
function trimmedBounds(ops: Op[]): [number, number] | null {
  const eq: number[] = [];
  for (let i = 0; i < ops.length; i++) if (ops[i]!.kind === 'eq') eq.push(i);
  if (eq.length === 0) return null;
  let lo = 0;
  let acc = 0;
  for (let k = 0; k < eq.length - 1; k++) {
    acc += ops[eq[k]!]!.count;
    const gap = insertedBetween(ops, eq[k]!, eq[k + 1]!);
    if (gap > STRAY_GAP && (acc < STRAY_RUN || acc * 2 < gap)) {
      lo = k + 1;
      acc = 0;
    }
  }
  let hi = eq.length - 1;
  acc = 0;
  for (let k = eq.length - 1; k > lo; k--) {
    acc += ops[eq[k]!]!.count;
    const gap = insertedBetween(ops, eq[k - 1]!, eq[k]!);
    if (gap > STRAY_GAP && (acc < STRAY_RUN || acc * 2 < gap)) {
      hi = k - 1;
      acc = 0;
    }
  }
  if (lo > hi) return null;
  return [eq[lo]!, eq[hi]!];
}

/**
 * Aligns a reference against text tokens [from, to) and scores it; null when nothing lines up.
 */
export function align(
  ref: Reference,
  text: Int32Array,
  from: number,
  to: number,
  deadline: number,
  wordOf: (id: number) => string | undefined,
  documentFrequency: Uint16Array,
  textHashes?: Uint32Array,
  textValid?: Uint8Array,
): Alignment | null {
  if (Date.now() > deadline) return null;
  const ops = anchorDiff(ref.tokens, text, from, to, textHashes, textValid);
  const bounds = trimmedBounds(ops);
  if (!bounds) return null;
  const [firstEq, lastEq] = bounds;

  const required = (start: number, count: number): number => {
    let n = 0;
    for (let k = 0; k < count; k++) if (!ref.optional[start + k]) n++;
    return n;
  };
  const distinctive = (start: number, count: number): boolean => {
    for (let k = 0; k < count; k++) if (!ref.variable[start + k] && (documentFrequency[ref.tokens[start + k]!] ?? 0) < COMMON_WORD_REFERENCES) return true;
    return false;
  };
  const meaningful = (tokens: Int32Array | number[], start: number, count: number): boolean => {
    for (let k = 0; k < count; k++) {
      const w = wordOf(tokens[start + k]!);
      if (w !== undefined && (MEANINGFUL.has(w) || /^\d+$/.test(w))) return true;
    }
    return false;
  };

  let matched = 0;
  let missing = 0;
  let extra = 0;
  let longestMissingRun = 0;
  let longestExtraRun = 0;
  let optionalMatched = 0;
  let substituted = 0;
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]!;
    const inside = i > firstEq && i < lastEq;
    if (op.kind === 'eq') {
      const n = required(op.ref, op.count);
      if (i >= firstEq && i <= lastEq) {
        matched += n;
        optionalMatched += op.count - n;
      } else missing += n;
      continue;
    }
    if (op.kind === 'del') {
      const n = required(op.ref, op.count);
      const next = ops[i + 1];
      if (inside && next && next.kind === 'ins' && i + 1 < lastEq && n <= SMALL_REMOVED && next.count <= SMALL_ADDED
        && !meaningful(ref.tokens, op.ref, op.count) && !meaningful(text, from + next.text, next.count) && !distinctive(op.ref, op.count)) {
        matched += n;
        substituted += n;
        i++;
        continue;
      }
      missing += n;
      longestMissingRun = Math.max(longestMissingRun, n);
      continue;
    }
    const next = ops[i + 1];
    if (inside && next && next.kind === 'del' && i + 1 < lastEq) {
      const n = required(next.ref, next.count);
      if (n <= SMALL_REMOVED && op.count <= SMALL_ADDED && !meaningful(ref.tokens, next.ref, next.count) && !meaningful(text, from + op.text, op.count) && !distinctive(next.ref, next.count)) {
        matched += n;
        substituted += n;
        i++;
        continue;
      }
    }
    if (inside) {
      extra += op.count;
      longestExtraRun = Math.max(longestExtraRun, op.count);
    }
  }
  const start = from + ops[firstEq]!.text;
  const end = from + ops[lastEq]!.text + ops[lastEq]!.count;
  const score = matched / (ref.requiredCount + extra || 1);
  const refStart = ops[firstEq]!.ref;
  const refEnd = ops[lastEq]!.ref + ops[lastEq]!.count;
  return { start, end, matched, missing, extra, score, longestMissingRun, longestExtraRun, optionalMatched, substituted, refStart, refEnd };
}

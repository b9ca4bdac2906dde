import { NGRAM, ngramHash } from './ngram-table.js';

/** One step of an alignment between a reference (ref) and a text window (text). */
export interface Op {
  kind: 'eq' | 'del' | 'ins';
  /** Offsets in the reference and in the window where the step starts. */
  ref: number;
  text: number;
  count: number;
}

/** Gaps between anchors up to this size (per side) are aligned exactly; larger ones count as unmatched. */
const GAP_DP_LIMIT = 80;

const uniqueNgramCache = new WeakMap<Int32Array, Map<number, number>>();

/** Reference n-grams that occur once, with their position (built once per reference: the index is immutable). */
function uniqueNgrams(ref: Int32Array): Map<number, number> {
  let map = uniqueNgramCache.get(ref);
  if (map) return map;
  map = new Map();
  for (let i = 0; i + NGRAM <= ref.length; i++) {
    const h = ngramHash(ref, i);
    map.set(h, map.has(h) ? -1 : i);
  }
  uniqueNgramCache.set(ref, map);
  return map;
}

/** Longest chain of anchors (given in text order) increasing in reference position too (patience-style LIS). */
function longestChain(anchorsRef: number[]): number[] {
  const n = anchorsRef.length;
  const tails: number[] = [];
  const prev = new Int32Array(n).fill(-1);
  for (let k = 0; k < n; k++) {
    const r = anchorsRef[k]!;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (anchorsRef[tails[mid]!]! < r) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[k] = tails[lo - 1]!;
    tails[lo] = k;
  }
  const chain: number[] = [];
  for (let k = tails.length ? tails[tails.length - 1]! : -1; k >= 0; k = prev[k]!) chain.push(k);
  return chain.reverse();
}

/** How many times a large gap is anchored again inside itself (a reference that repeats a passage). */
const GAP_ANCHOR_DEPTH = 3;

/**
 * Anchors inside a gap too large to align exactly: n-grams unique within the two slices (a passage that occurs
 * twice in the reference, as Sleepycat's two BSD texts, is unique within the gap between the anchors around it).
 * Returns false when no anchor is found.
 */
function anchorGap(ref: Int32Array, rs: number, re: number, text: Int32Array, ts: number, te: number, ops: Op[], textBase: number, depth: number): boolean {
  const inRef = new Map<number, number>();
  for (let i = rs; i + NGRAM <= re; i++) {
    const h = ngramHash(ref, i);
    inRef.set(h, inRef.has(h) ? -1 : i);
  }
  const inText = new Map<number, number>();
  for (let j = ts; j + NGRAM <= te; j++) {
    const h = ngramHash(text, j);
    if ((inRef.get(h) ?? -1) < 0) continue;
    inText.set(h, inText.has(h) ? -1 : j);
  }
  const anchorsRef: number[] = [];
  const anchorsText: number[] = [];
  const pairs = [...inText].filter(([, j]) => j >= 0).sort((a, b) => a[1] - b[1]);
  for (const [h, j] of pairs) {
    anchorsRef.push(inRef.get(h)!);
    anchorsText.push(j);
  }
  const chain = longestChain(anchorsRef);
  if (chain.length === 0) return false;
  const at: Cursor = { ref: rs, text: ts };
  for (const k of chain) {
    const r = anchorsRef[k]!;
    const t = anchorsText[k]!;
    if (r < at.ref || t < at.text) {
      extendByOverlap(ops, at, r, t, textBase);
      continue;
    }
    alignGap(ref, at.ref, r, text, at.text, t, ops, textBase, depth + 1);
    push(ops, 'eq', r, t - textBase, NGRAM);
    at.ref = r + NGRAM;
    at.text = t + NGRAM;
  }
  alignGap(ref, at.ref, re, text, at.text, te, ops, textBase, depth + 1);
  return true;
}

/** Where an alignment has got to, in the reference and in the text. */
interface Cursor {
  ref: number;
  text: number;
}

/** An anchor overlapping the previous one on the same diagonal extends the equal run by its new part; others are skipped. */
function extendByOverlap(ops: Op[], at: Cursor, r: number, t: number, textBase: number): void {
  const overlap = Math.max(at.ref - r, at.text - t);
  if (overlap >= NGRAM || r - t !== at.ref - at.text) return;
  push(ops, 'eq', at.ref, at.text - textBase, NGRAM - overlap);
  at.ref += NGRAM - overlap;
  at.text += NGRAM - overlap;
}

/** Exact LCS alignment of two small slices, appended to ops; large slices are anchored again first. */
function alignGap(ref: Int32Array, rs: number, re: number, text: Int32Array, ts: number, te: number, ops: Op[], textBase: number, depth = 0): void {
  const n = re - rs;
  const m = te - ts;
  if (n === 0 && m === 0) return;
  if (n === 0 || m === 0 || n > GAP_DP_LIMIT || m > GAP_DP_LIMIT) {
    if (n >= NGRAM && m >= NGRAM && depth < GAP_ANCHOR_DEPTH && anchorGap(ref, rs, re, text, ts, te, ops, textBase, depth)) return;
    if (n > 0) push(ops, 'del', rs, ts - textBase, n);
    if (m > 0) push(ops, 'ins', re, ts - textBase, m);
    return;
  }
  const w = m + 1;
  const dp = new Uint16Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      dp[i * w + j] = ref[rs + i] === text[ts + j] ? dp[(i + 1) * w + j + 1]! + 1 : Math.max(dp[(i + 1) * w + j]!, dp[i * w + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && ref[rs + i] === text[ts + j]) {
      push(ops, 'eq', rs + i, ts + j - textBase, 1);
      i++;
      j++;
    } else if (j < m && (i === n || dp[i * w + j + 1]! >= dp[(i + 1) * w + j]!)) {
      push(ops, 'ins', rs + i, ts + j - textBase, 1);
      j++;
    } else {
      push(ops, 'del', rs + i, ts + j - textBase, 1);
      i++;
    }
  }
}

function push(ops: Op[], kind: Op['kind'], ref: number, text: number, count: number): void {
  const last = ops[ops.length - 1];
  if (last && last.kind === kind) last.count += count;
  else ops.push({ kind, ref, text, count });
}

/**
 * Aligns a reference with text[from, to): unique shared n-grams anchor the alignment, the longest consistent
 * chain of anchors is kept, and the small gaps between anchors are aligned exactly. Linear in the window size
 * apart from the bounded gap alignments, unlike a plain O(N·D) diff.
 */
export function anchorDiff(ref: Int32Array, text: Int32Array, from: number, to: number, textHashes?: Uint32Array, textValid?: Uint8Array): Op[] {
  const unique = uniqueNgrams(ref);
  const anchorsRef: number[] = [];
  const anchorsText: number[] = [];
  // Anchors are n-grams unique in the reference and in the window (patience diff): a repeated one is ambiguous.
  // When that leaves too few (several copies in one window), the first occurrence of each n-gram anchors instead.
  const firstAt = new Map<number, number>();
  const repeated = new Set<number>();
  for (let j = from; j + NGRAM <= to; j++) {
    if (textValid && !textValid[j]) continue;
    const h = textHashes ? textHashes[j]! : ngramHash(text, j);
    const r = unique.get(h);
    if (r === undefined || r < 0) continue;
    if (firstAt.has(h)) repeated.add(h);
    else firstAt.set(h, j);
  }
  const uniqueOnly = firstAt.size - repeated.size >= Math.max(1, unique.size * 0.5);
  for (const [h, j] of firstAt) {
    if (uniqueOnly && repeated.has(h)) continue;
    anchorsRef.push(unique.get(h)!);
    anchorsText.push(j);
  }
  // longestChain expects anchors in text order.
  const order = anchorsText.map((_, k) => k).sort((a, b) => anchorsText[a]! - anchorsText[b]!);
  const sortedRef = order.map((k) => anchorsRef[k]!);
  const sortedText = order.map((k) => anchorsText[k]!);
  anchorsRef.length = 0;
  anchorsText.length = 0;
  anchorsRef.push(...sortedRef);
  anchorsText.push(...sortedText);
  const chain = longestChain(anchorsRef);
  const ops: Op[] = [];
  const at: Cursor = { ref: 0, text: from };
  let leading = true;
  for (const k of chain) {
    const r = anchorsRef[k]!;
    const t = anchorsText[k]!;
    if (r < at.ref || t < at.text) {
      extendByOverlap(ops, at, r, t, from);
      continue;
    }
    if (leading) {
      // Before the first anchor: align the reference prefix with the text just before it.
      const ts = Math.max(from, t - Math.min(GAP_DP_LIMIT, r + 20));
      if (ts > from) push(ops, 'ins', 0, 0, ts - from);
      alignGap(ref, 0, r, text, ts, t, ops, from);
      leading = false;
    } else alignGap(ref, at.ref, r, text, at.text, t, ops, from);
    push(ops, 'eq', r, t - from, NGRAM);
    at.ref = r + NGRAM;
    at.text = t + NGRAM;
  }
  if (leading) {
    push(ops, 'ins', 0, 0, to - from);
    push(ops, 'del', 0, to - from, ref.length);
    return ops;
  }
  // After the last anchor: align the reference suffix with the text just after it.
  const te = Math.min(to, at.text + Math.min(GAP_DP_LIMIT, ref.length - at.ref + 20));
  alignGap(ref, at.ref, ref.length, text, at.text, te, ops, from);
  if (te < to) push(ops, 'ins', ref.length, te - from, to - te);
  return ops;
}

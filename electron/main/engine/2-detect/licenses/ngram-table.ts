/** Word n-grams: the unit of the inverted index that finds candidate references quickly. */
export const NGRAM = 5;

export function ngramHash(tokens: Int32Array, at: number): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < NGRAM; k++) h = Math.imul(h ^ tokens[at + k]!, 0x01000193);
  return h >>> 0;
}

/**
 * An open-addressing hash table from n-gram hash to the references that contain it, in flat typed arrays:
 * a few hundred thousand entries cost a few megabytes and build in tens of milliseconds.
 */
export class NgramTable {
  private constructor(
    private readonly keys: Uint32Array,
    private readonly used: Uint8Array,
    private readonly starts: Int32Array,
    private readonly postings: Int32Array,
    private readonly mask: number,
  ) {}

  /** Builds the table from each reference's distinct n-gram hashes (typed arrays throughout: fast cold start). */
  static build(perReference: Uint32Array[]): NgramTable {
    let total = 0;
    for (const hashes of perReference) total += hashes.length;
    // Sized for every posting, though shared n-grams take one slot: the SPDX list's 564,000 postings hold 200,000
    // distinct n-grams, a load near 0.2 (twice the postings made a cold start zero 36 MB for a load of 0.1).
    let size = 1;
    while (size < total) size <<= 1;
    const mask = size - 1;
    const keys = new Uint32Array(size);
    const used = new Uint8Array(size);
    const counts = new Int32Array(size + 1);
    const slotOf = new Int32Array(total);
    let k = 0;
    for (const hashes of perReference) {
      for (let i = 0; i < hashes.length; i++) {
        const h = hashes[i]!;
        let s = h & mask;
        while (used[s] && keys[s] !== h) s = (s + 1) & mask;
        used[s] = 1;
        keys[s] = h;
        counts[s]!++;
        slotOf[k++] = s;
      }
    }
    // starts[s] = offset of slot s's postings; postings hold reference indexes, grouped by slot.
    const starts = new Int32Array(size + 1);
    let acc = 0;
    for (let s = 0; s < size; s++) {
      starts[s] = acc;
      acc += counts[s]!;
    }
    starts[size] = acc;
    const fill = counts.fill(0);
    const postings = new Int32Array(acc);
    k = 0;
    perReference.forEach((hashes, ref) => {
      for (let i = 0; i < hashes.length; i++) {
        const s = slotOf[k++]!;
        postings[starts[s]! + fill[s]!] = ref;
        fill[s]!++;
      }
    });
    return new NgramTable(keys, used, starts, postings, mask);
  }

  /** Calls fn for each reference containing the n-gram. */
  forEach(hash: number, fn: (ref: number) => void): void {
    let s = hash & this.mask;
    while (this.used[s]) {
      if (this.keys[s] === hash) {
        for (let i = this.starts[s]!, end = this.starts[s + 1]!; i < end; i++) fn(this.postings[i]!);
        return;
      }
      s = (s + 1) & this.mask;
    }
  }

  /** Number of references containing the n-gram (0 when none). */
  count(hash: number): number {
    let s = hash & this.mask;
    while (this.used[s]) {
      if (this.keys[s] === hash) return this.starts[s + 1]! - this.starts[s]!;
      s = (s + 1) & this.mask;
    }
    return 0;
  }
}

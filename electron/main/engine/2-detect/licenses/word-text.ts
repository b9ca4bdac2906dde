/** The normalised words joined by single spaces, so notice rules can be regular expressions over words. */
export class WordText {
  readonly joined: string;
  private readonly starts: Int32Array;

  constructor(
    readonly words: string[],
    /** 0-based line per word. */
    readonly lines: Int32Array,
    /** The raw text of a 0-based line, for rules that must see the layout (a "Version:" field line). */
    readonly rawLine?: (line: number) => string,
  ) {
    this.joined = words.join(' ');
    this.starts = new Int32Array(words.length);
    let at = 0;
    for (let i = 0; i < words.length; i++) {
      this.starts[i] = at;
      at += words[i]!.length + 1;
    }
  }

  /** Index of the word containing (or following) a character offset of `joined`. */
  wordAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** 0-based first and last line of the words under joined[start, end). */
  lineRange(start: number, end: number): [number, number] {
    const first = this.wordAt(start);
    const last = this.wordAt(Math.max(start, end - 1));
    return [this.lines[first] ?? 0, this.lines[last] ?? 0];
  }

  /** Character offset in `joined` where a word starts. */
  offsetOf(word: number): number {
    return word >= this.starts.length ? this.joined.length : this.starts[word]!;
  }
}

/** Line numbers ↔ text, computed once per text; lines are 0-based inside, 1-based in findings. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 0-based line containing a character offset. */
  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Offset of the first character of a 0-based line. */
  lineStart(index: number): number {
    return this.starts[index] ?? this.text.length;
  }

  /** Offset of the line break that ends a 0-based line (the text's length for the last line). */
  lineEnd(index: number): number {
    const next = this.starts[index + 1];
    return next === undefined ? this.text.length : next - 1;
  }

  /** Text of 0-based lines [first, last], without the final line break. */
  slice(first: number, last: number, maxChars = 100_000): string {
    const start = this.starts[first] ?? this.text.length;
    const endLine = this.starts[last + 1];
    let end = endLine === undefined ? this.text.length : endLine - 1;
    if (end > start && this.text[end - 1] === '\r') end--;
    return this.text.slice(start, Math.min(end, start + maxChars));
  }

  line(index: number, maxChars = 100_000): string {
    return this.slice(index, index, maxChars);
  }
}

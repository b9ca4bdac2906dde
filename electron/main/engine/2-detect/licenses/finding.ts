import type { LineIndex } from '../text/lines.js';
import type { DetectedFinding, DetectedKind } from './types.js';

/** Builds a finding from 0-based lines; the text is the exact lines, capped for giant minified lines. */
export function makeFinding(
  lines: LineIndex,
  kind: DetectedKind,
  license: string | null,
  first: number,
  last: number,
  matchedBy: string,
  score = 1,
  extra: Partial<DetectedFinding> = {},
): DetectedFinding {
  return {
    kind,
    license,
    score: Math.round(score * 1000) / 1000,
    startLine: first + 1,
    endLine: last + 1,
    text: lines.slice(first, last, 100_000),
    matchedBy,
    modified: score < 1,
    ...extra,
  };
}

/** Line ranges already explained by a finding, so later rules do not report the same lines again. */
export class Coverage {
  private readonly ranges: Array<[number, number]> = [];

  add(first: number, last: number): void {
    this.ranges.push([first, last]);
  }

  covers(first: number, last: number): boolean {
    return this.ranges.some(([a, b]) => first >= a && last <= b);
  }

  overlaps(first: number, last: number, slack = 0): boolean {
    return this.ranges.some(([a, b]) => first <= b + slack && last >= a - slack);
  }
}

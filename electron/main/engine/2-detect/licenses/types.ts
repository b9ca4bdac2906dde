/** The detection engine's public result type: text in, findings out. No database, no Electron. */
export type DetectedKind =
  | 'license-text'
  | 'license-notice'
  | 'license-reference'
  | 'spdx-tag'
  | 'unknown-license'
  | 'copyright';

export interface DetectedFinding {
  kind: DetectedKind;
  /** SPDX id or expression (LicenseRef-… allowed); null for copyrights and invalid SPDX tags. */
  license: string | null;
  /** 0..1: how much of the reference matched (1 for an exact tag or a verbatim text). */
  score: number;
  /** 1-based, inclusive. */
  startLine: number;
  endLine: number;
  /** The exact text of those lines that matched. */
  text: string;
  /** What matched: 'license-text:MIT', 'notice:apache-2.0', 'spdx-tag', 'reference:see-license', 'copyright' … */
  matchedBy: string;
  /** A partial or modified license text (score < 1 for a text match). */
  modified: boolean;
  /** Copyright holders and years, for kind 'copyright'. */
  holders?: string[];
  years?: string | null;
  /** For kind 'copyright': the statement itself, comment markers removed. */
  statement?: string;
  /** For an invalid SPDX-License-Identifier tag: the parser's message. */
  error?: string;
}

export interface DetectOptions {
  /** Path of the file, used only for hints (LICENSE, COPYING, README …) — never read. */
  path?: string;
  /** Give up on this text after so many milliseconds and return what was found (a finding says so). */
  timeBudgetMs?: number;
}

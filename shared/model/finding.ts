/** What a finding is. The names are the JSON Lines export format (docs/findings-format.md). */
export const findingKinds = [
  'license-text',
  'license-notice',
  'license-reference',
  'spdx-tag',
  'declared',
  'unknown-license',
  'copyright',
  'license-mismatch',
  'manifest-error',
  'scan-warning',
] as const;
export type FindingKind = (typeof findingKinds)[number];

export interface Finding {
  id: number;
  scanId: number;
  componentId: number | null;
  componentName: string | null;
  fileId: number | null;
  /** Relative to the scanned root; null for findings about a component as a whole. */
  path: string | null;
  kind: FindingKind;
  /** SPDX id or expression; null for copyrights and problems. */
  license: string | null;
  score: number;
  startLine: number | null;
  endLine: number | null;
  text: string;
  /** What matched: 'license-text:MIT', 'notice:apache-2.0-header', 'spdx-tag', 'manifest:package.json' … */
  matchedBy: string;
  /** A partial or modified license text: the score says how close it is. */
  modified: boolean;
  /** Stable across scans and across copies of the same file content: used by decisions and the review queue. */
  key: string;
}

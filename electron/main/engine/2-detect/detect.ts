import { detectCopyrights } from './copyrights/index.js';
import { detectLicenses } from './licenses/index.js';
import type { DetectedFinding, DetectOptions } from './licenses/types.js';
import { focusSlices } from './licenses/focus.js';
import { LineIndex } from './text/lines.js';

/** Licenses and copyrights of one text, merged and sorted by line. */
export function detect(text: string, options: DetectOptions = {}): DetectedFinding[] {
  // One keyword scan finds the parts worth reading, and settles the many files that say nothing about licensing.
  const slices = focusSlices(text);
  if (slices.length === 0) return [];
  const lines = new LineIndex(text);
  const findings = [...detectLicenses(text, options, { slices, lines }), ...detectCopyrights(text, lines)];
  return findings.sort((a, b) => a.startLine - b.startLine || a.endLine - b.endLine);
}

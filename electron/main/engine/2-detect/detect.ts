import { detectCopyrights } from './copyrights/index.js';
import { detectLicenses } from './licenses/index.js';
import type { DetectedFinding, DetectOptions } from './licenses/types.js';
import { mayMentionLicense } from './licenses/focus.js';
import { LineIndex } from './text/lines.js';

/** Licenses and copyrights of one text, merged and sorted by line. */
export function detect(text: string, options: DetectOptions = {}): DetectedFinding[] {
  if (!mayMentionLicense(text)) return [];
  const findings = [...detectLicenses(text, options), ...detectCopyrights(text, new LineIndex(text))];
  return findings.sort((a, b) => a.startLine - b.startLine || a.endLine - b.endLine);
}

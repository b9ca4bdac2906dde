import type { DetectedFinding } from './types.js';

const SIMPLE_ID = /^[A-Za-z0-9.+-]+$/;
/** An exception further than this below its license is treated as standing alone. */
const MAX_GAP_LINES = 30;

function isException(f: DetectedFinding, exceptionIds: Set<string>): boolean {
  return f.license !== null && exceptionIds.has(f.license);
}

/**
 * Joins an exception to the license it follows ("GPL-2.0-only" then the Classpath exception →
 * "GPL-2.0-only WITH Classpath-exception-2.0"); an exception with no license before it stays alone.
 */
export function combineExceptions(findings: DetectedFinding[], exceptionIds: Set<string>, sliceLines: (first: number, last: number) => string): DetectedFinding[] {
  const rank = (f: DetectedFinding): number => (isException(f, exceptionIds) ? 1 : 0);
  const sorted = [...findings].sort((a, b) => a.startLine - b.startLine || rank(a) - rank(b) || a.endLine - b.endLine);
  const out: DetectedFinding[] = [];
  for (const f of sorted) {
    if (!isException(f, exceptionIds)) {
      out.push(f);
      continue;
    }
    let target: DetectedFinding | undefined;
    for (let i = out.length - 1; i >= 0; i--) {
      const candidate = out[i]!;
      if (candidate.kind === 'copyright' || candidate.kind === 'spdx-tag' || candidate.kind === 'unknown-license') continue;
      if (candidate.license === null || candidate.license.startsWith('LicenseRef-')) continue;
      target = candidate;
      break;
    }
    const tooFar = target !== undefined && f.startLine - target.endLine > MAX_GAP_LINES;
    if (!target || tooFar || !target.license || !SIMPLE_ID.test(target.license) || isException(target, exceptionIds)) {
      out.push(f);
      continue;
    }
    const merged: DetectedFinding = {
      ...target,
      license: `${target.license} WITH ${f.license}`,
      endLine: Math.max(target.endLine, f.endLine),
      score: Math.min(target.score, f.score),
      modified: target.modified || f.modified,
      matchedBy: `${target.matchedBy}+${f.matchedBy}`,
      text: sliceLines(target.startLine - 1, Math.max(target.endLine, f.endLine) - 1),
    };
    out[out.indexOf(target)] = merged;
  }
  return out;
}

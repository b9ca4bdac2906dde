import type { DetectedFinding } from './types.js';

const SIMPLE_ID = /^[A-Za-z0-9.+-]+$/;
/** An exception further than this below its license is treated as standing alone. */
const MAX_GAP_LINES = 30;

function isException(f: DetectedFinding, exceptionIds: Set<string>): boolean {
  return f.license !== null && exceptionIds.has(f.license);
}

/**
 * "GPL-2.0-only" + exception → "GPL-2.0-only WITH exception"; in a choice ("CDDL-1.1 OR GPL-2.0-only") the exception
 * joins the GNU member it amends. Null when there is no member to join.
 */
function withException(license: string, exception: string): string | null {
  if (SIMPLE_ID.test(license)) return `${license} WITH ${exception}`;
  // The exception named twice in one header ("GPL Classpath Exception:" then its sentence) is joined once.
  if (license.includes(` WITH ${exception}`)) return license;
  const members = license.split(/ (OR|AND) /);
  if (members.some((m, i) => i % 2 === 0 && !SIMPLE_ID.test(m))) return null;
  let gnu = -1;
  for (let i = 0; i < members.length; i += 2) if (/GPL-/.test(members[i]!)) gnu = i;
  if (gnu < 0) return null;
  members[gnu] = `${members[gnu]} WITH ${exception}`;
  return members.join(' ');
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
    const license = target && !tooFar && target.license && !isException(target, exceptionIds) ? withException(target.license, f.license!) : null;
    if (!target || !license) {
      out.push(f);
      continue;
    }
    const merged: DetectedFinding = {
      ...target,
      license,
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

import type { Finding } from '../../../../shared/model/finding.js';

/** One line of the findings export (docs/findings-format.md). Field order is part of the format. */
export function findingToJsonLine(finding: Finding & { projectName: string }): string {
  return JSON.stringify({
    project: finding.projectName,
    path: finding.path,
    kind: finding.kind,
    license: finding.license,
    score: Math.round(finding.score * 1000) / 1000,
    startLine: finding.startLine,
    endLine: finding.endLine,
    text: finding.text,
    matchedBy: finding.matchedBy,
    modified: finding.modified,
    component: finding.componentName,
    key: finding.key,
  });
}

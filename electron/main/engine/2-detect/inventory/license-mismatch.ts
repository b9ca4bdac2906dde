import { licenseFamily, licenseIdsOf } from '../../../../../shared/spdx/expression.js';
import type { ComponentFindingRecord } from '../../3-store/records.js';

export interface LicenseFileEvidence {
  componentKey: string;
  componentName: string;
  declaredExpression: string | null;
  path: string;
  license: string;
}

/** LICENSE, LICENCE, COPYING, UNLICENSE, NOTICE and their variants (LICENSE-MIT, COPYING.LESSER, license.md …). */
export function isLicenseFileName(baseName: string): boolean {
  return /^(un)?licen[cs]e|^copying|^notice|^copyright$/i.test(baseName);
}

/**
 * A component whose license files name a license its authors did not declare is a finding of its own
 * ("declared MIT, LICENSE is ISC"). -only / -or-later are compared as one family: a bare text cannot tell.
 */
export function licenseMismatches(evidence: LicenseFileEvidence[]): ComponentFindingRecord[] {
  const byComponent = new Map<string, LicenseFileEvidence[]>();
  for (const e of evidence) {
    if (!e.declaredExpression) continue;
    const list = byComponent.get(e.componentKey) ?? [];
    list.push(e);
    byComponent.set(e.componentKey, list);
  }
  const findings: ComponentFindingRecord[] = [];
  for (const [componentKey, items] of byComponent) {
    const declared = items[0]!.declaredExpression!;
    const declaredFamilies = new Set(licenseIdsOf(declared).map(licenseFamily));
    if (declaredFamilies.size === 0) continue;
    const unexpected = new Map<string, string[]>();
    for (const item of items) {
      for (const id of licenseIdsOf(item.license)) {
        if (declaredFamilies.has(licenseFamily(id)) || id.startsWith('LicenseRef-')) continue;
        const paths = unexpected.get(id) ?? [];
        if (!paths.includes(item.path)) paths.push(item.path);
        unexpected.set(id, paths);
      }
    }
    for (const [id, paths] of unexpected) {
      findings.push({
        componentKey,
        path: paths[0]!,
        kind: 'license-mismatch',
        license: id,
        score: 1,
        startLine: null,
        endLine: null,
        text: `declared ${declared}, ${paths.join(', ')} ${paths.length > 1 ? 'are' : 'is'} ${id}`,
        matchedBy: 'declared-vs-detected',
      });
    }
  }
  return findings;
}

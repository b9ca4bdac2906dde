import { licenseFamily, licenseIdsOf } from '../../../../../shared/spdx/expression.js';
import type { ComponentFindingRecord, ComponentRecord, EdgeRecord } from '../../3-store/records.js';

export interface SourceInventory {
  components: ComponentRecord[];
  edges: EdgeRecord[];
  findings: ComponentFindingRecord[];
}

function sameLicenses(a: string, b: string): boolean {
  const families = (e: string): string => licenseIdsOf(e).map(licenseFamily).sort().join(',');
  return families(a) === families(b);
}

/**
 * Joins the inventories of a project's sources: a package seen in a scanned folder and in an SBOM (same key,
 * i.e. same purl) becomes one component carrying both origins. When they declare different licenses, the
 * scanned manifest stays the declared one and the disagreement becomes a finding.
 */
export function mergeSources(inventories: SourceInventory[]): SourceInventory {
  const byKey = new Map<string, ComponentRecord>();
  const findings: ComponentFindingRecord[] = [];
  const edges: EdgeRecord[] = [];
  let projectRootSeen = false;
  for (const inventory of inventories) {
    for (const c of inventory.components) {
      const existing = byKey.get(c.key);
      if (!existing) {
        // One project root per project: later sources' roots become ordinary components under it.
        const copy: ComponentRecord = { ...c, isProjectRoot: c.isProjectRoot && !projectRootSeen };
        projectRootSeen ||= copy.isProjectRoot;
        byKey.set(c.key, copy);
        continue;
      }
      const earlierOrigins = existing.origins.join(', ');
      existing.origins = [...new Set([...existing.origins, ...c.origins])];
      if (existing.hashes.length === 0) existing.hashes = c.hashes;
      existing.cpe ??= c.cpe;
      existing.supplier ??= c.supplier;
      existing.description ??= c.description;
      if (!existing.extra && c.extra) {
        existing.extra = c.extra;
        existing.extraFormat = c.extraFormat;
      }
      const a = existing.declared.expression;
      const b = c.declared.expression;
      if (!existing.declared.verbatim && c.declared.verbatim) existing.declared = c.declared;
      else if (a && b && !sameLicenses(a, b)) {
        findings.push({
          componentKey: c.key,
          path: c.sourcePath ? c.sourcePath.split(/[\\/]/).pop()! : null,
          kind: 'license-mismatch',
          license: b,
          score: 1,
          startLine: null,
          endLine: null,
          text: `${c.origins.join(', ')} declares ${b}; ${earlierOrigins} declares ${a}`,
          matchedBy: 'declared-vs-sbom',
        });
      }
    }
    edges.push(...inventory.edges);
    findings.push(...inventory.findings);
  }
  const rootKey = [...byKey.values()].find((c) => c.isProjectRoot)?.key;
  if (rootKey) {
    // Other sources' roots hang off the project root.
    for (const inventory of inventories) {
      const otherRoot = inventory.components.find((c) => c.isProjectRoot);
      if (otherRoot && otherRoot.key !== rootKey) edges.push({ fromKey: rootKey, toKey: otherRoot.key, scope: 'runtime' });
    }
  }
  return { components: [...byKey.values()], edges, findings };
}

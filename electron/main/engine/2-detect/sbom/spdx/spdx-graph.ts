import type { ProblemLog } from '../problems.js';
import { cleanDependencies } from '../refs.js';
import type { SbomComponent, SbomDependency, SbomRelationship } from '../types.js';
import { DEPENDENCY_RELATIONSHIPS } from './spdx-common.js';

export interface SpdxGraph {
  dependencies: SbomDependency[];
  primaryRef: string | null;
}

/**
 * Turns SPDX relationships into the dependency graph: DEPENDS_ON, CONTAINS, links and the *_DEPENDENCY_OF family
 * become edges (reversed where the type points backwards); a package CONTAINS file becomes the file's parentRef.
 * `types` maps the document's relationship type names onto the SPDX 2 names used here.
 */
export function buildSpdxGraph(
  components: SbomComponent[],
  relationships: SbomRelationship[],
  documentId: string | null,
  describes: string[],
  log: ProblemLog,
  normaliseType: (type: string) => string = (type) => type,
): SpdxGraph {
  const byRef = new Map(components.map((component) => [component.ref, component]));
  const edges = new Map<string, Set<string>>();
  const described = [...describes];
  for (const relationship of relationships) {
    const type = normaliseType(relationship.type);
    if (type === 'DESCRIBES' && relationship.from === documentId) described.push(relationship.to);
    if (type === 'DESCRIBED_BY' && relationship.to === documentId) described.push(relationship.from);
    const direction = DEPENDENCY_RELATIONSHIPS[type];
    if (!direction) continue;
    const [from, to] = direction === 'forward' ? [relationship.from, relationship.to] : [relationship.to, relationship.from];
    if (isOutside(from) || isOutside(to) || from === documentId) continue;
    const target = byRef.get(to);
    if (target && target.spdxElementType !== 'Package' && (type === 'CONTAINS' || type === 'CONTAINED_BY')) {
      target.parentRef ??= from;
      continue;
    }
    const targets = edges.get(from) ?? new Set<string>();
    targets.add(to);
    edges.set(from, targets);
  }
  const dependencies = cleanDependencies(
    [...edges].map(([ref, targets]) => ({ ref, dependsOn: [...targets] })),
    { components },
    new Set(),
    log,
    () => 'relationships',
  );
  const primaryRef = described.find((ref) => byRef.has(ref)) ?? null;
  return { dependencies, primaryRef };
}

/** NOASSERTION / NONE targets and elements of other documents (DocumentRef-x:…) are not part of this graph. */
function isOutside(ref: string): boolean {
  return ref === 'NOASSERTION' || ref === 'NONE' || ref.startsWith('DocumentRef-');
}

import type { ProblemLog } from './problems.js';
import type { SbomDependency, SbomDocument } from './types.js';

/** Hands out element refs, renaming duplicates (reported) so every component keeps a unique ref. */
export class RefRegistry {
  private readonly seen = new Map<string, string | null>();

  constructor(private readonly log: ProblemLog) {}

  /** `report`: false for refs the reader made up (a duplicate of those is no fault of the document). */
  claim(ref: string, location: string | null, report = true): string {
    if (!this.seen.has(ref)) {
      this.seen.set(ref, location);
      return ref;
    }
    let counter = 2;
    while (this.seen.has(`${ref}#${counter}`)) counter++;
    const renamed = `${ref}#${counter}`;
    this.seen.set(renamed, location);
    const first = this.seen.get(ref);
    if (report) this.log.warning(location, `duplicate ref "${ref}"${first ? ` (first at ${first})` : ''}; renamed to "${renamed}"`);
    return renamed;
  }

  has(ref: string): boolean {
    return this.seen.has(ref);
  }
}

/**
 * Merges repeated dependency entries, drops self-edges and edges whose ends are not in the document (reported).
 * `otherRefs` are refs that may legitimately appear in the graph without being components (CycloneDX services).
 */
export function cleanDependencies(
  dependencies: SbomDependency[],
  document: Pick<SbomDocument, 'components'>,
  otherRefs: ReadonlySet<string>,
  log: ProblemLog,
  location: (index: number) => string | null,
): SbomDependency[] {
  const known = new Set(document.components.map((component) => component.ref));
  const isKnown = (ref: string): boolean => known.has(ref) || otherRefs.has(ref);
  const merged = new Map<string, Set<string>>();
  dependencies.forEach((dependency, index) => {
    if (!isKnown(dependency.ref)) {
      log.warning(location(index), `dependency entry for unknown ref "${dependency.ref}" dropped`);
      return;
    }
    const targets = merged.get(dependency.ref) ?? new Set<string>();
    for (const target of dependency.dependsOn) {
      if (target === dependency.ref) continue;
      if (!isKnown(target)) {
        log.warning(location(index), `dependency edge "${dependency.ref}" → unknown ref "${target}" dropped`);
        continue;
      }
      targets.add(target);
    }
    merged.set(dependency.ref, targets);
  });
  return [...merged].map(([ref, targets]) => ({ ref, dependsOn: [...targets] }));
}

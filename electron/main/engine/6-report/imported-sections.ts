import type { ExportModel } from './export-model.js';

type Json = Record<string, unknown>;

/** What one imported document holds besides components, as read (CycloneDX JSON shape, the document's own refs). */
export interface ImportedDocumentSections {
  services: Json[];
  compositions: Json[];
  annotations: Json[];
  /** CycloneDX-like vulnerability objects (`affects[].ref` in the document's refs). */
  vulnerabilities: Json[];
  /** The document's dependency entries; only those that touch a service are used here. */
  dependencies: { ref: string; dependsOn: string[] }[];
}

export type ImportedSections = Required<Pick<ExportModel, 'services' | 'compositions' | 'annotations' | 'vulnerabilities' | 'serviceDependencies'>>;

/**
 * Gathers services, compositions, annotations and vulnerabilities of one or more imported documents for one export.
 * Each document's refs are rewritten to the export's keys (a component's bom-ref in the export is its key, which
 * need not be the document's ref); references that point at nothing in the export are dropped, BOM-Links
 * (`urn:cdx:`) kept. A bom-ref of a service, vulnerability, composition or annotation that is already taken gets a
 * `#n` suffix; the same object imported twice (one SBOM in two projects) is written once.
 */
export class ImportedSectionsCollector {
  private readonly taken: Set<string>;
  /** The document's bom-ref and the object's JSON → the bom-ref it got, to recognise the same object imported again. */
  private readonly claimed = new Map<string, string>();
  private readonly sections: ImportedSections = { services: [], compositions: [], annotations: [], vulnerabilities: [], serviceDependencies: [] };

  constructor(componentKeys: Iterable<string>) {
    this.taken = new Set(componentKeys);
  }

  add(document: ImportedDocumentSections, keyOfComponentRef: (ref: string) => string | undefined): void {
    const refs = new Map<string, string>();
    const serviceRefs = new Set<string>();
    const duplicates = new Set<Json>();
    const claim = (item: Json, collect?: Set<string>): void => {
      const ref = typeof item['bom-ref'] === 'string' && item['bom-ref'] !== '' ? item['bom-ref'] : null;
      if (ref === null) return;
      const identity = `${ref}\n${JSON.stringify(item)}`;
      const earlier = this.claimed.get(identity);
      if (earlier !== undefined) duplicates.add(item);
      refs.set(ref, earlier ?? this.unique(ref, identity));
      collect?.add(ref);
    };
    const claimServices = (services: Json[]): void => {
      for (const service of services) {
        claim(service, serviceRefs);
        claimServices(objects(service.services));
      }
    };
    claimServices(document.services);
    for (const item of [...document.vulnerabilities, ...document.compositions, ...document.annotations]) claim(item);

    const resolve = (ref: unknown): string | null => {
      if (typeof ref !== 'string' || ref === '') return null;
      return refs.get(ref) ?? keyOfComponentRef(ref) ?? (ref.startsWith('urn:cdx:') ? ref : null);
    };
    const fresh = (items: Json[]): Json[] => items.filter((item) => !duplicates.has(item));

    this.sections.services.push(...fresh(document.services).map((service) => this.rewriteService(service, refs)));
    this.sections.vulnerabilities.push(...fresh(document.vulnerabilities).map((vulnerability) => rewriteVulnerability(vulnerability, refs, resolve)));
    for (const composition of fresh(document.compositions)) {
      const rewritten = rewriteComposition(composition, refs, resolve);
      if (rewritten) this.sections.compositions.push(rewritten);
    }
    for (const annotation of fresh(document.annotations)) {
      const subjects = strings(annotation.subjects).map(resolve).filter((ref): ref is string => ref !== null);
      if (subjects.length > 0) this.sections.annotations.push({ ...withRef(annotation, refs), subjects: [...new Set(subjects)] });
    }
    for (const dependency of document.dependencies) {
      const from = resolve(dependency.ref);
      const to = dependency.dependsOn.filter((ref) => serviceRefs.has(dependency.ref) || serviceRefs.has(ref)).map(resolve);
      const targets = [...new Set(to.filter((ref): ref is string => ref !== null && ref !== from))];
      if (from !== null && targets.length > 0) this.sections.serviceDependencies.push({ from, to: targets });
    }
  }

  result(): ImportedSections {
    return this.sections;
  }

  private unique(ref: string, identity: string): string {
    let candidate = ref;
    for (let n = 2; this.taken.has(candidate); n++) candidate = `${ref}#${n}`;
    this.taken.add(candidate);
    this.claimed.set(identity, candidate);
    return candidate;
  }

  private rewriteService(service: Json, refs: Map<string, string>): Json {
    const rewritten = withRef(service, refs);
    if (Array.isArray(service.services)) rewritten.services = objects(service.services).map((child) => this.rewriteService(child, refs));
    return rewritten;
  }
}

function withRef(item: Json, refs: Map<string, string>): Json {
  const ref = item['bom-ref'];
  return typeof ref === 'string' && refs.has(ref) ? { ...item, 'bom-ref': refs.get(ref) } : { ...item };
}

function rewriteVulnerability(vulnerability: Json, refs: Map<string, string>, resolve: (ref: unknown) => string | null): Json {
  const rewritten = withRef(vulnerability, refs);
  if (Array.isArray(vulnerability.affects)) {
    rewritten.affects = objects(vulnerability.affects).flatMap((affect) => {
      const ref = resolve(affect.ref);
      return ref === null ? [] : [{ ...affect, ref }];
    });
  }
  return rewritten;
}

const COMPOSITION_LISTS = ['assemblies', 'dependencies', 'vulnerabilities'] as const;

/** Null when the composition named only things that are not in the export (it would then say nothing). */
function rewriteComposition(composition: Json, refs: Map<string, string>, resolve: (ref: unknown) => string | null): Json | null {
  const rewritten = withRef(composition, refs);
  let named = 0;
  let kept = 0;
  for (const list of COMPOSITION_LISTS) {
    if (!Array.isArray(composition[list])) continue;
    const items = composition[list] as unknown[];
    const resolved = [...new Set(items.map(resolve).filter((ref): ref is string => ref !== null))];
    named += items.length;
    kept += resolved.length;
    if (resolved.length > 0) rewritten[list] = resolved;
    else delete rewritten[list];
  }
  return named > 0 && kept === 0 ? null : rewritten;
}

function objects(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter((item): item is Json => typeof item === 'object' && item !== null && !Array.isArray(item)) : [];
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

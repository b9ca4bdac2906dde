import { createHash } from 'node:crypto';
import { Enums, Models, type Spec } from '@cyclonedx/cyclonedx-library';

type SpecProtocol = (typeof Spec.SpecVersionDict)[keyof typeof Spec.SpecVersionDict];
import type { ExportComponent, ExportModel } from '../../export-model.js';
import { planEvidenceLicenses, planLicenses, type LicenseEntry } from './license-choice.js';
import { buildService, organization } from './imported-models.js';
import { buildVulnerability } from './vulnerabilities.js';

/** What the library's models cannot carry; written into the normalized output by patch-json / patch-xml. */
export interface ComponentPatch {
  licenses: LicenseEntry[];
  evidenceLicenses: LicenseEntry[];
  occurrences: string[];
  extra: Record<string, unknown> | null;
}

export interface AnnotationPatch {
  subject: string;
  annotator: string;
  timestamp: string;
  text: string;
}

export interface BuiltBom {
  bom: Models.Bom;
  patches: Map<string, ComponentPatch>;
  annotations: AnnotationPatch[];
  /** Imported services and vulnerabilities by their model: the raw objects hold what the models cannot. */
  rawServices: Map<Models.Service, Record<string, unknown>>;
  rawVulnerabilities: Map<Models.Vulnerability.Vulnerability, Record<string, unknown>>;
}

const EXTERNAL_REFERENCE_TYPES = new Set<string>(Object.values(Enums.ExternalReferenceType));
const HASH_ALGORITHMS = new Set<string>(Object.values(Enums.HashAlgorithm));
/** Clearance's dependency scopes onto CycloneDX's: excluded = not shipped at run time. */
const SCOPES: Record<string, Enums.ComponentScope> = {
  runtime: Enums.ComponentScope.Required, peer: Enums.ComponentScope.Required, required: Enums.ComponentScope.Required,
  optional: Enums.ComponentScope.Optional, dev: Enums.ComponentScope.Excluded, build: Enums.ComponentScope.Excluded,
  test: Enums.ComponentScope.Excluded, excluded: Enums.ComponentScope.Excluded,
};

/**
 * ExportModel → the library's Bom. A single root becomes metadata.component; several hang under a workspace root
 * named after the model; none (an SBOM that named no subject) leaves metadata.component out.
 */
export function buildBom(model: ExportModel, spec: NonNullable<SpecProtocol>): BuiltBom {
  const patches = new Map<string, ComponentPatch>();
  const annotations: AnnotationPatch[] = [];
  const byKey = new Map<string, Models.Component>();
  const make = (component: ExportComponent): Models.Component => {
    const built = buildComponent(component, spec.version, patches, annotations);
    byKey.set(component.key, built);
    return built;
  };
  const roots = model.roots.map(make);
  const components = model.components
    .filter((component) => !byKey.has(component.key))
    .map((component) => ({ key: component.key, parentKey: component.parentKey ?? null, built: make(component) }));

  const bom = new Models.Bom({ serialNumber: `urn:uuid:${stableUuid(`${model.name}\n${model.generatedAt}`)}` });
  bom.metadata.timestamp = new Date(model.generatedAt);
  bom.metadata.tools.components.add(
    new Models.Component(Enums.ComponentType.Application, model.toolName, { version: model.toolVersion }),
  );
  if (roots.length === 1) {
    bom.metadata.component = roots[0]!;
  } else if (roots.length > 1) {
    const workspace = new Models.Component(Enums.ComponentType.Application, model.name, { bomRef: `${model.name}#workspace` });
    for (const root of roots) {
      workspace.dependencies.add(root.bomRef);
      bom.components.add(root);
    }
    bom.metadata.component = workspace;
  }
  // Nested where the model says so (and the parent is not itself nested under the child); top level otherwise.
  const parentOf = new Map(components.filter((c) => c.parentKey !== null).map((c) => [c.key, c.parentKey!]));
  const nestsUnder = (key: string, ancestor: string): boolean => {
    for (let at = parentOf.get(key), hops = 0; at !== undefined && hops < 64; at = parentOf.get(at), hops++) {
      if (at === ancestor) return true;
    }
    return false;
  };
  for (const { key, parentKey, built } of components) {
    const parent = parentKey !== null ? byKey.get(parentKey) : undefined;
    if (parent && parent !== built && !nestsUnder(parentKey!, key)) parent.components.add(built);
    else bom.components.add(built);
  }
  const rawServices = new Map<Models.Service, Record<string, unknown>>();
  for (const raw of model.services ?? []) {
    const service = buildService(raw, rawServices);
    if (service) bom.services.add(service);
  }
  // Dependency and affects targets: components and (nested) services by bom-ref.
  const targets = new Map<string, Models.Component | Models.Service>(byKey);
  for (const service of rawServices.keys()) {
    if (service.bomRef.value !== undefined && !targets.has(service.bomRef.value)) targets.set(service.bomRef.value, service);
  }
  for (const edge of [...model.dependencies, ...(model.serviceDependencies ?? [])]) {
    const from = targets.get(edge.from);
    for (const to of edge.to) {
      const target = targets.get(to);
      if (from && target && target !== from) from.dependencies.add(target.bomRef);
    }
  }
  const rawVulnerabilities = new Map<Models.Vulnerability.Vulnerability, Record<string, unknown>>();
  for (const raw of model.vulnerabilities) {
    const vulnerability = buildVulnerability(raw, targets);
    if (!vulnerability) continue;
    bom.vulnerabilities.add(vulnerability);
    rawVulnerabilities.set(vulnerability, raw);
  }
  return { bom, patches, annotations, rawServices, rawVulnerabilities };
}

function buildComponent(
  component: ExportComponent,
  spec: string,
  patches: Map<string, ComponentPatch>,
  annotations: AnnotationPatch[],
): Models.Component {
  const built = new Models.Component(component.type as Enums.ComponentType, component.name, { bomRef: component.key });
  if (component.group) built.group = component.group;
  if (component.version) built.version = component.version;
  if (component.purl) built.purl = component.purl;
  if (component.cpe) built.cpe = component.cpe;
  if (component.description) built.description = component.description;
  if (component.author) built.author = component.author;
  // An imported CycloneDX supplier keeps its urls and contacts (the model has only the name).
  const importedSupplier = component.extraFormat === 'cyclonedx' ? organization(component.extra?.supplier) : null;
  if (importedSupplier) importedSupplier.name ??= component.supplier ?? undefined;
  if (importedSupplier ?? component.supplier) built.supplier = importedSupplier ?? new Models.OrganizationalEntity({ name: component.supplier! });
  const scope = component.scope ? SCOPES[component.scope] : undefined;
  if (scope) built.scope = scope;
  for (const hash of component.hashes) {
    if (HASH_ALGORITHMS.has(hash.alg)) built.hashes.set(hash.alg as Enums.HashAlgorithm, hash.content);
  }
  for (const reference of component.externalReferences) {
    const type = EXTERNAL_REFERENCE_TYPES.has(reference.type) ? reference.type : Enums.ExternalReferenceType.Other;
    built.externalReferences.add(
      new Models.ExternalReference(reference.url, type as Enums.ExternalReferenceType, reference.comment ? { comment: reference.comment } : {}),
    );
  }
  const plan = planLicenses(component, spec);
  // A placeholder makes the serializer emit <licenses> in its schema position; the patch fills in the real entries.
  if (plan.licenses.length > 0) built.licenses.add(new Models.NamedLicense('placeholder'));
  const properties = [...component.properties, ...plan.properties];
  for (const decision of component.decisions) {
    properties.push({
      name: 'clearance:decision',
      value: JSON.stringify({
        id: decision.id, state: decision.state, concludedLicense: decision.concludedLicense,
        reviewer: decision.reviewer, decidedAt: decision.decidedAt, rationale: decision.rationale,
      }),
    });
    annotations.push({
      subject: component.key,
      annotator: decision.reviewer,
      timestamp: decision.decidedAt,
      text: `Clearance decision: ${decision.state}${decision.concludedLicense ? `, concluded license ${decision.concludedLicense}` : ''}` +
        `${decision.rationale ? `. Rationale: ${decision.rationale}` : ''} (decision ${decision.id})`,
    });
  }
  for (const property of properties) built.properties.add(new Models.Property(property.name, property.value));
  const evidenceLicenses = planEvidenceLicenses(component);
  if (evidenceLicenses.length > 0 || component.copyrights.length > 0 || component.occurrences.length > 0) {
    const evidence = new Models.ComponentEvidence();
    if (evidenceLicenses.length > 0) evidence.licenses.add(new Models.NamedLicense('placeholder'));
    for (const copyright of component.copyrights) evidence.copyright.add(copyright);
    built.evidence = evidence;
  }
  patches.set(component.key, {
    licenses: plan.licenses,
    evidenceLicenses,
    occurrences: component.occurrences,
    extra: component.extraFormat === 'cyclonedx' ? component.extra : null,
  });
  return built;
}

/** A UUID made from a hash, so the same export of the same data gets the same serial number. */
export function stableUuid(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

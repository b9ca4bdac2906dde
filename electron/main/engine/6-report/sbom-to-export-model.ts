import type { Ecosystem } from '../../../../shared/model/component.js';
import type { SbomComponent, SbomDocument, SbomLicense } from '../2-detect/sbom/types.js';
import type { ExportComponent, ExportModel } from './export-model.js';
import { ImportedSectionsCollector, type ImportedDocumentSections } from './imported-sections.js';

export interface SbomExportOptions {
  toolName: string;
  toolVersion: string;
  /** ISO date-time; defaults to the document's creation time, else now. */
  generatedAt?: string;
}

const COMPONENT_TYPES = new Set<ExportComponent['type']>(['application', 'library', 'framework', 'file', 'container', 'firmware', 'device', 'operating-system']);
const ECOSYSTEMS: Record<string, Ecosystem> = {
  npm: 'npm', pypi: 'pypi', maven: 'maven', golang: 'golang', cargo: 'cargo', gem: 'gem', composer: 'composer',
  nuget: 'nuget', swift: 'swift', cocoapods: 'cocoapods', pub: 'pub', conan: 'conan', vcpkg: 'vcpkg',
};
/** Our own writers keep what 1.5/1.6 cannot hold in `licenses` in these properties (formats/cyclonedx/license-choice). */
const DECLARED_PROPERTY = 'clearance:declaredLicense';
const CONCLUDED_PROPERTY = 'clearance:concludedLicense';

/**
 * An imported SBOM as an ExportModel, for SBOM-only projects and the round-trip tests: the document's primary
 * component is the root, every other component is exported, licenses split by acknowledgement (a license without
 * one counts as declared), evidence becomes detected licenses, copyrights and occurrences.
 */
export function sbomToExportModel(document: SbomDocument, options: SbomExportOptions): ExportModel {
  const texts = new Map(document.extractedLicenses.map((license) => [license.id, license]));
  const convert = (component: SbomComponent): ExportComponent => toExportComponent(component, document, texts);
  const root = document.components.find((component) => component.ref === document.primaryRef);
  const refs = new Set(document.components.map((component) => component.ref));
  const imported = new ImportedSectionsCollector(refs);
  imported.add(importedSectionsOf(document), (ref) => (refs.has(ref) ? ref : undefined));
  const { vulnerabilities, ...sections } = imported.result();
  return {
    name: document.name ?? root?.name ?? 'sbom',
    toolName: options.toolName,
    toolVersion: options.toolVersion,
    generatedAt: options.generatedAt ?? normaliseDate(document.createdAt) ?? new Date().toISOString(),
    roots: root ? [convert(root)] : [],
    components: document.components.filter((component) => component !== root).map(convert),
    // Edges between components; those that touch a service are in serviceDependencies.
    dependencies: document.dependencies
      .filter((dependency) => refs.has(dependency.ref))
      .map((dependency) => ({ from: dependency.ref, to: dependency.dependsOn.filter((ref) => refs.has(ref)) })),
    vulnerabilities,
    ...sections,
  };
}

/** The document's services, compositions, annotations and vulnerabilities in CycloneDX's JSON shape. */
export function importedSectionsOf(document: SbomDocument): ImportedDocumentSections {
  const cyclonedx = document.format === 'cyclonedx';
  return {
    services: cyclonedx ? document.services : [],
    compositions: cyclonedx ? document.compositions : [],
    // SPDX annotations stay on their elements (component extras): they have another shape.
    annotations: cyclonedx ? document.annotations : [],
    vulnerabilities: document.vulnerabilities.map((vulnerability) =>
      cyclonedx
        ? vulnerability.raw
        : { id: vulnerability.id, ratings: vulnerability.ratings, affects: vulnerability.affects.map((ref) => ({ ref })), ...(vulnerability.analysis ? { analysis: vulnerability.analysis } : {}) },
    ),
    dependencies: cyclonedx ? document.dependencies : [],
  };
}

function toExportComponent(
  component: SbomComponent,
  document: SbomDocument,
  texts: Map<string, { id: string; name: string | null; text: string }>,
): ExportComponent {
  const property = (name: string): string | null => component.properties.find((entry) => entry.name === name)?.value ?? null;
  const declared = component.licenses.filter((license) => license.acknowledgement !== 'concluded');
  const concluded = component.licenses.filter((license) => license.acknowledgement === 'concluded');
  const declaredExpression = property(DECLARED_PROPERTY) ?? combine(declared.map((license) => license.expression));
  const declaredVerbatim = property(DECLARED_PROPERTY) ?? combine(declared.map((license) => license.expression ?? license.name), ', ');
  const licenseTexts = new Map<string, { id: string; name: string | null; text: string }>();
  for (const license of component.licenses) {
    const id = license.expression ?? license.name;
    if (id && license.text && !licenseTexts.has(id)) licenseTexts.set(id, { id, name: license.name, text: license.text });
  }
  for (const license of [...component.licenses, ...(component.evidence?.licenses ?? [])]) {
    for (const ref of (license.expression ?? '').match(/LicenseRef-[A-Za-z0-9.-]+/g) ?? []) {
      const text = texts.get(ref);
      if (text && !licenseTexts.has(ref)) licenseTexts.set(ref, { id: ref, name: text.name, text: text.text });
    }
  }
  const copyrights = [...new Set([component.copyright, ...(component.evidence?.copyrights ?? [])].filter((c): c is string => !!c))];
  return {
    key: component.ref,
    parentKey: component.parentRef,
    type: COMPONENT_TYPES.has(component.type as ExportComponent['type']) ? (component.type as ExportComponent['type']) : 'library',
    name: component.name,
    group: component.group,
    version: component.version,
    purl: component.purl,
    cpe: component.cpe,
    ecosystem: ecosystemOf(component.purl),
    description: component.description,
    supplier: component.supplier,
    author: component.author,
    scope: component.scope,
    hashes: component.hashes,
    externalReferences: component.externalReferences,
    declared: { verbatim: declaredVerbatim, expression: declaredExpression, normalised: false },
    concluded: property(CONCLUDED_PROPERTY) ?? combine(concluded.map((license) => license.expression ?? license.name)),
    licenseTexts: [...licenseTexts.values()],
    detected: (component.evidence?.licenses ?? []).map((license: SbomLicense) => ({
      license: license.expression ?? license.name ?? '',
      path: '',
      startLine: null,
      endLine: null,
      score: 1,
      kind: 'sbom-evidence',
    })),
    copyrights,
    occurrences: component.evidence?.occurrences ?? [],
    decisions: [],
    properties: component.properties.filter((entry) => entry.name !== DECLARED_PROPERTY && entry.name !== CONCLUDED_PROPERTY),
    extra: Object.keys(component.extra).length > 0 ? component.extra : null,
    extraFormat: Object.keys(component.extra).length > 0 ? document.format : null,
  };
}

/** Several license statements of one kind: one expression (AND: each of them applies) or null. */
function combine(values: (string | null)[], separator = ' AND '): string | null {
  const present = values.filter((value): value is string => value !== null && value !== '');
  if (present.length === 0) return null;
  if (present.length === 1) return present[0]!;
  return present.map((value) => (separator === ' AND ' && /\s(OR|AND|WITH)\s/.test(value) ? `(${value})` : value)).join(separator);
}

function ecosystemOf(purl: string | null): Ecosystem {
  const type = /^pkg:([a-zA-Z0-9.+-]+)\//.exec(purl ?? '')?.[1]?.toLowerCase();
  return (type && ECOSYSTEMS[type]) || 'generic';
}

function normaliseDate(value: string | null): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

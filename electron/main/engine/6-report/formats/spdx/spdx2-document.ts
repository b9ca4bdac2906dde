import { spdx2JsonCheck } from '../../../2-detect/sbom/json-schema.js';
import { hashAlgToSpdx } from '../../../2-detect/sbom/spdx/spdx-common.js';
import type { ExportComponent, ExportModel } from '../../export-model.js';
import { stableUuid } from '../cyclonedx/build-bom.js';
import { mergeExtras } from '../merge-extras.js';
import { licenseIds, licenseRefFor, SpdxIds, spdxDate } from './spdx-ids.js';

type Json = Record<string, unknown>;

const PURPOSES: Record<ExportComponent['type'], string> = {
  application: 'APPLICATION', library: 'LIBRARY', framework: 'FRAMEWORK', file: 'FILE', container: 'CONTAINER',
  firmware: 'FIRMWARE', device: 'DEVICE', 'operating-system': 'OPERATING_SYSTEM',
};
const SPDX_KEYWORDS = new Set(['NONE', 'NOASSERTION']);

/** ExportModel → an SPDX 2.3 document in its JSON shape (the JSON and tag-value writers serialise it). */
export function buildSpdx2Document(model: ExportModel): Json {
  const ids = new SpdxIds();
  const extracted = new Map<string, Json>();
  const usedRefs = new Set<string>();
  const all = [...model.roots, ...model.components.filter((component) => !model.roots.some((root) => root.key === component.key))];
  for (const component of all) ids.idFor(component.key);

  const packages: Json[] = [];
  const files: Json[] = [];
  const targets: { object: Json; pointer: string; extra: Json | null }[] = [];
  for (const component of all) {
    for (const text of component.licenseTexts) {
      if (!extracted.has(text.id) && text.id.startsWith('LicenseRef-')) {
        extracted.set(text.id, { licenseId: text.id, extractedText: text.text, ...(text.name ? { name: text.name } : {}) });
      }
    }
    // SPDX 2 files need a checksum and have no declared license: anything else is a package with purpose FILE.
    const asFile = component.type === 'file' && checksums(component).length > 0 && !component.declared.expression && !component.declared.verbatim;
    const element = asFile ? fileElement(component, ids, usedRefs) : packageElement(component, ids, extracted, usedRefs);
    const list = asFile ? files : packages;
    targets.push({ object: element, pointer: `/${asFile ? 'files' : 'packages'}/${list.length}`, extra: component.extraFormat === 'spdx' ? component.extra : null });
    list.push(element);
  }
  for (const ref of usedRefs) {
    if (!extracted.has(ref)) extracted.set(ref, { licenseId: ref, extractedText: 'The text of this license was not available to the exporting tool.' });
  }

  const relationships: Json[] = [];
  const described = model.roots.length > 0 ? model.roots : all;
  for (const root of described) {
    relationships.push({ spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: ids.idFor(root.key) });
  }
  for (const edge of model.dependencies) {
    const from = ids.get(edge.from);
    for (const to of edge.to) {
      const target = ids.get(to);
      if (from && target && from !== target) relationships.push({ spdxElementId: from, relationshipType: 'DEPENDS_ON', relatedSpdxElement: target });
    }
  }
  const slug = model.name.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '') || 'sbom';
  const document: Json = {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: model.name,
    documentNamespace: `https://spdx.org/spdxdocs/${slug}-${stableUuid(`${model.name}\n${model.generatedAt}`)}`,
    creationInfo: { created: spdxDate(model.generatedAt), creators: [`Tool: ${model.toolName}-${model.toolVersion}`] },
    packages,
    ...(files.length > 0 ? { files } : {}),
    ...(extracted.size > 0 ? { hasExtractedLicensingInfos: [...extracted.values()] } : {}),
    relationships,
  };
  if (targets.some((target) => target.extra)) mergeExtras(document, targets, spdx2JsonCheck('2.3'));
  return document;
}

function packageElement(component: ExportComponent, ids: SpdxIds, extracted: Map<string, Json>, usedRefs: Set<string>): Json {
  const reference = (type: string): string | null => component.externalReferences.find((ref) => ref.type === type)?.url ?? null;
  const element: Json = {
    SPDXID: ids.idFor(component.key),
    name: component.name,
    ...(component.version ? { versionInfo: component.version } : {}),
    supplier: component.supplier ? `Organization: ${component.supplier}` : 'NOASSERTION',
    ...(component.author ? { originator: `Person: ${component.author}` } : {}),
    downloadLocation: reference('distribution') ?? 'NOASSERTION',
    ...(reference('website') ? { homepage: reference('website') } : {}),
    filesAnalyzed: false,
    primaryPackagePurpose: PURPOSES[component.type],
  };
  const sums = checksums(component);
  if (sums.length > 0) element.checksums = sums;
  element.licenseConcluded = licenseField(component.concluded, usedRefs);
  element.licenseDeclared = declaredField(component, extracted, usedRefs);
  const fromFiles = detectedIds(component, usedRefs);
  if (fromFiles.length > 0) element.licenseInfoFromFiles = fromFiles;
  element.copyrightText = component.copyrights.length > 0 ? component.copyrights.join('\n') : 'NOASSERTION';
  if (component.description) element.description = component.description;
  const externalRefs: Json[] = [];
  if (component.purl) externalRefs.push({ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: component.purl });
  if (component.cpe) {
    externalRefs.push({ referenceCategory: 'SECURITY', referenceType: component.cpe.startsWith('cpe:2.3:') ? 'cpe23Type' : 'cpe22Type', referenceLocator: component.cpe });
  }
  for (const ref of component.externalReferences) {
    if (ref.type === 'advisory') externalRefs.push({ referenceCategory: 'SECURITY', referenceType: 'advisory', referenceLocator: ref.url });
  }
  if (externalRefs.length > 0) element.externalRefs = externalRefs;
  const annotations = decisionAnnotations(component);
  if (annotations.length > 0) element.annotations = annotations;
  return element;
}

function fileElement(component: ExportComponent, ids: SpdxIds, usedRefs: Set<string>): Json {
  const element: Json = {
    SPDXID: ids.idFor(component.key),
    fileName: component.name,
    checksums: checksums(component),
    licenseConcluded: licenseField(component.concluded, usedRefs),
    copyrightText: component.copyrights.length > 0 ? component.copyrights.join('\n') : 'NOASSERTION',
  };
  const inFile = detectedIds(component, usedRefs);
  if (inFile.length > 0) element.licenseInfoInFiles = inFile;
  const annotations = decisionAnnotations(component);
  if (annotations.length > 0) element.annotations = annotations;
  return element;
}

function checksums(component: ExportComponent): Json[] {
  return component.hashes
    .map((hash) => ({ algorithm: hashAlgToSpdx(hash.alg), checksumValue: hash.content.toLowerCase() }))
    .filter((hash) => hash.algorithm !== null);
}

/** An expression as SPDX takes it; LicenseRef- ids it names are remembered so each gets an extracted-text entry. */
function licenseField(expression: string | null, usedRefs: Set<string>): string {
  if (!expression || expression.trim() === '') return 'NOASSERTION';
  for (const id of licenseIds(expression)) if (id.startsWith('LicenseRef-')) usedRefs.add(id);
  return expression.trim();
}

/** Declared: the SPDX expression; a license known only by name becomes a LicenseRef whose text is that name. */
function declaredField(component: ExportComponent, extracted: Map<string, Json>, usedRefs: Set<string>): string {
  if (component.declared.expression) return licenseField(component.declared.expression, usedRefs);
  const verbatim = component.declared.verbatim?.trim();
  if (!verbatim) return 'NOASSERTION';
  if (SPDX_KEYWORDS.has(verbatim)) return verbatim;
  const ref = licenseRefFor(verbatim);
  if (!extracted.has(ref)) {
    extracted.set(ref, { licenseId: ref, name: verbatim, extractedText: `The package declares its license as: ${verbatim}` });
  }
  return ref;
}

function detectedIds(component: ExportComponent, usedRefs: Set<string>): string[] {
  const found = new Set<string>();
  for (const finding of component.detected) {
    for (const id of licenseIds(finding.license)) {
      if (/^[A-Za-z0-9.+-]+$/.test(id)) found.add(id);
      if (id.startsWith('LicenseRef-')) usedRefs.add(id);
    }
  }
  return [...found].sort();
}

function decisionAnnotations(component: ExportComponent): Json[] {
  return component.decisions.map((decision) => ({
    annotationDate: spdxDate(decision.decidedAt),
    annotationType: 'REVIEW',
    annotator: `Person: ${decision.reviewer}`,
    comment: `Clearance decision ${decision.id}: ${decision.state}${decision.concludedLicense ? `, concluded license ${decision.concludedLicense}` : ''}` +
      `${decision.rationale ? `. Rationale: ${decision.rationale}` : ''}`,
  }));
}

import type { ComponentHash, ExternalReference } from '../../../../../../shared/model/component.js';
import { jsonPointer, type ProblemLog } from '../problems.js';
import { RefRegistry } from '../refs.js';
import type { SbomComponent, SbomDocument, SbomExtractedLicense, SbomLicense, SbomRelationship, SbomSerialisation } from '../types.js';
import { asObject, asObjects, asString, asStrings, unknownFields, type JsonObject } from '../values.js';
import { actorName, componentTypeForPurpose, hashAlgFromSpdx, isNoAssertion, licenseValue } from './spdx-common.js';
import { buildSpdxGraph } from './spdx-graph.js';

const PACKAGE_FIELDS = new Set([
  'SPDXID', 'name', 'versionInfo', 'supplier', 'originator', 'description', 'checksums', 'licenseDeclared',
  'licenseConcluded', 'licenseInfoFromFiles', 'copyrightText', 'externalRefs', 'homepage', 'downloadLocation', 'hasFiles',
]);
const FILE_FIELDS = new Set(['SPDXID', 'fileName', 'checksums', 'licenseConcluded', 'licenseInfoInFiles', 'copyrightText']);
const SNIPPET_FIELDS = new Set(['SPDXID', 'name', 'snippetFromFile', 'licenseConcluded', 'licenseInfoInSnippets', 'copyrightText']);

/** An SPDX 2.x document in its JSON shape (from JSON, YAML, tag-value or XML) to SbomDocument. */
export function readSpdx2(doc: JsonObject, specVersion: string, serialisation: SbomSerialisation, log: ProblemLog): SbomDocument {
  const extractedLicenses = readExtractedLicenses(doc.hasExtractedLicensingInfos);
  const texts = new Map(extractedLicenses.map((license) => [license.id, license]));
  const refs = new RefRegistry(log);
  const components: SbomComponent[] = [];
  const parents = new Map<string, string>();
  asObjects(doc.packages).forEach((raw, index) => {
    const component = readPackage(raw, texts);
    component.ref = refs.claim(component.ref, jsonPointer(['packages', index]));
    for (const file of asStrings(raw.hasFiles)) parents.set(file, component.ref);
    components.push(component);
  });
  asObjects(doc.files).forEach((raw, index) => {
    const component = readFile(raw, texts);
    component.ref = refs.claim(component.ref, jsonPointer(['files', index]));
    component.parentRef = parents.get(component.ref) ?? null;
    components.push(component);
  });
  asObjects(doc.snippets).forEach((raw, index) => {
    const component = readSnippet(raw, texts);
    component.ref = refs.claim(component.ref, jsonPointer(['snippets', index]));
    components.push(component);
  });
  const relationships: SbomRelationship[] = asObjects(doc.relationships).map((relationship) => ({
    from: asString(relationship.spdxElementId) ?? '',
    type: asString(relationship.relationshipType) ?? '',
    to: asString(relationship.relatedSpdxElement) ?? '',
    comment: asString(relationship.comment),
  }));
  const documentId = asString(doc.SPDXID);
  const graph = buildSpdxGraph(components, relationships, documentId, asStrings(doc.documentDescribes), log);
  const creationInfo = asObject(doc.creationInfo) ?? {};
  const creators = asStrings(creationInfo.creators);
  return {
    format: 'spdx',
    specVersion,
    serialisation,
    name: asString(doc.name),
    serialNumber: asString(doc.documentNamespace),
    createdAt: asString(creationInfo.created),
    tools: creators.filter((creator) => creator.startsWith('Tool:')).map((creator) => creator.slice(5).trim()),
    primaryRef: graph.primaryRef,
    components,
    dependencies: graph.dependencies,
    services: [],
    compositions: [],
    annotations: asObjects(doc.annotations),
    vulnerabilities: [],
    extractedLicenses,
    relationships,
    problems: log.problems,
  };
}

function readPackage(raw: JsonObject, texts: Map<string, SbomExtractedLicense>): SbomComponent {
  const externalRefs = asObjects(raw.externalRefs);
  const locator = (type: RegExp): string | null =>
    asString(externalRefs.find((ref) => type.test(asString(ref.referenceType) ?? ''))?.referenceLocator);
  const references: ExternalReference[] = [];
  const homepage = asString(raw.homepage);
  if (homepage && !isNoAssertion(homepage)) references.push({ type: 'website', url: homepage });
  const download = asString(raw.downloadLocation);
  if (download && !isNoAssertion(download)) references.push({ type: 'distribution', url: download });
  for (const ref of externalRefs) {
    const type = asString(ref.referenceType) ?? '';
    const url = asString(ref.referenceLocator);
    if (!url || /^(purl|cpe22Type|cpe23Type|swid)$/.test(type)) continue;
    const comment = asString(ref.comment);
    references.push({ type: type === 'advisory' || type === 'fix' ? type : 'other', url, comment: comment ?? `SPDX externalRef ${asString(ref.referenceCategory) ?? ''} ${type}`.trim() });
  }
  const swidLocator = locator(/^swid$/);
  return {
    ref: asString(raw.SPDXID) ?? '',
    parentRef: null,
    type: componentTypeForPurpose(asString(raw.primaryPackagePurpose)),
    name: asString(raw.name) ?? '',
    group: null,
    version: asString(raw.versionInfo),
    purl: locator(/^purl$/),
    cpe: locator(/^cpe2[23]Type$/),
    swid: swidLocator ? { tagId: swidLocator } : null,
    hashes: readChecksums(raw.checksums),
    supplier: actorName(asString(raw.supplier)),
    author: actorName(asString(raw.originator)),
    publisher: null,
    description: asString(raw.description) ?? asString(raw.summary),
    scope: null,
    licenses: [
      ...licenseEntry(asString(raw.licenseDeclared), 'declared', texts),
      ...licenseEntry(asString(raw.licenseConcluded), 'concluded', texts),
    ],
    copyright: copyrightValue(raw.copyrightText),
    externalReferences: references,
    evidence: evidenceFrom(asStrings(raw.licenseInfoFromFiles), texts),
    properties: [],
    spdxElementType: 'Package',
    extra: unknownFields(raw, PACKAGE_FIELDS),
  };
}

function readFile(raw: JsonObject, texts: Map<string, SbomExtractedLicense>): SbomComponent {
  return {
    ...emptyElement(asString(raw.SPDXID) ?? '', asString(raw.fileName) ?? '', 'File'),
    hashes: readChecksums(raw.checksums),
    licenses: licenseEntry(asString(raw.licenseConcluded), 'concluded', texts),
    copyright: copyrightValue(raw.copyrightText),
    evidence: evidenceFrom(asStrings(raw.licenseInfoInFiles), texts),
    extra: unknownFields(raw, FILE_FIELDS),
  };
}

function readSnippet(raw: JsonObject, texts: Map<string, SbomExtractedLicense>): SbomComponent {
  const from = asString(raw.snippetFromFile);
  return {
    ...emptyElement(asString(raw.SPDXID) ?? '', asString(raw.name) ?? from ?? '', 'Snippet'),
    parentRef: from,
    licenses: licenseEntry(asString(raw.licenseConcluded), 'concluded', texts),
    copyright: copyrightValue(raw.copyrightText),
    evidence: evidenceFrom(asStrings(raw.licenseInfoInSnippets), texts),
    extra: unknownFields(raw, SNIPPET_FIELDS),
  };
}

export function emptyElement(ref: string, name: string, elementType: 'File' | 'Snippet' | 'Package'): SbomComponent {
  return {
    ref, parentRef: null, type: elementType === 'Package' ? 'library' : 'file', name, group: null, version: null,
    purl: null, cpe: null, swid: null, hashes: [], supplier: null, author: null, publisher: null, description: null,
    scope: null, licenses: [], copyright: null, externalReferences: [], evidence: null, properties: [],
    spdxElementType: elementType, extra: {},
  };
}

function readChecksums(value: unknown): ComponentHash[] {
  return asObjects(value)
    .map((checksum) => ({ alg: hashAlgFromSpdx(asString(checksum.algorithm) ?? ''), content: asString(checksum.checksumValue) ?? '' }))
    .filter((hash) => hash.alg !== '' && hash.content !== '');
}

/** One license statement; a lone LicenseRef- gets the document's extracted text and name. */
export function licenseEntry(
  value: string | null,
  acknowledgement: 'declared' | 'concluded',
  texts: Map<string, SbomExtractedLicense>,
): SbomLicense[] {
  const expression = licenseValue(value);
  if (expression === null) return [];
  const extracted = texts.get(expression);
  return [{ expression, name: extracted?.name ?? null, text: extracted?.text ?? null, url: extracted?.urls[0] ?? null, acknowledgement }];
}

export function evidenceFrom(values: string[], texts: Map<string, SbomExtractedLicense>): SbomComponent['evidence'] {
  const licenses = values.flatMap((value) => licenseEntry(value, 'concluded', texts)).map((license) => ({ ...license, acknowledgement: null }));
  return licenses.length > 0 ? { licenses, copyrights: [], occurrences: [] } : null;
}

function copyrightValue(value: unknown): string | null {
  const text = asString(value);
  return text === null || isNoAssertion(text) ? null : text;
}

function readExtractedLicenses(value: unknown): SbomExtractedLicense[] {
  return asObjects(value)
    .filter((entry) => asString(entry.licenseId) !== null)
    .map((entry) => ({
      id: asString(entry.licenseId)!,
      name: asString(entry.name),
      text: asString(entry.extractedText) ?? '',
      urls: asStrings(entry.seeAlsos),
    }));
}


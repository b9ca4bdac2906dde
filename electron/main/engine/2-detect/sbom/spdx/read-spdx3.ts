import type { ComponentHash, ExternalReference } from '../../../../../../shared/model/component.js';
import type { ProblemLog } from '../problems.js';
import { RefRegistry } from '../refs.js';
import type {
  SbomComponent,
  SbomDocument,
  SbomExtractedLicense,
  SbomLicense,
  SbomRelationship,
  SbomVulnerability,
} from '../types.js';
import { asArray, asObject, asObjects, asString, asStrings, isObject, unknownFields, type JsonObject } from '../values.js';
import { emptyElement } from './read-spdx2.js';
import { actorName, componentTypeForPurpose, hashAlgFromSpdx3, licenseValue } from './spdx-common.js';
import { buildSpdxGraph } from './spdx-graph.js';

const PACKAGE_TYPES = new Set(['software_Package', 'ai_AIPackage', 'dataset_DatasetPackage']);
const ELEMENT_FIELDS = new Set([
  'type', 'spdxId', 'name', 'software_packageVersion', 'software_packageUrl', 'verifiedUsing', 'suppliedBy',
  'originatedBy', 'description', 'summary', 'software_copyrightText', 'software_homePage', 'software_downloadLocation',
  'externalRef', 'externalIdentifier', 'software_primaryPurpose', 'snippetFromFile', 'software_snippetFromFile',
]);
/** SPDX 3 relationship types (camelCase vocabulary) onto the SPDX 2 names the graph builder knows. */
const RELATIONSHIP_TYPES: Record<string, string> = {
  dependsOn: 'DEPENDS_ON', contains: 'CONTAINS', hasStaticLink: 'STATIC_LINK', hasDynamicLink: 'DYNAMIC_LINK',
  hasPrerequisite: 'HAS_PREREQUISITE', describes: 'DESCRIBES',
};
const VEX_STATES: Record<string, string> = {
  security_VexAffectedVulnAssessmentRelationship: 'exploitable',
  security_VexNotAffectedVulnAssessmentRelationship: 'not_affected',
  security_VexFixedVulnAssessmentRelationship: 'resolved',
  security_VexUnderInvestigationVulnAssessmentRelationship: 'in_triage',
};
const VEX_JUSTIFICATIONS: Record<string, string> = {
  componentNotPresent: 'code_not_present',
  vulnerableCodeNotPresent: 'code_not_present',
  vulnerableCodeNotInExecutePath: 'code_not_reachable',
  vulnerableCodeCannotBeControlledByAdversary: 'requires_environment',
  inlineMitigationsAlreadyExist: 'protected_by_mitigating_control',
};

/** SPDX 3 JSON-LD (compacted with the official context, as the spec serialises it) to SbomDocument. */
export function readSpdx3(doc: JsonObject, specVersion: string, log: ProblemLog): SbomDocument {
  const elements = collectElements(doc);
  const byId = new Map<string, JsonObject>();
  for (const element of elements) {
    const id = asString(element.spdxId) ?? asString(element['@id']);
    if (id) byId.set(id, element);
  }
  const agentName = (id: unknown): string | null => {
    const agent = typeof id === 'string' ? byId.get(id) : asObject(id);
    return agent ? asString(agent.name) : actorName(asString(id));
  };

  const relationships: SbomRelationship[] = [];
  const licenseLinks = new Map<string, { declared: string[]; concluded: string[] }>();
  for (const element of elements) {
    const type = asString(element.type) ?? '';
    if (!type.endsWith('Relationship') || type.startsWith('security_')) continue;
    const from = asString(element.from) ?? '';
    const relationshipType = asString(element.relationshipType) ?? '';
    for (const to of asArray(element.to).map((target) => asString(target) ?? asString(asObject(target)?.spdxId) ?? '')) {
      relationships.push({ from, type: relationshipType, to, comment: asString(element.comment) });
      if (relationshipType === 'hasDeclaredLicense' || relationshipType === 'hasConcludedLicense') {
        const links = licenseLinks.get(from) ?? { declared: [], concluded: [] };
        links[relationshipType === 'hasDeclaredLicense' ? 'declared' : 'concluded'].push(to);
        licenseLinks.set(from, links);
      }
    }
  }

  const extractedLicenses: SbomExtractedLicense[] = elements
    .filter((element) => element.type === 'expandedlicensing_CustomLicense')
    .map((element) => ({
      id: licenseIdOf(asString(element.spdxId) ?? ''),
      name: asString(element.name),
      text: asString(element.simplelicensing_licenseText) ?? '',
      urls: asStrings(element.expandedlicensing_seeAlso),
    }));
  const licensesOf = (id: string, kind: 'declared' | 'concluded'): SbomLicense[] =>
    (licenseLinks.get(id)?.[kind] ?? []).flatMap((target) => licenseFromElement(target, byId, kind));

  const refs = new RefRegistry(log);
  const components: SbomComponent[] = [];
  elements.forEach((element, index) => {
    const type = asString(element.type) ?? '';
    const elementType = PACKAGE_TYPES.has(type) ? 'Package' : type === 'software_File' ? 'File' : type === 'software_Snippet' ? 'Snippet' : null;
    if (!elementType) return;
    const id = asString(element.spdxId) ?? `_:element${index}`;
    const component = readElement(element, id, elementType, agentName);
    component.licenses = [...licensesOf(id, 'declared'), ...licensesOf(id, 'concluded')];
    component.ref = refs.claim(id, `/@graph/${index}`);
    components.push(component);
  });

  const document = elements.find((element) => element.type === 'SpdxDocument');
  const roots = asStrings(document?.rootElement).flatMap((root) => {
    const target = byId.get(root);
    return target && target.type === 'software_Sbom' ? asStrings(target.rootElement) : [root];
  });
  const graph = buildSpdxGraph(
    components,
    relationships,
    asString(document?.spdxId),
    roots,
    log,
    (type) => RELATIONSHIP_TYPES[type] ?? type,
  );
  const creation = elements.find((element) => element.type === 'CreationInfo');
  return {
    format: 'spdx',
    specVersion,
    serialisation: 'json-ld',
    name: asString(document?.name),
    serialNumber: asString(document?.spdxId),
    createdAt: asString(creation?.created),
    tools: asArray(creation?.createdUsing).map(agentName).filter((name): name is string => name !== null),
    primaryRef: graph.primaryRef,
    components,
    dependencies: graph.dependencies,
    services: [],
    compositions: [],
    annotations: elements.filter((element) => element.type === 'Annotation'),
    vulnerabilities: readVulnerabilities(elements),
    extractedLicenses,
    relationships,
    problems: log.problems,
  };
}

/** The @graph elements, plus elements written inline as values (JSON-LD allows either). */
function collectElements(doc: JsonObject): JsonObject[] {
  const top = Array.isArray(doc['@graph']) ? asObjects(doc['@graph']) : [doc];
  const found: JsonObject[] = [];
  const stack = [...top].reverse();
  while (stack.length > 0) {
    const element = stack.pop()!;
    found.push(element);
    for (const [key, value] of Object.entries(element)) {
      if (key === '@context') continue;
      for (const item of Array.isArray(value) ? value : [value]) {
        if (isObject(item) && typeof item.type === 'string' && (item.spdxId !== undefined || item['@id'] !== undefined)) stack.push(item);
      }
    }
  }
  return found;
}

function readElement(
  element: JsonObject,
  id: string,
  elementType: 'Package' | 'File' | 'Snippet',
  agentName: (id: unknown) => string | null,
): SbomComponent {
  const identifiers = asObjects(element.externalIdentifier);
  const identifier = (...types: string[]): string | null =>
    asString(identifiers.find((entry) => types.includes(asString(entry.externalIdentifierType) ?? ''))?.identifier);
  const references: ExternalReference[] = [];
  const homepage = asString(element.software_homePage);
  if (homepage) references.push({ type: 'website', url: homepage });
  const download = asString(element.software_downloadLocation);
  if (download && download !== 'NOASSERTION' && download !== 'NONE') references.push({ type: 'distribution', url: download });
  for (const ref of asObjects(element.externalRef)) {
    for (const locator of asStrings(ref.locator)) {
      references.push({ type: 'other', url: locator, comment: `SPDX externalRef ${asString(ref.externalRefType) ?? ''}`.trim() });
    }
  }
  const copyright = asString(element.software_copyrightText);
  const authors = asArray(element.originatedBy).map(agentName).filter((name): name is string => name !== null);
  return {
    ...emptyElement(id, asString(element.name) ?? '', elementType),
    type: elementType === 'Package' ? componentTypeForPurpose(asString(element.software_primaryPurpose)) : 'file',
    parentRef: elementType === 'Snippet' ? asString(element.software_snippetFromFile) ?? asString(element.snippetFromFile) : null,
    version: asString(element.software_packageVersion),
    purl: asString(element.software_packageUrl) ?? identifier('packageUrl'),
    cpe: identifier('cpe23', 'cpe22'),
    hashes: readHashes(element.verifiedUsing),
    supplier: agentName(element.suppliedBy),
    author: authors.length > 0 ? authors.join(', ') : null,
    description: asString(element.description) ?? asString(element.summary),
    copyright: copyright === 'NOASSERTION' || copyright === 'NONE' ? null : copyright,
    externalReferences: references,
    extra: unknownFields(element, ELEMENT_FIELDS),
  };
}

function readHashes(value: unknown): ComponentHash[] {
  return asObjects(value)
    .filter((hash) => hash.type === 'Hash')
    .map((hash) => ({ alg: hashAlgFromSpdx3(asString(hash.algorithm) ?? ''), content: asString(hash.hashValue) ?? '' }))
    .filter((hash) => hash.alg !== '' && hash.content !== '');
}

function licenseFromElement(target: string, byId: Map<string, JsonObject>, kind: 'declared' | 'concluded'): SbomLicense[] {
  const element = byId.get(target);
  let expression: string | null;
  let name: string | null = null;
  let text: string | null = null;
  if (!element) expression = licenseIdOf(target);
  else if (element.type === 'simplelicensing_LicenseExpression') expression = asString(element.simplelicensing_licenseExpression);
  else {
    expression = licenseIdOf(asString(element.spdxId) ?? target);
    name = asString(element.name);
    text = asString(element.simplelicensing_licenseText);
  }
  const value = licenseValue(expression);
  return value === null ? [] : [{ expression: value, name, text, url: null, acknowledgement: kind }];
}

/** "https://spdx.org/licenses/MIT" → "MIT"; ".../LicenseRef-x" → "LicenseRef-x"; the NoAssertion/None individuals too. */
function licenseIdOf(iri: string): string {
  if (/\/NoAssertionLicense$/.test(iri)) return 'NOASSERTION';
  if (/\/NoneLicense$/.test(iri)) return 'NONE';
  const listed = /^https?:\/\/spdx\.org\/licenses\/([^/#]+)$/.exec(iri);
  if (listed) return listed[1]!;
  const ref = /(LicenseRef-[A-Za-z0-9.-]+)$/.exec(iri);
  return ref ? ref[1]! : iri;
}

function readVulnerabilities(elements: JsonObject[]): SbomVulnerability[] {
  const vulnerabilities = new Map<string, SbomVulnerability>();
  for (const element of elements) {
    if (element.type !== 'security_Vulnerability') continue;
    const id = asString(element.spdxId) ?? '';
    const identifiers = asObjects(element.externalIdentifier);
    const cve = identifiers.find((entry) => entry.externalIdentifierType === 'cve') ?? identifiers[0];
    vulnerabilities.set(id, {
      id: asString(cve?.identifier) ?? asString(element.name) ?? id,
      source: null,
      ratings: [],
      affects: [],
      analysis: null,
      raw: element,
    });
  }
  for (const element of elements) {
    const type = asString(element.type) ?? '';
    const vulnerability = vulnerabilities.get(asString(element.from) ?? '');
    if (!vulnerability || !type.startsWith('security_')) continue;
    const targets = asStrings(element.to);
    vulnerability.affects.push(...targets.filter((target) => !vulnerability.affects.includes(target)));
    if (type.includes('Cvss')) {
      vulnerability.ratings.push({ score: element.security_score, severity: element.security_severity, vector: element.security_vectorString, method: type.replace(/^security_|VulnAssessmentRelationship$/g, '') });
    }
    const state = VEX_STATES[type];
    if (state) {
      const justification = asString(element.security_justificationType);
      const analysis: JsonObject = { state };
      if (justification) analysis.justification = VEX_JUSTIFICATIONS[justification] ?? justification;
      const detail = asString(element.security_impactStatement) ?? asString(element.security_statusNotes);
      if (detail) analysis.detail = detail;
      const action = asString(element.security_actionStatement);
      if (action) analysis.detail = [analysis.detail, action].filter(Boolean).join('\n');
      vulnerability.analysis = analysis;
    }
  }
  return [...vulnerabilities.values()];
}

import { Enums, Models, type Serialize } from '@cyclonedx/cyclonedx-library';
import { buildTools, organization, person } from './imported-models.js';
import { addServiceXmlExtras } from './service-xml.js';
import { object, objects, text } from './raw.js';
import { childElement, childList, insertInOrder, listElement, textElement, type Element } from './xml-elements.js';

type Raw = Record<string, unknown>;

const STATES = new Set<string>(Object.values(Enums.Vulnerability.AnalysisState));
const JUSTIFICATIONS = new Set<string>(Object.values(Enums.Vulnerability.AnalysisJustification));
const RESPONSES = new Set<string>(Object.values(Enums.Vulnerability.AnalysisResponse));
const SEVERITIES = new Set<string>(Object.values(Enums.Vulnerability.Severity));
const METHODS = new Set<string>(Object.values(Enums.Vulnerability.RatingMethod));
const AFFECT_STATUSES = new Set<string>(Object.values(Enums.Vulnerability.AffectStatus));

/**
 * A vulnerability kept from an imported SBOM (CycloneDX-like raw object) back into the library's model: id, source,
 * references, ratings, CWEs, texts, advisories, dates, credits, the VEX analysis and what it affects (with versions).
 * Affects point at an exported component or service when the ref is one of ours, or stay a BOM-Link. What the model
 * lacks (workaround, proof of concept, rejected, tools, analysis dates) is added from the raw object afterwards:
 * merged into JSON, rendered by vulnerabilityXmlExtras into XML.
 */
export function buildVulnerability(raw: Raw, targets: Map<string, { bomRef: Models.BomRef }>): Models.Vulnerability.Vulnerability | null {
  const id = text(raw.id);
  if (!id) return null;
  const vulnerability = new Models.Vulnerability.Vulnerability({ id, ...(text(raw['bom-ref']) ? { bomRef: text(raw['bom-ref'])! } : {}) });
  const source = object(raw.source);
  if (source) vulnerability.source = sourceOf(source);
  for (const reference of objects(raw.references)) {
    const referenceId = text(reference.id);
    const referenceSource = object(reference.source);
    if (referenceId && referenceSource) vulnerability.references.add(new Models.Vulnerability.Reference(referenceId, sourceOf(referenceSource)));
  }
  for (const rating of objects(raw.ratings)) {
    const severity = text(rating.severity);
    const method = text(rating.method);
    const ratingSource = object(rating.source);
    vulnerability.ratings.add(new Models.Vulnerability.Rating({
      source: ratingSource ? sourceOf(ratingSource) : undefined,
      score: typeof rating.score === 'number' ? rating.score : undefined,
      severity: severity && SEVERITIES.has(severity) ? (severity as Enums.Vulnerability.Severity) : undefined,
      method: method && METHODS.has(method) ? (method as Enums.Vulnerability.RatingMethod) : undefined,
      vector: text(rating.vector) ?? undefined,
      justification: text(rating.justification) ?? undefined,
    }));
  }
  for (const cwe of Array.isArray(raw.cwes) ? raw.cwes : []) {
    if (typeof cwe === 'number' && Number.isInteger(cwe) && cwe > 0) vulnerability.cwes.add(cwe);
  }
  vulnerability.description = text(raw.description) ?? undefined;
  vulnerability.detail = text(raw.detail) ?? undefined;
  vulnerability.recommendation = text(raw.recommendation) ?? undefined;
  for (const advisory of objects(raw.advisories)) {
    const url = text(advisory.url);
    if (url) vulnerability.advisories.add(new Models.Vulnerability.Advisory(url, { title: text(advisory.title) ?? undefined }));
  }
  for (const key of ['created', 'published', 'updated'] as const) {
    const value = text(raw[key]);
    const date = value ? new Date(value) : null;
    if (date && !Number.isNaN(date.getTime())) vulnerability[key] = date;
  }
  const credits = object(raw.credits);
  if (credits) {
    vulnerability.credits = new Models.Vulnerability.Credits();
    for (const entry of objects(credits.organizations)) vulnerability.credits.organizations.add(organization(entry)!);
    for (const entry of objects(credits.individuals)) vulnerability.credits.individuals.add(person(entry));
  }
  const analysis = object(raw.analysis);
  if (analysis) {
    const state = text(analysis.state);
    const justification = text(analysis.justification);
    vulnerability.analysis = new Models.Vulnerability.Analysis({
      state: state && STATES.has(state) ? (state as Enums.Vulnerability.AnalysisState) : undefined,
      justification: justification && JUSTIFICATIONS.has(justification) ? (justification as Enums.Vulnerability.AnalysisJustification) : undefined,
      detail: text(analysis.detail) ?? undefined,
    });
    for (const response of Array.isArray(analysis.response) ? analysis.response : []) {
      if (typeof response === 'string' && RESPONSES.has(response)) vulnerability.analysis.response.add(response as Enums.Vulnerability.AnalysisResponse);
    }
  }
  for (const affect of objects(raw.affects)) {
    const ref = text(affect.ref);
    if (!ref) continue;
    const target = targets.get(ref)?.bomRef ?? (ref.startsWith('urn:cdx:') ? new Models.BomLinkElement(ref) : null);
    if (!target) continue;
    const built = new Models.Vulnerability.Affect(target);
    for (const version of objects(affect.versions)) {
      const status = text(version.status);
      const options = { status: status && AFFECT_STATUSES.has(status) ? (status as Enums.Vulnerability.AffectStatus) : undefined };
      const single = text(version.version);
      const range = text(version.range);
      if (single) built.versions.add(new Models.Vulnerability.AffectedSingleVersion(single, options));
      else if (range) built.versions.add(new Models.Vulnerability.AffectedVersionRange(range, options));
    }
    vulnerability.affects.add(built);
  }
  for (const property of objects(raw.properties)) {
    const name = text(property.name);
    if (name) vulnerability.properties.add(new Models.Property(name, text(property.value) ?? ''));
  }
  return vulnerability;
}

function sourceOf(source: Raw): Models.Vulnerability.Source {
  return new Models.Vulnerability.Source({ name: text(source.name) ?? undefined, url: text(source.url) ?? undefined });
}

/** Vulnerability children in schema order (1.5–1.7), and analysis children. */
const VULNERABILITY_ORDER = [
  'id', 'source', 'references', 'ratings', 'cwes', 'description', 'detail', 'recommendation', 'workaround', 'proofOfConcept',
  'advisories', 'created', 'published', 'updated', 'rejected', 'credits', 'tools', 'analysis', 'affects', 'properties',
];
const ANALYSIS_ORDER = ['state', 'justification', 'responses', 'detail', 'firstIssued', 'lastUpdated'];

/**
 * Adds to a serialized <vulnerability> what the library's vulnerability model lacks: workaround, proofOfConcept,
 * rejected, tools (through the library's component and service models) and the analysis' firstIssued / lastUpdated.
 */
export function addVulnerabilityXmlExtras(element: Element, raw: Raw, factory: Serialize.XML.Normalize.Factory): void {
  const children = childList(element);
  const rawServices = new Map<Models.Service, Raw>();
  const tools = buildTools(raw.tools, rawServices);
  if (tools) {
    const toolsElement = factory.makeForTools().normalize(tools, {}, 'tools');
    addServiceXmlExtras(toolsElement, tools.services, rawServices, factory.spec.version);
    insertInOrder(children, VULNERABILITY_ORDER, toolsElement);
  }
  const workaround = text(raw.workaround);
  if (workaround) insertInOrder(children, VULNERABILITY_ORDER, textElement('workaround', workaround));
  const proof = object(raw.proofOfConcept);
  if (proof) {
    const parts: Element[] = [];
    for (const key of ['reproductionSteps', 'environment'] as const) if (text(proof[key])) parts.push(textElement(key, text(proof[key])!));
    const materials = objects(proof.supportingMaterial).filter((material) => text(material.content) !== null);
    if (materials.length > 0) {
      parts.push(listElement('supportingMaterial', materials.map((material) => {
        const attributes: Record<string, string> = {};
        if (text(material.contentType)) attributes['content-type'] = text(material.contentType)!;
        if (text(material.encoding)) attributes.encoding = text(material.encoding)!;
        return { type: 'element', name: 'attachment', attributes, children: text(material.content)! };
      })));
    }
    if (parts.length > 0) insertInOrder(children, VULNERABILITY_ORDER, listElement('proofOfConcept', parts));
  }
  const rejected = date(raw.rejected);
  if (rejected) insertInOrder(children, VULNERABILITY_ORDER, textElement('rejected', rejected));
  const analysis = object(raw.analysis);
  const analysisElement = childElement(element, 'analysis');
  if (analysis && analysisElement) {
    for (const key of ['firstIssued', 'lastUpdated'] as const) {
      const value = date(analysis[key]);
      if (value) insertInOrder(childList(analysisElement), ANALYSIS_ORDER, textElement(key, value));
    }
  }
}

function date(value: unknown): string | null {
  const written = text(value);
  return written && !Number.isNaN(new Date(written).getTime()) ? written : null;
}

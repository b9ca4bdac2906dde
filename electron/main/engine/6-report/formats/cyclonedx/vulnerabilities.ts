import { Enums, Models } from '@cyclonedx/cyclonedx-library';

type Raw = Record<string, unknown>;

const STATES = new Set<string>(Object.values(Enums.Vulnerability.AnalysisState));
const JUSTIFICATIONS = new Set<string>(Object.values(Enums.Vulnerability.AnalysisJustification));
const RESPONSES = new Set<string>(Object.values(Enums.Vulnerability.AnalysisResponse));
const SEVERITIES = new Set<string>(Object.values(Enums.Vulnerability.Severity));
const METHODS = new Set<string>(Object.values(Enums.Vulnerability.RatingMethod));

/**
 * A vulnerability kept from an imported SBOM (CycloneDX-like raw object) back into the library's model: id, source,
 * ratings, CWEs, texts, advisories, dates, the VEX analysis and what it affects. Affects point at the exported
 * component when the ref is one of ours, or stay a BOM-Link to the document they came from.
 */
export function buildVulnerability(raw: Raw, components: Map<string, Models.Component>): Models.Vulnerability.Vulnerability | null {
  const id = text(raw.id);
  if (!id) return null;
  const vulnerability = new Models.Vulnerability.Vulnerability({ id, ...(text(raw['bom-ref']) ? { bomRef: text(raw['bom-ref'])! } : {}) });
  const source = object(raw.source);
  if (source) vulnerability.source = new Models.Vulnerability.Source({ name: text(source.name) ?? undefined, url: text(source.url) ?? undefined });
  for (const rating of objects(raw.ratings)) {
    const severity = text(rating.severity);
    const method = text(rating.method);
    vulnerability.ratings.add(new Models.Vulnerability.Rating({
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
    const component = components.get(ref);
    const target = component ? component.bomRef : ref.startsWith('urn:cdx:') ? new Models.BomLinkElement(ref) : null;
    if (target) vulnerability.affects.add(new Models.Vulnerability.Affect(target));
  }
  for (const property of objects(raw.properties)) {
    const name = text(property.name);
    if (name) vulnerability.properties.add(new Models.Property(name, text(property.value) ?? ''));
  }
  return vulnerability;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function object(value: unknown): Raw | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Raw) : null;
}

function objects(value: unknown): Raw[] {
  return Array.isArray(value) ? value.map(object).filter((item): item is Raw => item !== null) : [];
}

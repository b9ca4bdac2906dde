import { SPDX } from '@cyclonedx/cyclonedx-library';
import type { ExportComponent } from '../../export-model.js';

/** One entry of a CycloneDX license choice, in JSON shape (the XML patcher renders the same entries). */
export type LicenseEntry =
  | { license: { id?: string; name?: string; acknowledgement?: 'declared' | 'concluded'; text?: { content: string; contentType: string } } }
  | { expression: string; acknowledgement?: 'declared' | 'concluded'; expressionDetails?: { licenseIdentifier: string; text: { content: string; contentType: string } }[] };

export interface LicensePlan {
  licenses: LicenseEntry[];
  /** What could not be placed in `licenses` (1.5/1.6 allow one expression OR license objects): kept as properties. */
  properties: { name: string; value: string }[];
}

const SINGLE_ID = /^[A-Za-z0-9.+-]+$/;

/**
 * The component's `licenses`: declared (acknowledgement "declared") and concluded by a decision ("concluded").
 * 1.7 takes any mix; 1.5/1.6 take either license objects or exactly one expression, so when a compound expression
 * must share the list, the concluded one stays and the other is written as a `clearance:` property.
 */
export function planLicenses(component: ExportComponent, spec: string): LicensePlan {
  const texts = new Map(component.licenseTexts.map((entry) => [entry.id, entry]));
  const entries: { entry: LicenseEntry; compound: boolean; acknowledgement: 'declared' | 'concluded'; value: string }[] = [];
  const declared = component.declared.expression ?? component.declared.verbatim;
  if (declared) {
    const entry = component.declared.expression
      ? entryFor(component.declared.expression, 'declared', texts, spec)
      : { license: { name: declared, acknowledgement: 'declared' as const } };
    entries.push({ entry, compound: 'expression' in entry, acknowledgement: 'declared', value: declared });
  }
  if (component.concluded && component.concluded !== 'NOASSERTION') {
    const entry = entryFor(component.concluded, 'concluded', texts, spec);
    entries.push({ entry, compound: 'expression' in entry, acknowledgement: 'concluded', value: component.concluded });
  }
  if (spec === '1.7' || entries.length <= 1 || (spec !== '1.5' && !entries.some((item) => item.compound))) {
    return { licenses: entries.map((item) => withoutAcknowledgement(item.entry, spec)), properties: [] };
  }
  // 1.5 has no acknowledgement at all, so only one of the two can be told apart: the concluded one.
  const kept = entries.find((item) => item.acknowledgement === 'concluded') ?? entries[0]!;
  const entry = withoutAcknowledgement(kept.entry, spec);
  return {
    licenses: [entry],
    properties: entries
      .filter((item) => item !== kept)
      .map((item) => ({ name: `clearance:${item.acknowledgement}License`, value: item.value })),
  };
}

function withoutAcknowledgement(entry: LicenseEntry, spec: string): LicenseEntry {
  if (spec !== '1.5') return entry;
  if ('expression' in entry) return { expression: entry.expression };
  const { acknowledgement: _dropped, ...license } = entry.license;
  return { license };
}

function entryFor(
  expression: string,
  acknowledgement: 'declared' | 'concluded',
  texts: Map<string, { id: string; name: string | null; text: string }>,
  spec: string,
): LicenseEntry {
  const trimmed = expression.trim();
  if (SINGLE_ID.test(trimmed)) {
    const text = texts.get(trimmed);
    if (SPDX.isSupportedSpdxId(trimmed)) return { license: { id: trimmed, acknowledgement } };
    if (text) {
      return { license: { name: trimmed, acknowledgement, text: { content: text.text, contentType: 'text/plain' } } };
    }
  }
  const entry: LicenseEntry = { expression: trimmed, acknowledgement };
  if (spec === '1.7') {
    const details = [...texts.values()]
      .filter((text) => new RegExp(`(^|[\\s(])${escapeRegExp(text.id)}($|[\\s)])`).test(trimmed))
      .map((text) => ({ licenseIdentifier: text.id, text: { content: text.text, contentType: 'text/plain' } }));
    if (details.length > 0) entry.expressionDetails = details;
  }
  return entry;
}

/** Detected licenses as evidence: distinct; license objects where possible (a compound one is named, not parsed). */
export function planEvidenceLicenses(component: ExportComponent): LicenseEntry[] {
  const distinct = [...new Set(component.detected.map((finding) => finding.license.trim()).filter((license) => license !== ''))];
  return distinct.map((license) =>
    SINGLE_ID.test(license) && SPDX.isSupportedSpdxId(license) ? { license: { id: license } } : { license: { name: license } },
  );
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

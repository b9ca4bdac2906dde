import type { Models } from '@cyclonedx/cyclonedx-library';
import { cycloneDxJsonCheck } from '../../../2-detect/sbom/json-schema.js';
import { appendChecked, dropMalformedValues, mergeExtras, type ExtraTarget } from '../merge-extras.js';
import type { BuiltBom } from './build-bom.js';

type Json = Record<string, unknown>;

/** What the writer adds to the library's output: per component, per imported service and vulnerability, per bom. */
export interface BomPatches extends Pick<BuiltBom, 'bom' | 'patches' | 'annotations' | 'rawServices' | 'rawVulnerabilities'> {
  /** Imported compositions and annotations (JSON shape, refs already the export's). */
  compositions: Json[];
  importedAnnotations: Json[];
}

/**
 * Adds what the library cannot model to its normalized JSON: license choices, evidence, decision annotations,
 * component extras; the imported services' and vulnerabilities' other fields, compositions and annotations. Every
 * addition is checked against the target version's schema and taken out again where it does not fit.
 */
export function patchCycloneDxJson(bom: Json, built: BomPatches, spec: string): void {
  const { patches, annotations } = built;
  removeUndefined(bom);
  const located = locateComponents(bom);
  for (const { component } of located) {
    const patch = patches.get(String(component['bom-ref']));
    if (!patch) continue;
    if (patch.licenses.length > 0) component.licenses = patch.licenses;
    else delete component.licenses;
    const evidence = (component.evidence ??= {}) as Json;
    if (patch.evidenceLicenses.length > 0) evidence.licenses = patch.evidenceLicenses;
    if (patch.occurrences.length > 0) evidence.occurrences = patch.occurrences.map((location) => ({ location }));
    if (Object.keys(evidence).length === 0) delete component.evidence;
  }
  if (annotations.length > 0) {
    bom.annotations = annotations.map((annotation) => ({
      subjects: [annotation.subject],
      annotator: { individual: { name: annotation.annotator } },
      timestamp: annotation.timestamp,
      text: annotation.text,
    }));
  }
  const check = cycloneDxJsonCheck(spec);
  const targets: ExtraTarget[] = located.map(({ component, pointer }) => ({
    object: component,
    pointer,
    extra: patches.get(String(component['bom-ref']))?.extra ?? null,
  }));
  pairServices(built.bom.services, bom.services, '/services', built.rawServices, targets);
  const vulnerabilities = Array.isArray(bom.vulnerabilities) ? (bom.vulnerabilities as Json[]) : [];
  [...built.bom.vulnerabilities].forEach((model, index) => {
    const object = vulnerabilities[index];
    if (object) targets.push({ object, pointer: `/vulnerabilities/${index}`, extra: built.rawVulnerabilities.get(model) ?? null });
  });
  // First, so that the merge's own check does not see (and take everything out for) a library-written value.
  dropMalformedValues(bom, IMPORTED_SECTIONS, check);
  mergeExtras(bom, targets, check);
  appendChecked(bom, 'compositions', built.compositions, check);
  appendChecked(bom, 'annotations', built.importedAnnotations, check);
}

/** The imported sections the library writes from models: a malformed value there is left out (dropMalformedValues). */
const IMPORTED_SECTIONS = /^\/(services|vulnerabilities)\//;

/** The normalized services beside their models (the serializer keeps the models' order), nested ones included. */
function pairServices(models: Iterable<Models.Service>, normalized: unknown, pointer: string, raws: Map<Models.Service, Json>, into: ExtraTarget[]): void {
  if (!Array.isArray(normalized)) return;
  [...models].forEach((model, index) => {
    const object = normalized[index] as Json | undefined;
    if (!object) return;
    into.push({ object, pointer: `${pointer}/${index}`, extra: raws.get(model) ?? null });
    pairServices(model.services, object.services, `${pointer}/${index}/services`, raws, into);
  });
}

/**
 * The normalizers leave `key: undefined` for absent fields; stringify drops them, but the schema check sees the key
 * (an "unknown property" where the version lacks the field), so they go before anything is checked.
 */
function removeUndefined(value: unknown): void {
  const stack = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (Array.isArray(item)) stack.push(...(item as unknown[]));
    else if (typeof item === 'object' && item !== null) {
      for (const [key, child] of Object.entries(item)) {
        if (child === undefined) delete (item as Json)[key];
        else stack.push(child);
      }
    }
  }
}

/** Every component of the document, nested ones included, with its JSON pointer. */
function locateComponents(bom: Json): { component: Json; pointer: string }[] {
  const located: { component: Json; pointer: string }[] = [];
  const visit = (component: Json, pointer: string): void => {
    located.push({ component, pointer });
    ((component.components ?? []) as Json[]).forEach((child, index) => visit(child, `${pointer}/components/${index}`));
  };
  const metadata = bom.metadata as Json | undefined;
  if (metadata?.component) visit(metadata.component as Json, '/metadata/component');
  ((bom.components ?? []) as Json[]).forEach((component, index) => visit(component, `/components/${index}`));
  return located;
}

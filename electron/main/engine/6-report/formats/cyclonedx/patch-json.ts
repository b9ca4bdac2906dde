import { cycloneDxJsonCheck } from '../../../2-detect/sbom/json-schema.js';
import { mergeExtras } from '../merge-extras.js';
import type { AnnotationPatch, ComponentPatch } from './build-bom.js';

type Json = Record<string, unknown>;

/** Adds what the library cannot model to its normalized JSON: license choices, evidence, annotations, extras. */
export function patchCycloneDxJson(
  bom: Json,
  patches: Map<string, ComponentPatch>,
  annotations: AnnotationPatch[],
  spec: string,
): void {
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
  mergeExtras(
    bom,
    located.map(({ component, pointer }) => ({ object: component, pointer, extra: patches.get(String(component['bom-ref']))?.extra ?? null })),
    cycloneDxJsonCheck(spec),
  );
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

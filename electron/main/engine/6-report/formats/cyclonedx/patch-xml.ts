import type { Serialize } from '@cyclonedx/cyclonedx-library';
import type { AnnotationPatch, ComponentPatch } from './build-bom.js';
import { addComponentXmlExtras } from './component-xml.js';
import type { LicenseEntry } from './license-choice.js';
import { addDecisionAnnotationsXml } from './sections-xml.js';
import { childList, elementsNamed, insertInOrder, isElement, textElement, type Element, type Node } from './xml-elements.js';

/** Evidence children in schema order (1.5–1.7): occurrences go before licenses and copyright. */
const EVIDENCE_ORDER = ['identity', 'occurrences', 'callstack', 'licenses', 'copyright'];
/** Component children that come after evidence: a new <evidence> goes before the first of them. */
const AFTER_EVIDENCE = ['releaseNotes', 'modelCard', 'data', 'cryptoProperties', 'signature'];

/**
 * The XML counterpart of patch-json for components and decisions: license choices, evidence occurrences,
 * annotations, and (with `extras`) the imported components' unknown fields that have a fixed XML form.
 */
export function patchCycloneDxXml(
  bom: Element,
  patches: Map<string, ComponentPatch>,
  annotations: AnnotationPatch[],
  extras?: { spec: string; factory: Serialize.XML.Normalize.Factory },
): void {
  for (const component of elementsNamed(bom, 'component')) {
    const patch = patches.get(String(component.attributes?.['bom-ref'] ?? ''));
    if (!patch) continue;
    if (extras && patch.extra) addComponentXmlExtras(component, patch.extra, extras.spec, extras.factory);
    const children = childList(component);
    const licenses = children.find((child) => isElement(child, 'licenses')) as Element | undefined;
    if (licenses) licenses.children = patch.licenses.map(licenseElement);
    if (patch.evidenceLicenses.length === 0 && patch.occurrences.length === 0) continue;
    let evidence = children.find((child) => isElement(child, 'evidence')) as Element | undefined;
    if (!evidence) {
      evidence = { type: 'element', name: 'evidence', children: [] };
      const before = children.findIndex((child) => child.type === 'element' && AFTER_EVIDENCE.includes(child.name));
      children.splice(before === -1 ? children.length : before, 0, evidence);
    }
    const evidenceChildren = childList(evidence);
    const evidenceLicenses = evidenceChildren.find((child) => isElement(child, 'licenses')) as Element | undefined;
    if (evidenceLicenses) evidenceLicenses.children = patch.evidenceLicenses.map(licenseElement);
    if (patch.occurrences.length > 0) {
      insertInOrder(evidenceChildren, EVIDENCE_ORDER, {
        type: 'element',
        name: 'occurrences',
        children: patch.occurrences.map((location) => textElement('occurrence', undefined, [textElement('location', location)])),
      });
    }
  }
  addDecisionAnnotationsXml(bom, annotations);
  replaceNonXmlCharacters(bom);
}

/** Characters XML 1.0 cannot carry at all (control characters other than tab, newline, carriage return). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Replaces characters XML 1.0 forbids with U+FFFD, in text and attributes, so an imported value cannot break the XML. */
export function replaceNonXmlCharacters(root: Element): void {
  const stack: Element[] = [root];
  while (stack.length > 0) {
    const element = stack.pop()!;
    for (const [name, value] of Object.entries(element.attributes ?? {})) {
      if (typeof value === 'string') element.attributes![name] = value.replace(NOT_XML, '\uFFFD');
    }
    if (typeof element.children === 'string') element.children = element.children.replace(NOT_XML, '\uFFFD');
    else if (element.children !== undefined && typeof element.children !== 'number') {
      for (const child of element.children as Iterable<Node>) if (child.type === 'element') stack.push(child);
    }
  }
}

function licenseElement(entry: LicenseEntry): Element {
  if ('expression' in entry) {
    return { type: 'element', name: 'expression', attributes: { acknowledgement: entry.acknowledgement }, children: entry.expression };
  }
  const { license } = entry;
  const children: Element[] = [];
  if (license.id) children.push(textElement('id', license.id));
  else children.push(textElement('name', license.name ?? ''));
  if (license.text) {
    children.push({ type: 'element', name: 'text', attributes: { 'content-type': license.text.contentType }, children: license.text.content });
  }
  return { type: 'element', name: 'license', attributes: { acknowledgement: license.acknowledgement }, children };
}

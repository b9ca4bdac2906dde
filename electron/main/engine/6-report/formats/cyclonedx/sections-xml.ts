import { Serialize, type Models, type Spec } from '@cyclonedx/cyclonedx-library';
import type { AnnotationPatch } from './build-bom.js';
import type { BomPatches } from './patch-json.js';
import { buildComponent, buildService, organization, person } from './imported-models.js';
import { addServiceXmlExtras } from './service-xml.js';
import { addVulnerabilityXmlExtras } from './vulnerabilities.js';
import { childList, insertInOrder, isElement, listElement, refElement, textElement, type Element } from './xml-elements.js';

type Json = Record<string, unknown>;
type SpecProtocol = NonNullable<(typeof Spec.SpecVersionDict)[keyof typeof Spec.SpecVersionDict]>;

/** Children of <bom> in schema order (1.5–1.7). */
const BOM_ORDER = [
  'metadata', 'components', 'services', 'externalReferences', 'dependencies', 'compositions', 'properties',
  'vulnerabilities', 'annotations', 'formulation', 'declarations', 'definitions', 'citations',
];

/** Decision annotations: always written (they are ours). */
export function addDecisionAnnotationsXml(bom: Element, annotations: AnnotationPatch[]): void {
  if (annotations.length === 0) return;
  annotationsElement(bom).children = [
    ...childList(annotationsElement(bom)),
    ...annotations.map((annotation) =>
      listElement('annotation', [
        listElement('subjects', [refElement('subject', annotation.subject)]),
        listElement('annotator', [listElement('individual', [textElement('name', annotation.annotator)])]),
        textElement('timestamp', annotation.timestamp),
        textElement('text', annotation.text),
      ]),
    ),
  ];
}

/**
 * The XML counterpart of the imported sections in patch-json: the services' and vulnerabilities' fields the library
 * does not write, compositions, and imported annotations whose annotator is an organization or an individual.
 */
export function addImportedSectionsXml(bom: Element, built: BomPatches, spec: SpecProtocol): void {
  const services = childList(bom).find((child): child is Element => isElement(child, 'services'));
  if (services) addServiceXmlExtras(services, built.bom.services, built.rawServices, spec.version);
  const factory = new Serialize.XML.Normalize.Factory(spec);
  const vulnerabilities = childList(bom).find((child): child is Element => isElement(child, 'vulnerabilities'));
  if (vulnerabilities) {
    const elements = childList(vulnerabilities).filter((child): child is Element => isElement(child, 'vulnerability'));
    [...built.bom.vulnerabilities].forEach((model, index) => {
      const raw = built.rawVulnerabilities.get(model);
      if (raw && elements[index]) addVulnerabilityXmlExtras(elements[index], raw, factory);
    });
  }
  const compositions = built.compositions.map(compositionElement).filter((element): element is Element => element !== null);
  if (compositions.length > 0) insertInOrder(childList(bom), BOM_ORDER, listElement('compositions', compositions));
  const annotations = built.importedAnnotations.map((raw) => annotationElement(raw, factory)).filter((element): element is Element => element !== null);
  if (annotations.length > 0) annotationsElement(bom).children = [...childList(annotationsElement(bom)), ...annotations];
}

function annotationsElement(bom: Element): Element {
  const children = childList(bom);
  let element = children.find((child): child is Element => isElement(child, 'annotations'));
  if (!element) {
    element = listElement('annotations', []);
    insertInOrder(children, BOM_ORDER, element);
  }
  return element;
}

function compositionElement(raw: Json): Element | null {
  const aggregate = typeof raw.aggregate === 'string' ? raw.aggregate : null;
  if (!aggregate) return null;
  const children: Element[] = [textElement('aggregate', aggregate)];
  for (const [list, item] of [['assemblies', 'assembly'], ['dependencies', 'dependency'], ['vulnerabilities', 'vulnerability']] as const) {
    const refs = Array.isArray(raw[list]) ? (raw[list] as unknown[]).filter((ref): ref is string => typeof ref === 'string') : [];
    if (refs.length > 0) children.push(listElement(list, refs.map((ref) => refElement(item, ref))));
  }
  return listElement('composition', children, typeof raw['bom-ref'] === 'string' ? { 'bom-ref': raw['bom-ref'] } : undefined);
}

/** Null without subjects, timestamp, text or an annotator. */
function annotationElement(raw: Json, factory: Serialize.XML.Normalize.Factory): Element | null {
  const subjects = Array.isArray(raw.subjects) ? (raw.subjects as unknown[]).filter((ref): ref is string => typeof ref === 'string') : [];
  const timestamp = typeof raw.timestamp === 'string' ? raw.timestamp : null;
  const text = typeof raw.text === 'string' ? raw.text : null;
  const who = annotatorElement(raw.annotator, factory);
  if (subjects.length === 0 || !timestamp || text === null || !who) return null;
  return listElement(
    'annotation',
    [
      listElement('subjects', subjects.map((ref) => refElement('subject', ref))),
      listElement('annotator', [who]),
      textElement('timestamp', timestamp),
      textElement('text', text),
    ],
    typeof raw['bom-ref'] === 'string' ? { 'bom-ref': raw['bom-ref'] } : undefined,
  );
}

/** The annotator through the library's normalizers: an organization, an individual, a component or a service. */
function annotatorElement(value: unknown, factory: Serialize.XML.Normalize.Factory): Element | null {
  const annotator = typeof value === 'object' && value !== null ? (value as Json) : {};
  const entity = organization(annotator.organization);
  if (entity) return factory.makeForOrganizationalEntity().normalize(entity, {}, 'organization');
  if (typeof annotator.individual === 'object' && annotator.individual !== null) {
    return factory.makeForOrganizationalContact().normalize(person(annotator.individual as Json), {}, 'individual');
  }
  const component = typeof annotator.component === 'object' && annotator.component !== null ? buildComponent(annotator.component as Json) : null;
  if (component) return factory.makeForComponent().normalize(component, {}, 'component') ?? null;
  const raws = new Map<Models.Service, Json>();
  const service = typeof annotator.service === 'object' && annotator.service !== null ? buildService(annotator.service as Json, raws) : null;
  if (!service) return null;
  const wrapper = listElement('annotator', [factory.makeForService().normalize(service, {}, 'service')]);
  addServiceXmlExtras(wrapper, [service], raws, factory.spec.version);
  return childList(wrapper)[0] as Element;
}

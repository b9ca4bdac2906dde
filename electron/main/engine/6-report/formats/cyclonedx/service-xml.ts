import type { Models, Serialize } from '@cyclonedx/cyclonedx-library';
import { booleanElement, childList, insertInOrder, isElement, listElement, textElement } from './xml-elements.js';
import { objects, strings, text } from './raw.js';

type Json = Record<string, unknown>;
type Element = Serialize.XML.Types.SimpleXml.Element;

/**
 * Adds the fields the library does not write to each <service> child of `wrapper` (a <services> element, or any
 * element holding <service>s), pairing them with their models in order (the serializer keeps it), nested ones too.
 */
export function addServiceXmlExtras(wrapper: Element, models: Iterable<Models.Service>, raws: Map<Models.Service, Json>, spec: string): void {
  const servicesElement = isElement(wrapper, 'tools') ? childList(wrapper).find((child): child is Element => isElement(child, 'services')) : wrapper;
  if (!servicesElement) return;
  const elements = childList(servicesElement).filter((child): child is Element => isElement(child, 'service'));
  [...models].forEach((model, index) => {
    const element = elements[index];
    const raw = raws.get(model);
    if (!element || !raw) return;
    const children = childList(element);
    for (const extra of serviceXmlExtras(raw, spec)) insertInOrder(children, SERVICE_ORDER, extra);
    const nested = children.find((child): child is Element => isElement(child, 'services'));
    if (nested) addServiceXmlExtras(nested, model.services, raws, spec);
  });
}

/** Service children in schema order (1.5–1.7), to place the ones the library does not write. */
export const SERVICE_ORDER = [
  'provider', 'group', 'name', 'version', 'description', 'endpoints', 'authenticated', 'x-trust-boundary', 'trustZone',
  'data', 'licenses', 'patentAssertions', 'externalReferences', 'properties', 'services', 'releaseNotes', 'tags',
];

/**
 * The XML elements for a service's fields the library does not model: endpoints, authenticated, x-trust-boundary,
 * trustZone, data (classifications, or data flows with name, description, source and destination), tags (1.6+).
 * Not rendered (JSON keeps them): data-flow governance, releaseNotes, patentAssertions, signature.
 */
export function serviceXmlExtras(raw: Json, spec: string): Element[] {
  const elements: Element[] = [];
  const endpoints = strings(raw.endpoints);
  if (endpoints.length > 0) elements.push(listElement('endpoints', endpoints.map((endpoint) => textElement('endpoint', endpoint))));
  if (typeof raw.authenticated === 'boolean') elements.push(booleanElement('authenticated', raw.authenticated));
  if (typeof raw['x-trust-boundary'] === 'boolean') elements.push(booleanElement('x-trust-boundary', raw['x-trust-boundary']));
  const zone = text(raw.trustZone);
  if (zone) elements.push(textElement('trustZone', zone));
  const data = dataElement(objects(raw.data));
  if (data) elements.push(data);
  const tags = strings(raw.tags);
  if (tags.length > 0 && spec !== '1.5') elements.push(listElement('tags', tags.map((tag) => textElement('tag', tag))));
  return elements;
}

function dataElement(flows: Json[]): Element | null {
  const usable = flows.filter((flow) => text(flow.flow) !== null);
  if (usable.length === 0) return null;
  const classification = (flow: Json): Element => ({
    type: 'element',
    name: 'classification',
    attributes: { flow: text(flow.flow)! },
    children: text(flow.classification) ?? '',
  });
  // The 1.2–1.4 form while it says everything; the 1.5+ data-flow form when a flow has more than a classification.
  const simple = usable.every((flow) => Object.keys(flow).every((key) => key === 'flow' || key === 'classification'));
  if (simple) return listElement('data', usable.map(classification));
  return listElement(
    'data',
    usable.map((flow) => {
      const children: Element[] = [classification(flow)];
      for (const end of ['source', 'destination'] as const) {
        const urls = strings(flow[end]);
        if (urls.length > 0) children.push(listElement(end, urls.map((url) => textElement('url', url))));
      }
      const attributes: Record<string, string> = {};
      for (const key of ['name', 'description'] as const) if (text(flow[key])) attributes[key] = text(flow[key])!;
      return { type: 'element', name: 'dataflow', attributes, children };
    }),
  );
}

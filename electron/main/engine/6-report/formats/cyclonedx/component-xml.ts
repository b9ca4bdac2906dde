import type { Serialize } from '@cyclonedx/cyclonedx-library';
import { organization, person } from './imported-models.js';
import { object, strings, text } from './raw.js';
import { booleanElement, childList, insertInOrder, listElement, textElement, type Element } from './xml-elements.js';

type Json = Record<string, unknown>;

/** Component children in schema order (the union of 1.5–1.7; a version only has some of them). */
const COMPONENT_ORDER = [
  'supplier', 'manufacturer', 'authors', 'author', 'publisher', 'group', 'name', 'version', 'versionRange', 'description',
  'scope', 'hashes', 'licenses', 'copyright', 'patentAssertions', 'cpe', 'purl', 'omniborId', 'swhid', 'swid', 'modified',
  'pedigree', 'externalReferences', 'properties', 'components', 'evidence', 'releaseNotes', 'modelCard', 'data',
  'cryptoProperties', 'tags',
];

/**
 * Unknown fields of an imported component whose XML form is fixed and simple, added to its <component>: the
 * `mime-type` and (1.7) `isExternal` attributes, (1.7) `versionRange`, `modified`; from 1.6 on `manufacturer` and `authors` (through the library's
 * organization and contact normalizers), `omniborId`, `swhid` and `tags`. Everything else in the extra (pedigree,
 * releaseNotes, modelCard, data, cryptoProperties …) stays JSON-only: its XML form differs from the JSON one in ways
 * that cannot be derived from the JSON value alone, and an XML import holds it only in a generic conversion.
 */
export function addComponentXmlExtras(element: Element, extra: Json, spec: string, factory: Serialize.XML.Normalize.Factory): void {
  const mimeType = text(extra['mime-type']);
  if (mimeType) element.attributes = { ...element.attributes, 'mime-type': mimeType };
  const children = childList(element);
  if (spec === '1.7' && typeof extra.isExternal === 'boolean') element.attributes = { ...element.attributes, isExternal: String(extra.isExternal) };
  // 1.7: an external component may name a version range instead of a version (one or the other).
  const versionRange = text(extra.versionRange);
  if (spec === '1.7' && versionRange && !children.some((child) => child.type === 'element' && child.name === 'version')) {
    insertInOrder(children, COMPONENT_ORDER, textElement('versionRange', versionRange));
  }
  if (typeof extra.modified === 'boolean') insertInOrder(children, COMPONENT_ORDER, booleanElement('modified', extra.modified));
  if (spec === '1.5') return;
  const manufacturer = organization(extra.manufacturer);
  if (manufacturer) insertInOrder(children, COMPONENT_ORDER, factory.makeForOrganizationalEntity().normalize(manufacturer, {}, 'manufacturer'));
  const authors = oneOrMany(extra.authors).map(object).filter((author): author is Json => author !== null);
  if (authors.length > 0) {
    insertInOrder(children, COMPONENT_ORDER, listElement('authors', authors.map((author) => factory.makeForOrganizationalContact().normalize(person(author), {}, 'author'))));
  }
  for (const name of ['omniborId', 'swhid'] as const) {
    for (const value of strings(oneOrMany(extra[name])).reverse()) insertAfterSameName(children, textElement(name, value));
  }
  const tags = strings(extra.tags);
  if (tags.length > 0) insertInOrder(children, COMPONENT_ORDER, listElement('tags', tags.map((tag) => textElement('tag', tag))));
}

/** Repeated elements (`<omniborId>` …): insertInOrder places the first, the rest go right before it in reverse. */
function insertAfterSameName(children: ReturnType<typeof childList>, element: Element): void {
  const existing = children.findIndex((child) => child.type === 'element' && child.name === element.name);
  if (existing === -1) insertInOrder(children, COMPONENT_ORDER, element);
  else children.splice(existing, 0, element);
}

/** An XML import holds a single repeated element as a value, several as a list; JSON always has a list. */
function oneOrMany(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

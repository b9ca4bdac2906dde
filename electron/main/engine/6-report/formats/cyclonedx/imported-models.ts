/** Library models from imported CycloneDX objects (JSON shape): services, organizations, people, licenses, tools. */
import { Enums, Models, SPDX } from '@cyclonedx/cyclonedx-library';
import { object, objects, strings, text } from './raw.js';

type Json = Record<string, unknown>;

const EXTERNAL_REFERENCE_TYPES = new Set<string>(Object.values(Enums.ExternalReferenceType));
const ACKNOWLEDGEMENTS = new Set<string>(Object.values(Enums.LicenseAcknowledgement));
const ENCODINGS = new Set<string>(Object.values(Enums.AttachmentEncoding));
const COMPONENT_TYPES = new Set<string>(Object.values(Enums.ComponentType));
const HASH_ALGORITHMS = new Set<string>(Object.values(Enums.HashAlgorithm));

/**
 * An imported service (CycloneDX JSON shape) as the library's model: what the model holds (provider, group, name,
 * version, description, licenses, external references, properties, nested services). The rest (endpoints,
 * authentication, trust boundary and zone, data flows, tags …) is added to the serialized output from the raw
 * object: merged into JSON (patch-json), rendered by serviceXmlExtras (service-xml.ts) into XML. Null without a name
 * (it is required). `built` collects every service made (nested ones too) with its raw object.
 */
export function buildService(raw: Json, built: Map<Models.Service, Json> = new Map()): Models.Service | null {
  const name = text(raw.name);
  if (name === null) return null;
  const service = new Models.Service(name, { bomRef: text(raw['bom-ref']) ?? undefined });
  const provider = organization(raw.provider);
  if (provider) service.provider = provider;
  service.group = text(raw.group) ?? undefined;
  service.version = text(raw.version) ?? undefined;
  service.description = text(raw.description) ?? undefined;
  for (const license of licenseModels(raw.licenses)) service.licenses.add(license);
  for (const reference of externalReferences(raw.externalReferences)) service.externalReferences.add(reference);
  for (const property of properties(raw.properties)) service.properties.add(property);
  for (const child of objects(raw.services)) {
    const nested = buildService(child, built);
    if (nested) service.services.add(nested);
  }
  built.set(service, raw);
  return service;
}

/**
 * A component named inside another object (a vulnerability's tool, an annotator) with the fields the library models;
 * nested components, evidence, pedigree and the like are not carried. Null without a name.
 */
export function buildComponent(raw: Json): Models.Component | null {
  const name = text(raw.name);
  if (name === null) return null;
  const type = text(raw.type);
  const component = new Models.Component((type && COMPONENT_TYPES.has(type) ? type : 'application') as Enums.ComponentType, name, {
    bomRef: text(raw['bom-ref']) ?? undefined,
  });
  component.group = text(raw.group) ?? undefined;
  component.version = text(raw.version) ?? undefined;
  component.description = text(raw.description) ?? undefined;
  component.author = text(raw.author) ?? undefined;
  component.publisher = text(raw.publisher) ?? undefined;
  component.copyright = text(raw.copyright) ?? undefined;
  component.purl = text(raw.purl) ?? undefined;
  component.cpe = text(raw.cpe) ?? undefined;
  component.supplier = organization(raw.supplier) ?? undefined;
  for (const hash of objects(raw.hashes)) {
    const alg = text(hash.alg);
    const content = text(hash.content);
    if (alg && content && HASH_ALGORITHMS.has(alg)) component.hashes.set(alg as Enums.HashAlgorithm, content);
  }
  for (const reference of externalReferences(raw.externalReferences)) component.externalReferences.add(reference);
  for (const license of licenseModels(raw.licenses)) component.licenses.add(license);
  for (const property of properties(raw.properties)) component.properties.add(property);
  return component;
}

/** A vulnerability's `tools`: the 1.5+ object of components and services, or the older list of tools. */
export function buildTools(value: unknown, built: Map<Models.Service, Json>): Models.Tools | null {
  const tools = new Models.Tools();
  if (Array.isArray(value)) {
    for (const raw of objects(value)) {
      const tool = new Models.Tool({ vendor: text(raw.vendor) ?? undefined, name: text(raw.name) ?? undefined, version: text(raw.version) ?? undefined });
      for (const hash of objects(raw.hashes)) {
        const alg = text(hash.alg);
        const content = text(hash.content);
        if (alg && content && HASH_ALGORITHMS.has(alg)) tool.hashes.set(alg as Enums.HashAlgorithm, content);
      }
      tools.tools.add(tool);
    }
  } else {
    const raw = object(value);
    for (const component of objects(raw?.components)) {
      const model = buildComponent(component);
      if (model) tools.components.add(model);
    }
    for (const service of objects(raw?.services)) {
      const model = buildService(service, built);
      if (model) tools.services.add(model);
    }
  }
  return tools.tools.size + tools.components.size + tools.services.size > 0 ? tools : null;
}

/** An organizational entity (provider, credited organization) from its JSON shape; a lone `url` string is accepted. */
export function organization(value: unknown): Models.OrganizationalEntity | null {
  const raw = object(value);
  if (!raw) return null;
  const urls = typeof raw.url === 'string' ? [raw.url] : strings(raw.url);
  const entity = new Models.OrganizationalEntity({ name: text(raw.name) ?? undefined, url: new Set(urls) });
  // An XML import holds a single <contact> as an object.
  const contacts = Array.isArray(raw.contact) ? objects(raw.contact) : object(raw.contact) ? [object(raw.contact)!] : [];
  for (const contact of contacts) entity.contact.add(person(contact));
  return entity;
}

export function person(raw: Json): Models.OrganizationalContact {
  return new Models.OrganizationalContact({
    name: text(raw.name) ?? undefined,
    email: text(raw.email) ?? undefined,
    phone: text(raw.phone) ?? undefined,
  });
}

function externalReferences(value: unknown): Models.ExternalReference[] {
  return objects(value).flatMap((reference) => {
    const url = text(reference.url);
    const type = text(reference.type);
    if (!url) return [];
    return [new Models.ExternalReference(url, (type && EXTERNAL_REFERENCE_TYPES.has(type) ? type : 'other') as Enums.ExternalReferenceType, {
      comment: text(reference.comment) ?? undefined,
    })];
  });
}

function properties(value: unknown): Models.Property[] {
  return objects(value)
    .filter((property) => text(property.name) !== null)
    .map((property) => new Models.Property(text(property.name)!, typeof property.value === 'string' ? property.value : ''));
}

/** A CycloneDX license choice (JSON shape) as library license models. */
export function licenseModels(value: unknown): Models.License[] {
  const licenses: Models.License[] = [];
  for (const entry of objects(value)) {
    const acknowledgement = text(entry.acknowledgement);
    const acknowledged = acknowledgement && ACKNOWLEDGEMENTS.has(acknowledgement) ? (acknowledgement as Enums.LicenseAcknowledgement) : undefined;
    const expression = text(entry.expression);
    if (expression) {
      const model = new Models.LicenseExpression(expression);
      model.acknowledgement = acknowledged;
      licenses.push(model);
      continue;
    }
    const license = object(entry.license);
    if (!license) continue;
    const id = text(license.id);
    const name = text(license.name) ?? id;
    if (!name) continue;
    const body = object(license.text);
    const content = text(body?.content);
    const encoding = text(body?.encoding);
    const options = {
      acknowledgement: acknowledged,
      url: text(license.url) ?? undefined,
      text: content
        ? new Models.Attachment(content, {
            contentType: text(body?.contentType) ?? undefined,
            encoding: encoding && ENCODINGS.has(encoding) ? (encoding as Enums.AttachmentEncoding) : undefined,
          })
        : undefined,
    };
    licenses.push(id && SPDX.isSupportedSpdxId(id) ? new Models.SpdxLicense(id, options) : new Models.NamedLicense(name, options));
  }
  return licenses;
}

import { attr, child, children, elementNames, text, type XmlNode } from '../safe-xml.js';
import type { JsonObject } from '../values.js';

/**
 * CycloneDX XML to the JSON shape of the same spec version, so one reader serves both. Modelled parts are mapped
 * field by field; anything else is converted generically (wrapper lists become arrays) and ends up in `extra`.
 */
export function cycloneDxXmlToJson(root: XmlNode, specVersion: string): JsonObject {
  const bom = rootBom(root);
  const json: JsonObject = { bomFormat: 'CycloneDX', specVersion };
  setIf(json, 'serialNumber', attr(bom, 'serialNumber'));
  const version = attr(bom, 'version');
  if (version !== null && /^\d+$/.test(version)) json.version = Number(version);
  for (const name of elementNames(bom)) {
    const node = child(bom, name)!;
    switch (name) {
      case 'metadata':
        json.metadata = metadata(node);
        break;
      case 'components':
        json.components = children(node, 'component').map(component);
        break;
      case 'dependencies':
        json.dependencies = dependencies(node);
        break;
      case 'vulnerabilities':
        json.vulnerabilities = children(node, 'vulnerability').map(vulnerability);
        break;
      case 'externalReferences':
        json.externalReferences = externalReferences(node);
        break;
      case 'properties':
        json.properties = properties(node);
        break;
      case 'compositions':
        json.compositions = children(node, 'composition').map(composition);
        break;
      case 'services':
        json.services = children(node, 'service').map(service);
        break;
      case 'annotations':
        json.annotations = children(node, 'annotation').map(annotation);
        break;
      default:
        json[name] = generic(children(bom, name), name);
    }
  }
  return json;
}

function rootBom(root: XmlNode): XmlNode {
  for (const name of elementNames(root)) {
    if (name === 'bom' || name.endsWith(':bom')) return child(root, name)!;
  }
  return {};
}

function metadata(node: XmlNode): JsonObject {
  const json: JsonObject = {};
  for (const name of elementNames(node)) {
    const item = child(node, name)!;
    if (name === 'timestamp') setIf(json, 'timestamp', text(item));
    else if (name === 'component') json.component = component(item);
    else if (name === 'tools') json.tools = tools(item);
    else if (name === 'licenses') json.licenses = licenses(item);
    else if (name === 'properties') json.properties = properties(item);
    else json[name] = generic(children(node, name), name);
  }
  return json;
}

function tools(node: XmlNode): unknown {
  // 1.5+ groups tools as components/services; older versions list <tool> elements.
  if (child(node, 'components') || child(node, 'services')) {
    return {
      components: children(child(node, 'components'), 'component').map(component),
      services: children(child(node, 'services'), 'service').map(service),
    };
  }
  return children(node, 'tool').map((tool) => {
    const json = generic([tool], 'tool') as JsonObject;
    const toolHashes = child(tool, 'hashes');
    if (toolHashes) json.hashes = hashes(toolHashes);
    return json;
  });
}

const COMPONENT_TEXT = ['name', 'group', 'version', 'description', 'scope', 'copyright', 'cpe', 'purl', 'author', 'publisher'];

export function component(node: XmlNode): JsonObject {
  const json: JsonObject = {};
  for (const attribute of ['type', 'bom-ref', 'mime-type', 'isExternal']) setIf(json, attribute, attr(node, attribute));
  if (json.isExternal !== undefined) json.isExternal = json.isExternal === 'true';
  for (const name of elementNames(node)) {
    const item = child(node, name)!;
    if (COMPONENT_TEXT.includes(name)) setIf(json, name, text(item));
    else if (name === 'hashes') json.hashes = hashes(item);
    else if (name === 'licenses') json.licenses = licenses(item);
    else if (name === 'externalReferences') json.externalReferences = externalReferences(item);
    else if (name === 'properties') json.properties = properties(item);
    else if (name === 'components') json.components = children(item, 'component').map(component);
    else if (name === 'swid') json.swid = swid(item);
    else if (name === 'evidence') json.evidence = evidence(item);
    else if (name === 'supplier' || name === 'manufacturer') json[name] = organizationalEntity(item);
    else if (name === 'modified') json.modified = text(item) === 'true';
    else if (name === 'omniborId' || name === 'swhid') json[name] = children(node, name).map((entry) => text(entry) ?? '');
    else json[name] = generic(children(node, name), name);
  }
  return json;
}

function hashes(node: XmlNode): JsonObject[] {
  return children(node, 'hash').map((hash) => ({ alg: attr(hash, 'alg') ?? '', content: text(hash) ?? '' }));
}

function licenses(node: XmlNode): JsonObject[] {
  const list: JsonObject[] = [];
  for (const license of children(node, 'license')) {
    const json: JsonObject = {};
    setIf(json, 'bom-ref', attr(license, 'bom-ref'));
    setIf(json, 'id', text(license, 'id'));
    setIf(json, 'name', text(license, 'name'));
    setIf(json, 'acknowledgement', attr(license, 'acknowledgement'));
    setIf(json, 'url', text(license, 'url'));
    const body = child(license, 'text');
    if (body && text(body) !== null) {
      json.text = { content: text(body), contentType: attr(body, 'content-type') ?? 'text/plain' };
      setIf(json.text as JsonObject, 'encoding', attr(body, 'encoding'));
    }
    for (const name of elementNames(license)) {
      if (!['id', 'name', 'url', 'text'].includes(name)) json[name] = generic(children(license, name), name);
    }
    list.push({ license: json });
  }
  for (const expression of children(node, 'expression')) {
    const json: JsonObject = { expression: text(expression) ?? '' };
    setIf(json, 'acknowledgement', attr(expression, 'acknowledgement'));
    setIf(json, 'bom-ref', attr(expression, 'bom-ref'));
    list.push(json);
  }
  return list;
}

function externalReferences(node: XmlNode): JsonObject[] {
  return children(node, 'reference').map((reference) => {
    const json: JsonObject = { type: attr(reference, 'type') ?? 'other', url: text(reference, 'url') ?? '' };
    setIf(json, 'comment', text(reference, 'comment'));
    const referenceHashes = child(reference, 'hashes');
    if (referenceHashes) json.hashes = hashes(referenceHashes);
    return json;
  });
}

function properties(node: XmlNode): JsonObject[] {
  return children(node, 'property').map((property) => ({ name: attr(property, 'name') ?? '', value: text(property) ?? '' }));
}

function swid(node: XmlNode): JsonObject {
  const json: JsonObject = {};
  for (const attribute of ['tagId', 'name', 'version', 'tagVersion']) setIf(json, attribute, attr(node, attribute));
  if (json.tagVersion !== undefined) json.tagVersion = Number(json.tagVersion);
  const patch = attr(node, 'patch');
  if (patch !== null) json.patch = patch === 'true';
  setIf(json, 'url', text(node, 'url'));
  return json;
}

function evidence(node: XmlNode): JsonObject {
  const json: JsonObject = {};
  for (const name of elementNames(node)) {
    const item = child(node, name)!;
    if (name === 'licenses') json.licenses = licenses(item);
    else if (name === 'copyright') json.copyright = children(item, 'text').map((entry) => ({ text: text(entry) ?? '' }));
    else if (name === 'occurrences') {
      json.occurrences = children(item, 'occurrence').map((occurrence) => {
        const entry = generic([occurrence], 'occurrence') as JsonObject;
        if (typeof entry.line === 'string') entry.line = Number(entry.line);
        return entry;
      });
    } else json[name] = generic(children(node, name), name);
  }
  return json;
}

function dependencies(node: XmlNode): JsonObject[] {
  // XML nests <dependency ref="a"><dependency ref="b"/></dependency>; JSON lists refs.
  return children(node, 'dependency').map((dependency) => {
    const json: JsonObject = { ref: attr(dependency, 'ref') ?? '' };
    const dependsOn = children(dependency, 'dependency').map((target) => attr(target, 'ref') ?? '');
    if (dependsOn.length > 0) json.dependsOn = dependsOn;
    const provides = children(dependency, 'provides').map((target) => attr(target, 'ref') ?? '');
    if (provides.length > 0) json.provides = provides;
    return json;
  });
}

function composition(node: XmlNode): JsonObject {
  const json: JsonObject = {};
  setIf(json, 'bom-ref', attr(node, 'bom-ref'));
  setIf(json, 'aggregate', text(node, 'aggregate'));
  for (const [list, item] of [['assemblies', 'assembly'], ['dependencies', 'dependency'], ['vulnerabilities', 'vulnerability']] as const) {
    const wrapper = child(node, list);
    if (wrapper) json[list] = children(wrapper, item).map((entry) => attr(entry, 'ref') ?? '');
  }
  return json;
}

function vulnerability(node: XmlNode): JsonObject {
  const json = generic([node], 'vulnerability') as JsonObject;
  const affects = child(node, 'affects');
  if (affects) {
    json.affects = children(affects, 'target').map((target) => {
      const entry: JsonObject = { ref: text(target, 'ref') ?? '' };
      const versions = child(target, 'versions');
      if (versions) entry.versions = children(versions, 'version').map((version) => generic([version], 'version'));
      return entry;
    });
  }
  const analysis = child(node, 'analysis');
  if (analysis) {
    const entry = generic([analysis], 'analysis') as JsonObject;
    const responses = child(analysis, 'responses');
    if (responses) entry.response = children(responses, 'response').map((response) => text(response) ?? '');
    delete entry.responses;
    json.analysis = entry;
  }
  const ratings = child(node, 'ratings');
  if (ratings) {
    json.ratings = children(ratings, 'rating').map((rating) => {
      const entry = generic([rating], 'rating') as JsonObject;
      if (typeof entry.score === 'string') entry.score = Number(entry.score);
      return entry;
    });
  }
  const cwes = child(node, 'cwes');
  if (cwes) json.cwes = children(cwes, 'cwe').map((cwe) => Number(text(cwe)));
  const props = child(node, 'properties');
  if (props) json.properties = properties(props);
  const proof = child(node, 'proofOfConcept');
  if (proof) {
    const entry: JsonObject = {};
    setIf(entry, 'reproductionSteps', text(proof, 'reproductionSteps'));
    setIf(entry, 'environment', text(proof, 'environment'));
    const material = child(proof, 'supportingMaterial');
    if (material) entry.supportingMaterial = children(material, 'attachment').map(attachment);
    json.proofOfConcept = entry;
  }
  const credits = child(node, 'credits');
  if (credits) {
    const entry: JsonObject = {};
    const organizations = child(credits, 'organizations');
    if (organizations) entry.organizations = children(organizations, 'organization').map(organizationalEntity);
    const individuals = child(credits, 'individuals');
    if (individuals) entry.individuals = children(individuals, 'individual').map((individual) => generic([individual], 'individual'));
    json.credits = entry;
  }
  const vulnerabilityTools = child(node, 'tools');
  if (vulnerabilityTools) json.tools = tools(vulnerabilityTools);
  return json;
}

/**
 * A service in the JSON shape: booleans, endpoint and tag lists, the provider's url/contact lists, and `data` as
 * JSON has it (1.2–1.4 `<classification flow>` and 1.5+ `<dataflow>` both become `{flow, classification, …}`).
 */
function service(node: XmlNode): JsonObject {
  const json: JsonObject = {};
  setIf(json, 'bom-ref', attr(node, 'bom-ref'));
  for (const name of elementNames(node)) {
    const item = child(node, name)!;
    if (['group', 'name', 'version', 'description', 'trustZone'].includes(name)) setIf(json, name, text(item));
    else if (name === 'provider') json.provider = organizationalEntity(item);
    else if (name === 'endpoints') json.endpoints = children(item, 'endpoint').map((endpoint) => text(endpoint) ?? '');
    else if (name === 'tags') json.tags = children(item, 'tag').map((tag) => text(tag) ?? '');
    else if (name === 'authenticated' || name === 'x-trust-boundary') json[name] = text(item) === 'true';
    else if (name === 'data') json.data = serviceData(item);
    else if (name === 'licenses') json.licenses = licenses(item);
    else if (name === 'externalReferences') json.externalReferences = externalReferences(item);
    else if (name === 'properties') json.properties = properties(item);
    else if (name === 'services') json.services = children(item, 'service').map(service);
    else json[name] = generic(children(node, name), name);
  }
  return json;
}

function serviceData(node: XmlNode): JsonObject[] {
  const classification = (item: XmlNode | undefined): JsonObject => {
    const json: JsonObject = {};
    setIf(json, 'flow', attr(item ?? {}, 'flow'));
    setIf(json, 'classification', item ? text(item) : null);
    return json;
  };
  const flows = children(node, 'classification').map(classification);
  for (const dataflow of children(node, 'dataflow')) {
    const json: JsonObject = {};
    setIf(json, 'name', attr(dataflow, 'name'));
    setIf(json, 'description', attr(dataflow, 'description'));
    Object.assign(json, classification(child(dataflow, 'classification')));
    const governance = child(dataflow, 'governance');
    if (governance) json.governance = generic([governance], 'governance');
    for (const end of ['source', 'destination']) {
      const urls = child(dataflow, end);
      if (urls) json[end] = children(urls, 'url').map((url) => text(url) ?? '');
    }
    flows.push(json);
  }
  return flows;
}

function annotation(node: XmlNode): JsonObject {
  const json: JsonObject = {};
  setIf(json, 'bom-ref', attr(node, 'bom-ref'));
  json.subjects = children(child(node, 'subjects'), 'subject').map((subject) => attr(subject, 'ref') ?? '');
  const annotator = child(node, 'annotator');
  if (annotator) {
    const who: JsonObject = {};
    const organization = child(annotator, 'organization');
    const individual = child(annotator, 'individual');
    const annotatingComponent = child(annotator, 'component');
    const annotatingService = child(annotator, 'service');
    if (organization) who.organization = organizationalEntity(organization);
    if (individual) who.individual = generic([individual], 'individual');
    if (annotatingComponent) who.component = component(annotatingComponent);
    if (annotatingService) who.service = service(annotatingService);
    json.annotator = who;
  }
  setIf(json, 'timestamp', text(node, 'timestamp'));
  setIf(json, 'text', text(node, 'text'));
  for (const name of elementNames(node)) {
    if (!['subjects', 'annotator', 'timestamp', 'text'].includes(name)) json[name] = generic(children(node, name), name);
  }
  return json;
}

/** An organizationalEntity: `url` and `contact` are lists in JSON even when XML has one of them. */
function organizationalEntity(node: XmlNode): JsonObject {
  const json: JsonObject = {};
  setIf(json, 'bom-ref', attr(node, 'bom-ref'));
  setIf(json, 'name', text(node, 'name'));
  const address = child(node, 'address');
  if (address) json.address = generic([address], 'address');
  const urls = children(node, 'url').map((url) => text(url) ?? '');
  if (urls.length > 0) json.url = urls;
  const contacts = children(node, 'contact').map((contact) => generic([contact], 'contact'));
  if (contacts.length > 0) json.contact = contacts;
  return json;
}

function attachment(node: XmlNode): JsonObject {
  const json: JsonObject = { content: text(node) ?? '' };
  setIf(json, 'contentType', attr(node, 'content-type'));
  setIf(json, 'encoding', attr(node, 'encoding'));
  return json;
}

/** Wrapper elements whose children are list items: <hashes><hash/>…</hashes> → "hashes": [...]. */
const LIST_ITEMS: Record<string, string> = {
  components: 'component', services: 'service', hashes: 'hash', externalReferences: 'reference', references: 'reference',
  properties: 'property', authors: 'author', vulnerabilities: 'vulnerability', ratings: 'rating', cwes: 'cwe',
  advisories: 'advisory', affects: 'target', versions: 'version', responses: 'response', compositions: 'composition',
  annotations: 'annotation', occurrences: 'occurrence', tags: 'tag', subjects: 'subject', data: 'classification',
  endpoints: 'endpoint', tools: 'tool', individuals: 'individual', organizations: 'organization', commits: 'commit',
  patches: 'patch', resolves: 'issue', ancestors: 'component', descendants: 'component', variants: 'component',
  aliases: 'alias', notes: 'note', callstack: 'frames', frames: 'frame', methods: 'method', identity: 'identity',
};

/** One XML element (or several of the same name) to a JSON value; attributes become fields. */
function generic(nodes: XmlNode[], name: string): unknown {
  const values = nodes.map((node) => genericOne(node, name));
  return values.length === 1 ? values[0] : values;
}

function genericOne(node: XmlNode, name: string): unknown {
  const names = elementNames(node);
  const attributes = Object.keys(node).filter((key) => key.startsWith('@') && !key.startsWith('@xmlns'));
  const itemName = LIST_ITEMS[name];
  if (itemName && names.length > 0 && names.every((childName) => childName === itemName)) {
    return children(node, itemName).map((item) => genericOne(item, itemName));
  }
  if (names.length === 0 && attributes.length === 0) return text(node) ?? '';
  const json: JsonObject = {};
  for (const key of attributes) json[key.slice(1)] = node[key];
  for (const childName of names) {
    const list = children(node, childName);
    json[childName] = list.length === 1 ? genericOne(list[0]!, childName) : list.map((item) => genericOne(item, childName));
  }
  if (text(node) !== null) json[names.length === 0 ? 'value' : '#text'] = text(node);
  return json;
}

function setIf(target: JsonObject, key: string, value: string | null): void {
  if (value !== null) target[key] = value;
}

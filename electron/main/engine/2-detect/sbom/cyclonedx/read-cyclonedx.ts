import type { ExternalReference, ComponentHash } from '../../../../../../shared/model/component.js';
import { jsonPointer, type ProblemLog } from '../problems.js';
import { cleanDependencies, RefRegistry } from '../refs.js';
import type {
  SbomComponent,
  SbomDependency,
  SbomDocument,
  SbomEvidence,
  SbomSerialisation,
  SbomVulnerability,
} from '../types.js';
import { asArray, asObject, asObjects, asString, asStrings, isObject, unknownFields, type JsonObject } from '../values.js';
import { readLicenseChoices } from './cyclonedx-licenses.js';

/** Component fields mapped onto SbomComponent; the rest (and the richer supplier/authors/evidence) go to `extra`. */
const MODELLED = new Set([
  'type', 'bom-ref', 'name', 'group', 'version', 'purl', 'cpe', 'swid', 'hashes', 'author', 'publisher',
  'description', 'scope', 'licenses', 'copyright', 'externalReferences', 'properties', 'components',
]);

/** A CycloneDX document in its JSON shape (parsed JSON, or XML converted by cyclonedx-xml.ts) to SbomDocument. */
export function readCycloneDx(
  bom: JsonObject,
  specVersion: string,
  serialisation: SbomSerialisation,
  log: ProblemLog,
): SbomDocument {
  const metadata = asObject(bom.metadata) ?? {};
  const components: SbomComponent[] = [];
  const refs = new RefRegistry(log);
  const collect: Collector = { into: components, refs };
  const mainComponent = asObject(metadata.component);
  let primaryRef: string | null = null;
  if (mainComponent) {
    primaryRef = collectComponent(mainComponent, null, ['metadata', 'component'], collect);
  }
  asArray(bom.components).forEach((item, index) => {
    if (isObject(item)) collectComponent(item, null, ['components', index], collect);
    else log.error(jsonPointer(['components', index]), 'a component must be an object');
  });
  const services = asObjects(bom.services);
  const dependencies = cleanDependencies(
    readDependencies(bom.dependencies),
    { components },
    serviceRefs(services),
    log,
    (index) => jsonPointer(['dependencies', index]),
  );
  return {
    format: 'cyclonedx',
    specVersion,
    serialisation,
    name: asString(mainComponent?.name),
    serialNumber: asString(bom.serialNumber),
    createdAt: asString(metadata.timestamp),
    tools: readTools(metadata.tools),
    primaryRef,
    components,
    dependencies,
    services,
    compositions: asObjects(bom.compositions),
    annotations: asObjects(bom.annotations),
    vulnerabilities: asObjects(bom.vulnerabilities).map(readVulnerability),
    extractedLicenses: [],
    relationships: [],
    problems: log.problems,
  };
}

interface Collector {
  into: SbomComponent[];
  refs: RefRegistry;
}

function collectComponent(
  raw: JsonObject,
  parentRef: string | null,
  path: (string | number)[],
  collect: Collector,
): string {
  const name = asString(raw.name) ?? '';
  const version = asString(raw.version);
  const purl = asString(raw.purl);
  const pointer = jsonPointer(path);
  // Components without a bom-ref get a stable one; only a written bom-ref can be the target of a dependency.
  const written = asString(raw['bom-ref']);
  const ref = collect.refs.claim(written ?? purl ?? (name ? `${asString(raw.group) ?? ''}/${name}@${version ?? ''}` : pointer), pointer, written !== null);
  collect.into.push({
    ref,
    parentRef,
    type: asString(raw.type) ?? 'library',
    name,
    group: asString(raw.group),
    version,
    purl,
    cpe: asString(raw.cpe),
    swid: asObject(raw.swid),
    hashes: readHashes(raw.hashes),
    supplier: asString(asObject(raw.supplier)?.name),
    author: asString(raw.author) ?? joinNames(raw.authors),
    publisher: asString(raw.publisher),
    description: asString(raw.description),
    scope: asString(raw.scope),
    licenses: readLicenseChoices(raw.licenses),
    copyright: asString(raw.copyright),
    externalReferences: readExternalReferences(raw.externalReferences),
    evidence: readEvidence(raw.evidence),
    properties: readProperties(raw.properties),
    spdxElementType: null,
    extra: unknownFields(raw, MODELLED),
  });
  asArray(raw.components).forEach((child, index) => {
    if (isObject(child)) collectComponent(child, ref, [...path, 'components', index], collect);
  });
  return ref;
}

export function readHashes(value: unknown): ComponentHash[] {
  return asObjects(value)
    .map((hash) => ({ alg: asString(hash.alg) ?? '', content: asString(hash.content) ?? '' }))
    .filter((hash) => hash.alg !== '' && hash.content !== '');
}

function readExternalReferences(value: unknown): ExternalReference[] {
  const references: ExternalReference[] = [];
  for (const reference of asObjects(value)) {
    const url = asString(reference.url);
    if (!url) continue;
    const comment = asString(reference.comment);
    references.push({ type: asString(reference.type) ?? 'other', url, ...(comment ? { comment } : {}) });
  }
  return references;
}

function readEvidence(value: unknown): SbomEvidence | null {
  const evidence = asObject(value);
  if (!evidence) return null;
  const copyrights = asObjects(evidence.copyright).map((entry) => asString(entry.text)).filter((t): t is string => t !== null);
  const occurrences = asObjects(evidence.occurrences).map((entry) => asString(entry.location)).filter((l): l is string => l !== null);
  const licenses = readLicenseChoices(evidence.licenses);
  if (licenses.length === 0 && copyrights.length === 0 && occurrences.length === 0) return null;
  return { licenses, copyrights, occurrences };
}

function readProperties(value: unknown): { name: string; value: string }[] {
  return asObjects(value)
    .filter((property) => asString(property.name) !== null)
    .map((property) => ({ name: asString(property.name)!, value: asString(property.value) ?? '' }));
}

function readDependencies(value: unknown): SbomDependency[] {
  return asObjects(value)
    .filter((entry) => asString(entry.ref) !== null)
    .map((entry) => ({ ref: asString(entry.ref)!, dependsOn: asStrings(entry.dependsOn) }));
}

function readTools(value: unknown): string[] {
  // ≤1.4: an array of {vendor, name, version}; 1.5+: {components: [...], services: [...]} (the array is deprecated).
  const tools = isObject(value) ? [...asObjects(value.components), ...asObjects(value.services)] : asObjects(value);
  return tools
    .map((tool) => [asString(tool.vendor) ?? asString(asObject(tool.manufacturer)?.name) ?? asString(tool.group), asString(tool.name), asString(tool.version)]
      .filter((part): part is string => part !== null)
      .join(' '))
    .filter((tool) => tool !== '');
}

function readVulnerability(raw: JsonObject): SbomVulnerability {
  const source = asObject(raw.source);
  return {
    id: asString(raw.id) ?? asString(raw['bom-ref']) ?? '',
    source: asString(source?.name) ?? asString(source?.url),
    ratings: asArray(raw.ratings),
    affects: asObjects(raw.affects).map((target) => asString(target.ref)).filter((ref): ref is string => ref !== null),
    analysis: asObject(raw.analysis),
    raw,
  };
}

function serviceRefs(services: JsonObject[]): Set<string> {
  const refs = new Set<string>();
  const stack = [...services];
  while (stack.length > 0) {
    const service = stack.pop()!;
    const ref = asString(service['bom-ref']);
    if (ref) refs.add(ref);
    stack.push(...asObjects(service.services));
  }
  return refs;
}

function joinNames(value: unknown): string | null {
  const names = asObjects(value).map((person) => asString(person.name)).filter((n): n is string => n !== null);
  return names.length > 0 ? names.join(', ') : null;
}

import type { ExportComponent, ExportModel } from '../../export-model.js';
import { stableUuid } from '../cyclonedx/build-bom.js';
import { licenseIds, spdxDate } from './spdx-ids.js';

type Json = Record<string, unknown>;

const HASHES: Record<string, string> = {
  'SHA-1': 'sha1', 'SHA-224': 'sha224', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512', MD5: 'md5',
  'SHA3-256': 'sha3_256', 'SHA3-384': 'sha3_384', 'SHA3-512': 'sha3_512', 'BLAKE2b-256': 'blake2b256',
  'BLAKE2b-384': 'blake2b384', 'BLAKE2b-512': 'blake2b512', BLAKE3: 'blake3',
};
const PURPOSES: Record<ExportComponent['type'], string> = {
  application: 'application', library: 'library', framework: 'framework', file: 'file', container: 'container',
  firmware: 'firmware', device: 'device', 'operating-system': 'operatingSystem',
};
const CREATION = '_:creationinfo';

/**
 * ExportModel → SPDX 3.0.1 JSON-LD (compacted with the official context): one software_Sbom whose packages carry
 * their licenses as hasDeclaredLicense / hasConcludedLicense relationships to LicenseExpression elements, and
 * dependsOn relationships for the dependency graph.
 */
export function writeSpdx3(model: ExportModel): string {
  const base = `https://spdx.org/spdxdocs/${model.name.replace(/[^A-Za-z0-9.-]+/g, '-') || 'sbom'}-${stableUuid(`${model.name}\n${model.generatedAt}`)}`;
  const graph: Json[] = [];
  const element = (kind: string, suffix: string, fields: Json): string => {
    const spdxId = `${base}/${kind}/${suffix}`;
    graph.push({ type: kind, spdxId, creationInfo: CREATION, ...fields });
    return spdxId;
  };
  const agent = `${base}/SoftwareAgent/tool`;
  graph.push({ type: 'CreationInfo', '@id': CREATION, specVersion: '3.0.1', created: spdxDate(model.generatedAt), createdBy: [agent] });
  graph.push({ type: 'SoftwareAgent', spdxId: agent, creationInfo: CREATION, name: `${model.toolName} ${model.toolVersion}` });

  const all = [...model.roots, ...model.components.filter((component) => !model.roots.some((root) => root.key === component.key))];
  const ids = new Map<string, string>();
  const customLicenses = new Map<string, string>();
  for (const component of all) {
    for (const text of component.licenseTexts) {
      if (text.id.startsWith('LicenseRef-') && !customLicenses.has(text.id)) {
        customLicenses.set(text.id, element('expandedlicensing_CustomLicense', text.id, {
          ...(text.name ? { name: text.name } : {}),
          simplelicensing_licenseText: text.text,
        }));
      }
    }
  }
  const organisations = new Map<string, string>();
  let relationshipCount = 0;
  const relate = (from: string, relationshipType: string, to: string[]): void => {
    element('Relationship', String(++relationshipCount), { from, relationshipType, to });
  };
  let licenseCount = 0;
  const licenseElement = (expression: string): string => {
    const customIds = licenseIds(expression).filter((id) => customLicenses.has(id));
    return element('simplelicensing_LicenseExpression', String(++licenseCount), {
      simplelicensing_licenseExpression: expression,
      ...(customIds.length > 0 ? { simplelicensing_customIdToUri: customIds.map((id) => ({ type: 'DictionaryEntry', key: id, value: customLicenses.get(id) })) } : {}),
    });
  };

  all.forEach((component, index) => {
    const supplier = component.supplier;
    if (supplier && !organisations.has(supplier)) {
      organisations.set(supplier, element('Organization', String(organisations.size + 1), { name: supplier }));
    }
    const reference = (type: string): string | undefined => component.externalReferences.find((ref) => ref.type === type)?.url;
    const hashes = component.hashes
      .filter((hash) => HASHES[hash.alg])
      .map((hash) => ({ type: 'Hash', algorithm: HASHES[hash.alg], hashValue: hash.content.toLowerCase() }));
    const id = element('software_Package', String(index + 1), {
      name: component.name,
      ...(component.version ? { software_packageVersion: component.version } : {}),
      ...(component.purl ? { software_packageUrl: component.purl } : {}),
      ...(component.cpe ? { externalIdentifier: [{ type: 'ExternalIdentifier', externalIdentifierType: component.cpe.startsWith('cpe:2.3:') ? 'cpe23' : 'cpe22', identifier: component.cpe }] } : {}),
      ...(hashes.length > 0 ? { verifiedUsing: hashes } : {}),
      ...(supplier ? { suppliedBy: organisations.get(supplier) } : {}),
      ...(component.description ? { description: component.description } : {}),
      ...(component.copyrights.length > 0 ? { software_copyrightText: component.copyrights.join('\n') } : {}),
      ...(reference('distribution') ? { software_downloadLocation: reference('distribution') } : {}),
      ...(reference('website') ? { software_homePage: reference('website') } : {}),
      software_primaryPurpose: PURPOSES[component.type],
    });
    ids.set(component.key, id);
    if (component.declared.expression) relate(id, 'hasDeclaredLicense', [licenseElement(component.declared.expression)]);
    if (component.concluded) relate(id, 'hasConcludedLicense', [licenseElement(component.concluded)]);
  });
  for (const edge of model.dependencies) {
    const from = ids.get(edge.from);
    const to = edge.to.map((key) => ids.get(key)).filter((target): target is string => target !== undefined && target !== from);
    if (from && to.length > 0) relate(from, 'dependsOn', to);
  }
  const roots = (model.roots.length > 0 ? model.roots : all).map((root) => ids.get(root.key)!).filter(Boolean);
  const sbom = `${base}/software_Sbom/1`;
  const members = graph.filter((entry) => typeof entry.spdxId === 'string').map((entry) => entry.spdxId as string);
  graph.push({ type: 'software_Sbom', spdxId: sbom, creationInfo: CREATION, rootElement: roots, element: members, software_sbomType: ['analyzed'] });
  graph.push({
    type: 'SpdxDocument',
    spdxId: `${base}/SpdxDocument/1`,
    creationInfo: CREATION,
    name: model.name,
    rootElement: [sbom],
    element: [sbom, ...members],
    profileConformance: ['core', 'software', 'simpleLicensing', ...(customLicenses.size > 0 ? ['expandedLicensing'] : [])],
  });
  return `${JSON.stringify({ '@context': 'https://spdx.org/rdf/3.0.1/spdx-context.jsonld', '@graph': graph }, null, 2)}\n`;
}

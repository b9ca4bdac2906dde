import { describe, expect, it } from 'vitest';
import type { ExportModel } from '../../../../electron/main/engine/6-report/export-model.js';
import { validateExport, writeCycloneDx } from '../../../../electron/main/engine/6-report/formats/index.js';
import { ImportedSectionsCollector, type ImportedDocumentSections } from '../../../../electron/main/engine/6-report/imported-sections.js';
import { sbomToExportModel } from '../../../../electron/main/engine/6-report/sbom-to-export-model.js';
import { read } from './helpers.js';

type Json = Record<string, unknown>;

const empty: ImportedDocumentSections = { services: [], compositions: [], annotations: [], vulnerabilities: [], dependencies: [] };

describe('ImportedSectionsCollector', () => {
  const keys = new Map([['doc-app', 'key-app'], ['doc-lib', 'key-lib']]);
  const document: ImportedDocumentSections = {
    services: [{ 'bom-ref': 'api', name: 'API', services: [{ 'bom-ref': 'key-lib', name: 'clashing inner service' }] }],
    vulnerabilities: [{ 'bom-ref': 'v1', id: 'CVE-1', affects: [{ ref: 'doc-lib' }, { ref: 'gone' }, { ref: 'urn:cdx:1234/1#x' }, { ref: 'api' }] }],
    compositions: [
      { aggregate: 'complete', assemblies: ['doc-app', 'gone'], vulnerabilities: ['v1'] },
      { aggregate: 'unknown', assemblies: ['gone'] },
      { aggregate: 'incomplete' },
    ],
    annotations: [
      { subjects: ['doc-lib', 'key-lib'], annotator: { individual: { name: 'A' } }, timestamp: '2024-01-01T00:00:00Z', text: 't' },
      { subjects: ['gone'], annotator: { individual: { name: 'B' } }, timestamp: '2024-01-01T00:00:00Z', text: 'u' },
    ],
    dependencies: [{ ref: 'doc-app', dependsOn: ['doc-lib', 'api'] }, { ref: 'api', dependsOn: ['key-lib', 'gone'] }],
  };

  it("rewrites the document's refs to the export's keys and leaves out what points at nothing", () => {
    const collector = new ImportedSectionsCollector(['key-app', 'key-lib']);
    collector.add(document, (ref) => keys.get(ref));
    const result = collector.result();
    // The inner service's bom-ref is a component key of the export: it is renamed, and refs to it follow.
    expect(result.services).toEqual([{ 'bom-ref': 'api', name: 'API', services: [{ 'bom-ref': 'key-lib#2', name: 'clashing inner service' }] }]);
    expect(result.vulnerabilities[0]!.affects).toEqual([{ ref: 'key-lib' }, { ref: 'urn:cdx:1234/1#x' }, { ref: 'api' }]);
    expect(result.compositions).toEqual([
      { aggregate: 'complete', assemblies: ['key-app'], vulnerabilities: ['v1'] },
      { aggregate: 'incomplete' },
    ]);
    expect(result.annotations.map((annotation) => annotation.subjects)).toEqual([['key-lib', 'key-lib#2']]);
    expect(result.serviceDependencies).toEqual([
      { from: 'key-app', to: ['api'] },
      { from: 'api', to: ['key-lib#2'] },
    ]);
  });

  it('writes the same document imported twice (one SBOM in two projects) once, and renames what only shares a ref', () => {
    const collector = new ImportedSectionsCollector([]);
    collector.add(document, (ref) => keys.get(ref));
    collector.add(document, (ref) => keys.get(ref));
    collector.add({ ...empty, vulnerabilities: [{ 'bom-ref': 'v1', id: 'CVE-2' }], compositions: [{ aggregate: 'complete', vulnerabilities: ['v1'] }] }, () => undefined);
    const result = collector.result();
    expect(result.services.map((service) => service['bom-ref'])).toEqual(['api']);
    expect(result.vulnerabilities.map((vulnerability) => [vulnerability['bom-ref'], vulnerability.id])).toEqual([['v1', 'CVE-1'], ['v1#2', 'CVE-2']]);
    expect(result.compositions.at(-1)).toEqual({ aggregate: 'complete', vulnerabilities: ['v1#2'] });
  });
});

/** Our own document: an app that calls a service with a nested service; data flows in the 1.5+ form. */
const bom = {
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  version: 1,
  metadata: { component: { type: 'application', name: 'shop', version: '1.0', 'bom-ref': 'shop' } },
  services: [
    {
      'bom-ref': 'payments',
      name: 'payments',
      endpoints: ['https://pay.example/api'],
      authenticated: true,
      'x-trust-boundary': true,
      trustZone: 'partner',
      data: [
        { flow: 'outbound', classification: 'PCI', name: 'card data', source: ['https://shop.example'], destination: ['https://pay.example/api'] },
        { flow: 'inbound', classification: 'receipts' },
      ],
      tags: ['payments'],
      services: [{ 'bom-ref': 'fraud-check', name: 'fraud check', endpoints: ['https://pay.example/fraud'], authenticated: false }],
    },
  ],
  dependencies: [
    { ref: 'shop', dependsOn: ['payments'] },
    { ref: 'payments', dependsOn: ['fraud-check'] },
  ],
};

function model(): ExportModel {
  return sbomToExportModel(read(JSON.stringify(bom), 'shop.cdx.json'), { toolName: 'Clearance', toolVersion: 'test', generatedAt: '2024-06-01T00:00:00Z' });
}

const edges = (document: ReturnType<typeof read>): string[] =>
  document.dependencies.flatMap((dependency) => dependency.dependsOn.map((to) => `${dependency.ref}>${to}`)).sort();

describe('CycloneDX writer: imported services', () => {
  for (const format of ['json', 'xml'] as const) {
    it(`writes nested services with endpoints, trust, data flows and tags, and the edges to them (${format})`, () => {
      const text = writeCycloneDx(model(), { spec: '1.6', format });
      expect(validateExport(text, format === 'json' ? 'cyclonedx-json' : 'cyclonedx-xml', '1.6')).toEqual([]);
      const again = read(text, `out.${format}`);
      expect(again.services).toEqual(bom.services);
      expect(edges(again)).toEqual(['payments>fraud-check', 'shop>payments']);
    });
  }

  it('leaves tags out of 1.5, which has none for services, and keeps the rest', () => {
    for (const format of ['json', 'xml'] as const) {
      const text = writeCycloneDx(model(), { spec: '1.5', format });
      expect(validateExport(text, format === 'json' ? 'cyclonedx-json' : 'cyclonedx-xml', '1.5')).toEqual([]);
      const service = read(text, `out.${format}`).services[0]!;
      expect(service.tags).toBeUndefined();
      expect(service.trustZone).toBe('partner');
      expect((service.services as Json[])[0]!.endpoints).toEqual(['https://pay.example/fraud']);
    }
  });

  it('keeps what fits when an imported section does not: per item in JSON, all imported additions at once in XML', () => {
    const broken: ExportModel = { ...model(), compositions: [{ aggregate: 'mostly-done', assemblies: ['shop'] }, { aggregate: 'complete', assemblies: ['shop'] }] };
    const json = writeCycloneDx(broken, { spec: '1.6', format: 'json' });
    expect(validateExport(json, 'cyclonedx-json', '1.6')).toEqual([]);
    const fromJson = read(json, 'out.json');
    expect(fromJson.compositions).toEqual([{ aggregate: 'complete', assemblies: ['shop'] }]);
    expect(fromJson.services[0]!.endpoints).toEqual(['https://pay.example/api']);

    const xml = writeCycloneDx(broken, { spec: '1.6', format: 'xml' });
    expect(validateExport(xml, 'cyclonedx-xml', '1.6')).toEqual([]);
    const fromXml = read(xml, 'out.xml');
    expect(fromXml.compositions).toEqual([]);
    // The service itself is the library's model and stays; only what was added beside the model went.
    expect(fromXml.services.map((service) => [service.name, service.endpoints])).toEqual([['payments', undefined]]);
  });
});

describe('CycloneDX XML writer: unknown component fields', () => {
  const component = {
    type: 'library',
    'bom-ref': 'lib',
    'mime-type': 'application/java-archive',
    supplier: { name: 'Lib Org', url: ['https://lib.example'], contact: [{ name: 'Support', email: 'support@lib.example' }] },
    manufacturer: { name: 'Lib Factory', url: ['https://factory.example'] },
    authors: [{ name: 'Ada' }, { name: 'Grace', email: 'grace@lib.example' }],
    name: 'lib',
    version: '2.0',
    omniborId: ['gitoid:blob:sha1:261eeb9e9f8b2b4b0d119366dda99c6fd7d35c64', 'gitoid:blob:sha256:9ef4d1c4d1e4b9c7ad5b4c3d6e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f'],
    swhid: ['swh:1:cnt:94a9ed024d3859793618152ea559a168bbcbb5e2'],
    modified: false,
    tags: ['crypto', 'parser'],
    pedigree: { notes: 'forked from upstream' },
  };
  const document = { bomFormat: 'CycloneDX', specVersion: '1.6', version: 1, components: [component] };

  function exported(source: Json, spec: '1.6' | '1.7', format: 'json' | 'xml', lenient = false) {
    const imported = read(JSON.stringify(source), 'in.cdx.json', { lenient });
    const text = writeCycloneDx(sbomToExportModel(imported, { toolName: 'Clearance', toolVersion: 'test', generatedAt: '2024-06-01T00:00:00Z' }), { spec, format });
    expect(validateExport(text, format === 'json' ? 'cyclonedx-json' : 'cyclonedx-xml', spec)).toEqual([]);
    return { imported, again: read(text, `out.${format}`) };
  }

  it('writes those with a fixed XML form (attributes, manufacturer, authors, identifiers, tags, supplier contacts); pedigree stays JSON-only', () => {
    const { imported, again } = exported(document, '1.6', 'xml');
    const { pedigree, ...rest } = imported.components[0]!.extra;
    expect(pedigree).toEqual(component.pedigree);
    expect(again.components[0]!.extra).toEqual(rest);
    expect(exported(document, '1.6', 'json').again.components[0]!.extra).toEqual(imported.components[0]!.extra);
  });

  it('drops the component additions, and only them, when one breaks the XSD (a lenient import of a bad mime-type)', () => {
    const broken = { ...document, components: [{ ...component, 'mime-type': 'Not A Mime Type' }], services: [{ name: 'api', endpoints: ['https://api.example'] }] };
    const { again } = exported(broken, '1.6', 'xml', true);
    expect(again.components[0]!.extra.tags).toBeUndefined();
    expect(again.services[0]!.endpoints).toEqual(['https://api.example']);
    // JSON takes the bad field out alone.
    const fromJson = exported(broken, '1.6', 'json', true).again.components[0]!.extra;
    expect(fromJson['mime-type']).toBeUndefined();
    expect(fromJson.tags).toEqual(['crypto', 'parser']);
  });
});

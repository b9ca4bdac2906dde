import { describe, expect, it } from 'vitest';
import { readSbom } from '../../../../electron/main/engine/2-detect/sbom/index.js';
import type { ExportComponent, ExportModel } from '../../../../electron/main/engine/6-report/export-model.js';
import { validateExport, writeCycloneDx, writeSpdx } from '../../../../electron/main/engine/6-report/formats/index.js';

function component(key: string, overrides: Partial<ExportComponent> = {}): ExportComponent {
  return {
    key, type: 'library', name: key, group: null, version: '1.0.0', purl: `pkg:npm/${key}@1.0.0`, cpe: null, ecosystem: 'npm',
    description: null, supplier: null, author: null, scope: null, hashes: [], externalReferences: [],
    declared: { verbatim: null, expression: null, normalised: false }, concluded: null, licenseTexts: [], detected: [],
    copyrights: [], occurrences: [], decisions: [], properties: [], extra: null, extraFormat: null, ...overrides,
  };
}

const model: ExportModel = {
  name: 'demo', toolName: 'Clearance', toolVersion: '0.1.0', generatedAt: '2024-06-01T12:00:00.000Z',
  roots: [component('demo', { type: 'application', purl: null, declared: { verbatim: 'MIT', expression: 'MIT', normalised: false } })],
  components: [
    component('left-pad', {
      declared: { verbatim: 'WTFPL', expression: 'WTFPL', normalised: false },
      concluded: 'MIT',
      hashes: [{ alg: 'SHA-256', content: 'a'.repeat(64) }],
      supplier: 'Left Pad Org',
      detected: [{ license: 'MIT', path: 'node_modules/left-pad/LICENSE', startLine: 1, endLine: 21, score: 1, kind: 'license-text' }],
      copyrights: ['Copyright (c) 2016 Cameron Westland'],
      occurrences: ['node_modules/left-pad'],
      decisions: [{ id: 'd-1', state: 'approved', concludedLicense: 'MIT', rationale: 'LICENSE file is MIT', reviewer: 'Jane Auditor', decidedAt: '2024-05-30T09:00:00Z' }],
      properties: [{ name: 'clearance:policy', value: 'allowed' }],
    }),
    component('dual', {
      declared: { verbatim: 'Apache-2.0 OR MIT', expression: 'Apache-2.0 OR MIT', normalised: false },
      concluded: 'Apache-2.0 AND LicenseRef-acme',
      licenseTexts: [{ id: 'LicenseRef-acme', name: 'ACME License', text: 'ACME may be used by anyone.' }],
    }),
    component('named', { declared: { verbatim: 'Apache 2', expression: null, normalised: false } }),
  ],
  dependencies: [{ from: 'demo', to: ['left-pad', 'dual', 'named'] }, { from: 'dual', to: ['named'] }],
  vulnerabilities: [{ id: 'CVE-2024-0001', analysis: { state: 'not_affected', justification: 'code_not_reachable', response: ['will_not_fix'] }, affects: [{ ref: 'left-pad' }] }],
};

const edges = (document: ReturnType<typeof readSbom>): string[] =>
  document.dependencies.flatMap((dependency) => dependency.dependsOn.map((to) => `${dependency.ref}>${to}`)).sort();

describe('CycloneDX writer', () => {
  for (const spec of ['1.5', '1.6', '1.7'] as const) {
    for (const format of ['json', 'xml'] as const) {
      it(`writes schema-valid CycloneDX ${spec} ${format} that reads back with its components, licenses and graph`, () => {
        const text = writeCycloneDx(model, { spec, format });
        expect(validateExport(text, format === 'json' ? 'cyclonedx-json' : 'cyclonedx-xml')).toEqual([]);
        const document = readSbom(Buffer.from(text), `out.${format}`, { lenient: false });
        expect(document.specVersion).toBe(spec);
        expect(document.primaryRef).toBe('demo');
        expect(document.components.map((c) => c.ref)).toEqual(['demo', 'left-pad', 'dual', 'named']);
        expect(edges(document)).toEqual(['demo>dual', 'demo>left-pad', 'demo>named', 'dual>named']);
        const leftPad = document.components[1]!;
        expect(leftPad.hashes).toEqual([{ alg: 'SHA-256', content: 'a'.repeat(64) }]);
        expect(leftPad.supplier).toBe('Left Pad Org');
        expect(leftPad.evidence?.licenses.map((license) => license.expression)).toEqual(['MIT']);
        expect(leftPad.evidence?.copyrights).toEqual(['Copyright (c) 2016 Cameron Westland']);
        expect(leftPad.evidence?.occurrences).toEqual(['node_modules/left-pad']);
        expect(leftPad.properties.find((p) => p.name === 'clearance:decision')?.value).toContain('"state":"approved"');
        expect(document.vulnerabilities[0]).toMatchObject({ id: 'CVE-2024-0001', affects: ['left-pad'], analysis: { state: 'not_affected' } });
        if (spec === '1.5') {
          // 1.5 has no acknowledgement: the concluded license is written, the declared one kept as a property.
          expect(leftPad.licenses.map((l) => [l.expression, l.acknowledgement])).toEqual([['MIT', null]]);
          expect(leftPad.properties).toContainEqual({ name: 'clearance:declaredLicense', value: 'WTFPL' });
        } else {
          expect(leftPad.licenses.map((l) => [l.expression, l.acknowledgement])).toEqual([['WTFPL', 'declared'], ['MIT', 'concluded']]);
        }
        const dual = document.components[2]!;
        if (spec === '1.7') {
          expect(dual.licenses.map((l) => [l.expression, l.acknowledgement])).toEqual([['Apache-2.0 OR MIT', 'declared'], ['Apache-2.0 AND LicenseRef-acme', 'concluded']]);
        } else {
          // 1.5/1.6: one expression only; the concluded one wins and the declared one is a property.
          expect(dual.licenses.map((l) => l.expression)).toEqual(['Apache-2.0 AND LicenseRef-acme']);
          expect(dual.properties).toContainEqual({ name: 'clearance:declaredLicense', value: 'Apache-2.0 OR MIT' });
        }
        expect(document.components[3]!.licenses[0]).toMatchObject({ name: 'Apache 2', expression: null });
        if (format === 'json') {
          const written = JSON.parse(text) as { annotations: { subjects: string[]; annotator: unknown; text: string }[] };
          expect(written.annotations).toEqual([expect.objectContaining({ subjects: ['left-pad'], annotator: { individual: { name: 'Jane Auditor' } } })]);
        } else {
          expect(text).toContain('<subject ref="left-pad"/>');
        }
      });
    }
  }

  it('merges unknown fields of an imported component back, and drops one the target version does not allow', () => {
    const imported = { ...model, components: [component('x', { extraFormat: 'cyclonedx', extra: { pedigree: { notes: 'patched' }, omniborId: ['gitoid:blob:sha1:261eeb9e9f8b2b4b0d119366dda99c6fd7d35c64'] } })] };
    const v16 = JSON.parse(writeCycloneDx(imported, { spec: '1.6', format: 'json' })) as { components: Record<string, unknown>[] };
    expect(v16.components[0]).toMatchObject({ pedigree: { notes: 'patched' }, omniborId: ['gitoid:blob:sha1:261eeb9e9f8b2b4b0d119366dda99c6fd7d35c64'] });
    const v15text = writeCycloneDx(imported, { spec: '1.5', format: 'json' });
    expect(validateExport(v15text, 'cyclonedx-json')).toEqual([]);
    const v15 = JSON.parse(v15text) as { components: Record<string, unknown>[] };
    expect(v15.components[0]!.pedigree).toEqual({ notes: 'patched' });
    expect(v15.components[0]!.omniborId).toBeUndefined();
  });

  it('replaces characters XML cannot carry instead of writing broken XML', () => {
    const withControl = { ...model, components: [component('ctl', { description: 'bell\u0007here' })] };
    const text = writeCycloneDx(withControl, { spec: '1.6', format: 'xml' });
    expect(validateExport(text, 'cyclonedx-xml')).toEqual([]);
    expect(text).toContain('bell\uFFFDhere');
  });
});

describe('SPDX writer', () => {
  it('writes SPDX 2.3 JSON that passes the official schema and reads back', () => {
    const text = writeSpdx(model, { format: 'json' });
    expect(validateExport(text, 'spdx-json')).toEqual([]);
    const written = JSON.parse(text) as { packages: Record<string, unknown>[]; hasExtractedLicensingInfos: Record<string, unknown>[]; relationships: Record<string, unknown>[] };
    const leftPad = written.packages.find((p) => p.name === 'left-pad')!;
    expect(leftPad).toMatchObject({
      licenseDeclared: 'WTFPL', licenseConcluded: 'MIT', licenseInfoFromFiles: ['MIT'], copyrightText: 'Copyright (c) 2016 Cameron Westland',
      supplier: 'Organization: Left Pad Org', checksums: [{ algorithm: 'SHA256', checksumValue: 'a'.repeat(64) }],
      externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: 'pkg:npm/left-pad@1.0.0' }],
    });
    expect((leftPad.annotations as { annotationType: string }[])[0]?.annotationType).toBe('REVIEW');
    expect(written.packages.find((p) => p.name === 'named')!.licenseDeclared).toBe('LicenseRef-Apache-2');
    expect(written.packages.find((p) => p.name === 'demo')!.licenseConcluded).toBe('NOASSERTION');
    expect(written.hasExtractedLicensingInfos.map((info) => info.licenseId).sort()).toEqual(['LicenseRef-Apache-2', 'LicenseRef-acme']);
    expect(written.hasExtractedLicensingInfos.find((info) => info.licenseId === 'LicenseRef-acme')!.extractedText).toBe('ACME may be used by anyone.');
    expect(written.relationships).toContainEqual({ spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: 'SPDXRef-demo' });
    const document = readSbom(Buffer.from(text), 'out.spdx.json', { lenient: false });
    expect(document.primaryRef).toBe('SPDXRef-demo');
    expect(edges(document)).toEqual(['SPDXRef-demo>SPDXRef-dual', 'SPDXRef-demo>SPDXRef-left-pad', 'SPDXRef-demo>SPDXRef-named', 'SPDXRef-dual>SPDXRef-named']);
  });

  it('writes tag-value that reads back to the same document as the JSON', () => {
    const fromJson = readSbom(Buffer.from(writeSpdx(model, { format: 'json' })), 'a.json', { lenient: false });
    const tagValue = writeSpdx(model, { format: 'tag-value' });
    expect(validateExport(tagValue, 'spdx-tag-value')).toEqual([]);
    const fromTagValue = readSbom(Buffer.from(tagValue), 'a.spdx', { lenient: false });
    expect(fromTagValue.components).toEqual(fromJson.components);
    expect(fromTagValue.dependencies).toEqual(fromJson.dependencies);
    expect(fromTagValue.extractedLicenses).toEqual(fromJson.extractedLicenses);
  });

  it('writes SPDX 3.0.1 JSON-LD that passes the 3.0.1 schema and reads back', () => {
    const text = writeSpdx(model, { format: 'jsonld' });
    expect(validateExport(text, 'spdx-jsonld')).toEqual([]);
    const document = readSbom(Buffer.from(text), 'out.jsonld', { lenient: false });
    expect(document.components.map((c) => [c.name, c.licenses.map((l) => `${l.acknowledgement}:${l.expression}`)])).toEqual([
      ['demo', ['declared:MIT']],
      ['left-pad', ['declared:WTFPL', 'concluded:MIT']],
      ['dual', ['declared:Apache-2.0 OR MIT', 'concluded:Apache-2.0 AND LicenseRef-acme']],
      ['named', []],
    ]);
    expect(edges(document)).toHaveLength(4);
  });

  it('validateExport finds what is wrong in a broken document', () => {
    const broken = JSON.parse(writeSpdx(model, { format: 'json' })) as Record<string, unknown>;
    delete broken.documentNamespace;
    expect(validateExport(JSON.stringify(broken), 'spdx-json')[0]?.message).toMatch(/documentNamespace/);
    const cdx = JSON.parse(writeCycloneDx(model, { spec: '1.6', format: 'json' })) as { components: Record<string, unknown>[] };
    cdx.components[0]!.type = 'gizmo';
    expect(validateExport(JSON.stringify(cdx), 'cyclonedx-json')[0]?.location).toBe('/components/0/type');
    const jsonld = JSON.parse(writeSpdx(model, { format: 'jsonld' })) as { '@graph': Record<string, unknown>[] };
    delete jsonld['@graph'][0]!.created;
    expect(validateExport(JSON.stringify(jsonld), 'spdx-jsonld').length).toBeGreaterThan(0);
  });
});

import { describe, expect, it } from 'vitest';
import type { SbomDocument } from '../../../../electron/main/engine/2-detect/sbom/index.js';
import { fixture, read, rejection } from './helpers.js';

function summary(document: SbomDocument): unknown {
  return {
    components: document.components.map(({ extra, ...component }) => ({ ...component, extraKeys: Object.keys(extra).sort() })),
    dependencies: document.dependencies,
    vulnerabilities: document.vulnerabilities.map(({ raw: _raw, ...vulnerability }) => vulnerability),
    primaryRef: document.primaryRef,
    serialNumber: document.serialNumber,
    createdAt: document.createdAt,
    tools: document.tools,
  };
}

describe('CycloneDX reader', () => {
  const json = read(fixture('cyclonedx-1.6-rich.json'), 'rich.json');

  it('reads the metadata component as the primary component, and nested components with their parent', () => {
    expect(json.primaryRef).toBe('app');
    expect(json.name).toBe('demo-app');
    expect(json.tools).toEqual(['fixture-writer 1.0.0']);
    expect(json.components.map((component) => [component.ref, component.parentRef])).toEqual([
      ['app', null],
      ['pkg:npm/left-pad@1.3.0', null],
      ['pkg:npm/left-pad@1.3.0#bundled', 'pkg:npm/left-pad@1.3.0'],
      ['pkg:maven/org.example/custom@1.0', null],
    ]);
  });

  it('keeps purl, CPE, hashes, supplier, author, copyright, external references and properties', () => {
    const leftPad = json.components[1]!;
    expect(leftPad).toMatchObject({
      purl: 'pkg:npm/left-pad@1.3.0',
      cpe: 'cpe:2.3:a:left-pad:left-pad:1.3.0:*:*:*:*:*:*:*',
      hashes: [{ alg: 'SHA-256', content: '7a1c8a5e2f7b4c1e9a530d7c3f0b6e117a1c8a5e2f7b4c1e9a530d7c3f0b6e11' }],
      supplier: 'Left Pad Org',
      author: 'Cameron Westland',
      copyright: 'Copyright (c) 2016 Cameron Westland',
      externalReferences: [{ type: 'vcs', url: 'https://github.example/left-pad/left-pad.git' }],
      properties: [{ name: 'cdx:npm:package:path', value: 'node_modules/left-pad' }],
    });
  });

  it('splits declared and concluded licenses, decodes base64 license text, keeps expressions', () => {
    expect(json.components[1]!.licenses.map((license) => [license.expression, license.acknowledgement])).toEqual([
      ['WTFPL', 'declared'],
      ['MIT', 'concluded'],
    ]);
    expect(json.components[2]!.licenses[0]).toMatchObject({ expression: 'Apache-2.0 OR MIT', acknowledgement: null });
    expect(json.components[3]!.licenses[0]).toMatchObject({ name: 'Example Custom License', text: 'Permission is granted to use this fixture.' });
  });

  it('reads evidence (licenses, copyrights, occurrences) and keeps unmodelled fields in extra', () => {
    expect(json.components[1]!.evidence).toEqual({
      licenses: [{ expression: 'MIT', name: null, text: null, url: null, acknowledgement: null }],
      copyrights: ['Copyright (c) 2016 Cameron Westland'],
      occurrences: ['node_modules/left-pad/index.js'],
    });
    expect(json.components[1]!.extra.pedigree).toEqual({ notes: 'forked from the original' });
    expect(json.components[1]!.extra.supplier).toEqual({ name: 'Left Pad Org', url: ['https://left-pad.example'] });
  });

  it('reads dependencies (to services too), services, compositions and VEX analysis', () => {
    expect(json.dependencies).toEqual([
      { ref: 'app', dependsOn: ['pkg:npm/left-pad@1.3.0', 'pkg:maven/org.example/custom@1.0', 'svc-api'] },
      { ref: 'pkg:npm/left-pad@1.3.0', dependsOn: ['pkg:npm/left-pad@1.3.0#bundled'] },
    ]);
    expect(json.services[0]).toMatchObject({ name: 'payments-api' });
    expect(json.compositions).toEqual([{ aggregate: 'complete', assemblies: ['app'] }]);
    expect(json.vulnerabilities[0]).toMatchObject({
      id: 'CVE-2024-0001',
      source: 'NVD',
      affects: ['pkg:npm/left-pad@1.3.0'],
      analysis: { state: 'not_affected', justification: 'code_not_reachable', response: ['will_not_fix'] },
    });
    expect(json.problems).toEqual([]);
  });

  it('reads the same BOM written as XML (validated against the XSD) to the same document', () => {
    const xml = read(fixture('cyclonedx-1.6-rich.xml'), 'rich.xml');
    expect(xml.serialisation).toBe('xml');
    expect(summary(xml)).toEqual(summary(json));
  });

  it('reports XSD violations with their line', () => {
    const broken = fixture('cyclonedx-1.6-rich.xml').toString('utf8').replace('<hash alg="SHA-256">', '<hash alg="SHA-999">');
    const error = rejection(broken, 'broken.xml');
    expect(error.problems[0]?.location).toBe('line 14');
    expect(error.problems[0]?.message).toMatch(/SHA-999/);
  });

  it('applies the 1.7 rule XSD 1.0 cannot: versionRange only on external components', () => {
    const text = JSON.stringify({
      bomFormat: 'CycloneDX', specVersion: '1.7', version: 1,
      components: [{ type: 'library', name: 'r', versionRange: 'vers:npm/>=1.0.0' }],
    });
    expect(rejection(text, 'range.json').problems.map((problem) => problem.location)).toContain('/components/0/versionRange');
    const external = text.replace('"name":"r"', '"name":"r","isExternal":true');
    expect(read(external, 'range.json').components[0]?.name).toBe('r');
  });
});

import { describe, expect, it } from 'vitest';
import { fixture, read, rejection } from './helpers.js';

describe('SPDX 2 reader', () => {
  const tagValue = read(fixture('spdx-2.3-rich.spdx'), 'rich.spdx');

  it('reads packages and files as components; files get the package that contains them as parent', () => {
    expect(tagValue.components.map((component) => [component.ref, component.spdxElementType, component.type, component.parentRef])).toEqual([
      ['SPDXRef-Package-image', 'Package', 'container', null],
      ['SPDXRef-Package-zlib', 'Package', 'library', null],
      ['SPDXRef-File-motd', 'File', 'file', 'SPDXRef-Package-image'],
    ]);
    expect(tagValue.primaryRef).toBe('SPDXRef-Package-image');
    expect(tagValue.name).toBe('fixture-image');
    expect(tagValue.tools).toEqual(['fixture-writer-1.0']);
  });

  it('maps declared/concluded licenses, files-evidence, multi-line copyright, purl, CPE, checksums and supplier', () => {
    const image = tagValue.components[0]!;
    expect(image.licenses.map((license) => [license.expression, license.acknowledgement])).toEqual([
      ['GPL-2.0-only', 'declared'],
      ['(GPL-2.0-only OR LicenseRef-fixture)', 'concluded'],
    ]);
    expect(image.evidence?.licenses.map((license) => license.expression)).toEqual(['GPL-2.0-only', 'LicenseRef-fixture']);
    expect(image.copyright).toBe('Copyright 2020 Fixture Corp\nCopyright 2021 Other Author');
    expect(image.hashes).toEqual([{ alg: 'SHA-1', content: '85ed0817af83a24ad8da68c2b5094de69833983c' }]);
    expect(image.supplier).toBe('Fixture Corp (ops@fixture.example)');
    expect(image.extra.packageVerificationCode).toEqual({
      packageVerificationCodeValue: 'd6a770ba38583ed4bb4525bd96e50461655d2758',
      packageVerificationCodeExcludedFiles: ['./package.spdx'],
    });
    const zlib = tagValue.components[1]!;
    expect(zlib.purl).toBe('pkg:generic/zlib@1.3');
    expect(zlib.cpe).toBe('cpe:2.3:a:zlib:zlib:1.3:*:*:*:*:*:*:*');
    expect(zlib.copyright).toBeNull();
    expect(zlib.externalReferences).toEqual([{ type: 'distribution', url: 'https://zlib.example/zlib-1.3.tar.gz' }]);
  });

  it('attaches hasExtractedLicensingInfos texts to LicenseRef- licenses', () => {
    expect(tagValue.extractedLicenses).toEqual([
      { id: 'LicenseRef-fixture', name: 'Fixture License', text: 'The fixture license.\nUse it for tests only.', urls: [] },
    ]);
    expect(tagValue.components[2]!.licenses[0]).toMatchObject({ expression: 'LicenseRef-fixture', name: 'Fixture License', text: 'The fixture license.\nUse it for tests only.' });
  });

  it('derives the dependency graph from CONTAINS and DEPENDENCY_OF, keeps every relationship, and places annotations', () => {
    expect(tagValue.dependencies).toEqual([{ ref: 'SPDXRef-Package-image', dependsOn: ['SPDXRef-Package-zlib'] }]);
    expect(tagValue.relationships).toHaveLength(4);
    expect(tagValue.components[1]!.extra.annotations).toEqual([
      { annotator: 'Person: Jane Auditor', annotationDate: '2024-05-02T00:00:00Z', annotationType: 'REVIEW', comment: 'License confirmed.' },
    ]);
  });

  it('reads the same document as JSON and YAML to the same components', () => {
    const jsonText = JSON.stringify({
      spdxVersion: 'SPDX-2.3', dataLicense: 'CC0-1.0', SPDXID: 'SPDXRef-DOCUMENT', name: 'y', documentNamespace: 'https://spdx.example/y',
      creationInfo: { created: '2024-05-01T10:00:00Z', creators: ['Tool: t'] },
      packages: [{ SPDXID: 'SPDXRef-a', name: 'a', versionInfo: '1.0', downloadLocation: 'NOASSERTION', filesAnalyzed: false, licenseDeclared: 'MIT' }],
    });
    const yamlText = [
      'spdxVersion: SPDX-2.3', 'dataLicense: CC0-1.0', 'SPDXID: SPDXRef-DOCUMENT', 'name: y', 'documentNamespace: https://spdx.example/y',
      'creationInfo:', '  created: "2024-05-01T10:00:00Z"', '  creators:', '    - "Tool: t"',
      'packages:', '  - SPDXID: SPDXRef-a', '    name: a', '    versionInfo: 1.0', '    downloadLocation: NOASSERTION', '    filesAnalyzed: false', '    licenseDeclared: MIT',
    ].join('\n');
    const fromJson = read(jsonText, 'y.json');
    const fromYaml = read(yamlText, 'y.yaml');
    expect(fromYaml.serialisation).toBe('yaml');
    // YAML's "1.0" stays the string "1.0", not the number 1.
    expect(fromYaml.components).toEqual(fromJson.components);
    expect(fromYaml.components[0]!.version).toBe('1.0');
  });

  it('names the tag-value line of a schema problem and of a malformed line', () => {
    const broken = fixture('spdx-2.3-rich.spdx').toString('utf8').replace('PackageChecksum: SHA1: 85ed', 'PackageChecksum: SHA999: 85ed');
    const error = rejection(broken, 'broken.spdx');
    expect(error.problems.map((problem) => problem.location)).toContain('line 16');
    const malformed = rejection(`${fixture('spdx-2.3-rich.spdx').toString('utf8')}\nthis line has no tag\n`, 'm.spdx');
    expect(malformed.problems[0]?.message).toMatch(/expected "Tag: value"/);
  });

  it('names the YAML line of a schema problem', () => {
    const yamlText = 'spdxVersion: SPDX-2.3\ndataLicense: CC0-1.0\nSPDXID: SPDXRef-DOCUMENT\nname: y\ndocumentNamespace: https://x.example/y\ncreationInfo:\n  created: "2024-05-01T10:00:00Z"\n  creators: "Tool: t"\n';
    const error = rejection(yamlText, 'y.yaml');
    expect(error.problems[0]?.location).toBe('line 8 (/creationInfo/creators)');
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSbom, SbomRejectedError } from '../../../electron/main/engine/2-detect/sbom/index.js';
import { hasSharedData, sharedDataSkipReason } from '../../helpers/shared-data.js';
import { conformanceFiles } from './files.js';

const read = (file: string, lenient = false) => readSbom(readFileSync(file), path.basename(file), { lenient });
const rejected = (file: string): SbomRejectedError => {
  try {
    read(file);
  } catch (error) {
    if (error instanceof SbomRejectedError) return error;
    throw error;
  }
  throw new Error(`${file} was accepted`);
};
const summary = (file: string) => {
  const document = read(file);
  return {
    components: document.components
      .map((c) => ({ ref: c.ref, name: c.name, version: c.version, purl: c.purl, hashes: c.hashes, licenses: c.licenses, parentRef: c.parentRef }))
      .sort((a, b) => a.ref.localeCompare(b.ref)),
    dependencies: document.dependencies
      .map((d) => ({ ref: d.ref, dependsOn: [...d.dependsOn].sort() }))
      .sort((a, b) => a.ref.localeCompare(b.ref)),
    extractedLicenses: document.extractedLicenses.map((license) => license.id),
  };
};

describe.skipIf(!hasSharedData)(`SPDX conformance data (${hasSharedData ? 'shared data' : sharedDataSkipReason})`, () => {
  for (const version of ['2.2', '2.3']) {
    it(`${version}: the official example reads the same from JSON, YAML, tag-value and XML`, () => {
      const files = conformanceFiles('spdx', version);
      const byKind = (pattern: RegExp) => files.find((file) => pattern.test(path.basename(file)))!;
      const json = summary(byKind(/^SPDXJSONExample/));
      expect(json.components.length).toBeGreaterThanOrEqual(9);
      expect(summary(byKind(/^SPDXYAMLExample/))).toEqual(json);
      expect(summary(byKind(/^SPDXXMLExample/))).toEqual(json);
      const tagValue = summary(byKind(/^SPDXTagExample/));
      expect(tagValue.components).toEqual(json.components);
      expect(tagValue.dependencies).toEqual(json.dependencies);
    });

    it(`${version}: RDF/XML is refused, saying which serialisations are supported`, () => {
      const rdf = conformanceFiles('spdx', version).find((file) => file.endsWith('.rdf.xml'))!;
      expect(rejected(rdf).message).toMatch(/RDF\/XML is not supported: export the document as SPDX JSON, YAML or tag-value/);
    });
  }

  it('BadJSON.spdx.json is refused: creators is not an array', () => {
    const file = conformanceFiles('spdx', 'tools-java-testResources').find((f) => path.basename(f) === 'BadJSON.spdx.json')!;
    const error = rejected(file);
    expect(error.problems.map((problem) => problem.location)).toContain('/creationInfo/creators');
  });

  it('documents that mix up their versions are refused; a valid 2.3 with a WITH exception imports', () => {
    const dir = conformanceFiles('spdx', 'tools-java-testResources');
    expect(rejected(dir.find((f) => path.basename(f) === 'SPDXJSONExample-wrongversion.spdx.json')!).problems[0]!.message).toMatch(/schema/);
    expect(rejected(dir.find((f) => path.basename(f) === 'SPDXWrongVersion.spdx.json')!).message).toMatch(/unsupported SPDX spec version "2.2.1"/);
    const withException = read(dir.find((f) => path.basename(f) === 'SPDXJSONExample-v2.3-with-exception.spdx.json')!);
    expect(withException.components.some((c) => c.licenses.some((l) => / WITH /.test(l.expression ?? '')))).toBe(true);
  });

  it('tools-python data: UTF-16 files read like their UTF-8 originals; control characters; SPDX-Lite; the Trivy file fails the schema', () => {
    const dir = conformanceFiles('spdx', 'tools-python-testdata');
    for (const file of dir.filter((f) => /UTF-16/.test(f))) {
      const document = read(file);
      expect(document.components.length).toBeGreaterThan(3);
      expect(document.name).toBe('SPDX-Tools-v2.0');
    }
    expect(read(dir.find((f) => path.basename(f) === 'ControlCharacters.spdx.json')!).components.length).toBeGreaterThan(0);
    expect(read(dir.find((f) => path.basename(f) === 'SPDXLite.spdx')!).components.length).toBeGreaterThan(0);
    const trivy = dir.find((f) => f.includes('/invalid/'))!;
    expect(rejected(trivy).problems[0]!.message).toMatch(/copyrightText/);
  });

  it('every SPDX document of spdx-examples (2.2, 2.3 and 3.0) and the 3.0 examples import strictly', () => {
    const files = [...conformanceFiles('spdx', 'spdx-examples'), ...conformanceFiles('spdx', '3.0'),
      ...conformanceFiles('spdx', 'tools-java-testResources').filter((f) => /jsonld|v3\.0\.1/.test(f))];
    expect(files.length).toBeGreaterThan(50);
    const failures: string[] = [];
    for (const file of files) {
      try {
        const document = read(file);
        if (document.components.length === 0 && !/ai|dataset/.test(file)) failures.push(`${file}: no components`);
      } catch (error) {
        failures.push(`${file}: ${(error as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('SPDX 3: packages, files, declared/concluded licenses by relationship, dependsOn edges', () => {
    const file = conformanceFiles('spdx', 'spdx-examples').find((f) => f.endsWith('example9/spdx3.0/appbomination.spdx3.json'))!;
    const document = read(file);
    expect(document.format).toBe('spdx');
    expect(document.serialisation).toBe('json-ld');
    const root = document.components.find((c) => c.ref === document.primaryRef)!;
    expect(root.name).toBe('App-BOM-ination');
    expect(root.licenses.length).toBeGreaterThan(0);
    expect(document.dependencies.length).toBeGreaterThan(0);
  });
});

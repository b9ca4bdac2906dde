import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSbom, type SbomDocument } from '../../../electron/main/engine/2-detect/sbom/index.js';
import { conformanceDir, hasSharedData, sharedDataSkipReason } from '../../helpers/shared-data.js';

const file = (relative: string): string => path.join(conformanceDir, 'real-world', relative);
const read = (relative: string, lenient = false): SbomDocument => readSbom(readFileSync(file(relative)), path.basename(relative), { lenient });
/** Components other than the document's own subject (CycloneDX metadata.component), counted as the README does. */
const withoutPrimary = (document: SbomDocument) => document.components.filter((c) => c.ref !== document.primaryRef || document.format === 'spdx');
const count = (document: SbomDocument, type: 'Package' | 'File') => document.components.filter((c) => c.spdxElementType === type).length;

// Expected counts are the ones stated in conformance/real-world/README.md.
describe.skipIf(!hasSharedData)(`real-world SBOMs (${hasSharedData ? 'shared data' : sharedDataSkipReason})`, () => {
  it('juice-shop (CycloneDX 1.7, npm): 1,116 nested components, 1,117 dependency entries, every declared license', () => {
    const relative = 'cyclonedx/juice-shop-1.7-node-npm/juice-shop_npm12_node24_ubuntu-latest.snap.json';
    const document = read(relative);
    // The README says 1,096 declared licenses; the file itself holds 1,094 "acknowledgement": "declared".
    const declaredInFile = readFileSync(file(relative), 'utf8').match(/"acknowledgement": "declared"/g)!.length;
    expect(withoutPrimary(document)).toHaveLength(1116);
    expect(document.components.filter((c) => c.parentRef === null && c.ref !== document.primaryRef)).toHaveLength(858);
    expect(document.dependencies).toHaveLength(1117);
    expect(document.components.flatMap((c) => c.licenses).filter((l) => l.acknowledgement === 'declared')).toHaveLength(declaredInFile);
    expect(document.problems).toEqual([]);
  });

  it('license strings are kept byte for byte', () => {
    const relative = 'cyclonedx/juice-shop-1.7-node-npm/juice-shop_npm12_node24_ubuntu-latest.snap.json';
    const raw = JSON.parse(readFileSync(file(relative), 'utf8')) as { components: { 'bom-ref': string; licenses?: { license?: { id?: string; name?: string }; expression?: string }[]; components?: unknown[] }[] };
    const document = read(relative);
    const byRef = new Map(document.components.map((c) => [c.ref, c]));
    for (const component of raw.components) {
      const written = (component.licenses ?? []).map((l) => l.expression ?? l.license?.id ?? l.license?.name);
      const read = byRef.get(component['bom-ref'])!.licenses.map((l) => l.expression ?? l.name);
      expect(read).toEqual(written);
    }
  });

  it('laravel (CycloneDX 1.4 XML): 62 components', () => {
    expect(withoutPrimary(read('cyclonedx/laravel-7.12.0/bom.1.4.xml'))).toHaveLength(62);
  });

  it('dropwizard (CycloneDX 1.2 JSON): 167 components, 167 dependency entries', () => {
    const document = read('cyclonedx/dropwizard-1.3.15/bom.json');
    expect(withoutPrimary(document)).toHaveLength(167);
    expect(document.dependencies).toHaveLength(167);
  });

  it('VEX: the product BOM has 3 components; analysis state/justification/response are kept; BOM-Links stay as written', () => {
    expect(withoutPrimary(read('cyclonedx/vex/bom.json'))).toHaveLength(3);
    const vex = read('cyclonedx/vex/vex.json');
    expect(vex.vulnerabilities).toHaveLength(1);
    expect(vex.vulnerabilities[0]!.analysis).toMatchObject({ state: expect.any(String) });
    expect(vex.vulnerabilities[0]!.affects[0]).toMatch(/^urn:cdx:/);
    const cisa = read('cyclonedx/vex/CISA-Case-2-vex.json');
    expect(cisa.vulnerabilities).toHaveLength(19);
    expect(cisa.vulnerabilities.every((v) => v.analysis !== null)).toBe(true);
  });

  it('istio (SPDX 2.2 tag-value): 3,461 packages, 40 files, 3,501 relationships, no edge lost', () => {
    const document = read('spdx/istio-release/istio-release.spdx');
    expect(count(document, 'Package')).toBe(3461);
    expect(count(document, 'File')).toBe(40);
    expect(document.relationships).toHaveLength(3501);
    expect(document.problems).toEqual([]);
  });

  it('k8s (SPDX 2.3 tag-value): 130 packages, 113 files, 268 relationships', () => {
    const document = read('spdx/k8s-release/k8s-release-sbom.spdx');
    expect([count(document, 'Package'), count(document, 'File'), document.relationships.length]).toEqual([130, 113, 268]);
  });

  it('syft (SPDX 2.3 JSON): 333 packages, 162 files, 205 relationships', () => {
    const document = read('spdx/rke2-upgrade-syft/spdx-syft-rancher_rke2-upgrade-sha256_79ec806120f61f162fff38c9980855969eb9da82518411e86ecac981e3c49fb4.json');
    expect([count(document, 'Package'), count(document, 'File'), document.relationships.length]).toEqual([333, 162, 205]);
  });

  it('Trivy (SPDX 2.2 JSON) fails the official 2.2 schema (required fields missing); a lenient read imports all of it', () => {
    const relative = 'spdx/opensearch-dashboards-trivy/spdx-trivy-opensearchproject_opensearch-dashboards-sha256_47a66cd5d1841d7c2e869d1cfe8003de1251b029355e5e15b4895fb57fb89746.json';
    expect(() => read(relative)).toThrow(/missing required property "copyrightText"/);
    const document = read(relative, true);
    expect([count(document, 'Package'), count(document, 'File'), document.relationships.length]).toEqual([2238, 2081, 2238]);
    expect(document.problems.every((problem) => problem.message.startsWith('schema:'))).toBe(true);
  });
});

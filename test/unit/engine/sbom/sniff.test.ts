import { describe, expect, it } from 'vitest';
import { sniffSbom } from '../../../../electron/main/engine/2-detect/sbom/index.js';
import { fixture } from './helpers.js';

describe('sniffSbom', () => {
  it('recognises each format and version from the content', () => {
    expect(sniffSbom(fixture('cyclonedx-1.6-rich.json'), 'x')).toEqual({ format: 'cyclonedx', specVersion: '1.6', serialisation: 'json' });
    expect(sniffSbom(fixture('cyclonedx-1.6-rich.xml'), 'x')).toEqual({ format: 'cyclonedx', specVersion: '1.6', serialisation: 'xml' });
    expect(sniffSbom(fixture('spdx-2.3-rich.spdx'), 'x')).toEqual({ format: 'spdx', specVersion: '2.3', serialisation: 'tag-value' });
    expect(sniffSbom(Buffer.from('spdxVersion: "SPDX-2.2"\nname: x\n'), 'x')).toEqual({ format: 'spdx', specVersion: '2.2', serialisation: 'yaml' });
    expect(sniffSbom(Buffer.from('{"@context":"https://spdx.org/rdf/3.0.1/spdx-context.jsonld","@graph":[]}'), 'x')).toEqual({
      format: 'spdx', specVersion: '3.0.1', serialisation: 'json-ld',
    });
    expect(sniffSbom(Buffer.from('<?xml version="1.0"?>\n<Document><spdxVersion>SPDX-2.3</spdxVersion></Document>'), 'x')).toEqual({
      format: 'spdx', specVersion: '2.3', serialisation: 'xml',
    });
  });

  it('ignores the file name: a CycloneDX file named .spdx is CycloneDX, an SBOM-like name with other content is nothing', () => {
    expect(sniffSbom(fixture('cyclonedx-1.6-rich.json'), 'bom.spdx')?.format).toBe('cyclonedx');
    expect(sniffSbom(Buffer.from('{"name":"left-pad","version":"1.3.0","license":"WTFPL"}'), 'bom.cdx.json')).toBeNull();
    expect(sniffSbom(Buffer.from('<project><modelVersion>4.0.0</modelVersion></project>'), 'bom.xml')).toBeNull();
    expect(sniffSbom(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]), 'sbom.json')).toBeNull();
    expect(sniffSbom(Buffer.alloc(0), 'sbom.json')).toBeNull();
  });

  it('finds a version that a key-sorting generator writes after megabytes of packages', () => {
    const packages = Array.from({ length: 6000 }, (_, index) => ({ SPDXID: `SPDXRef-p${index}`, name: `package-${index}`, downloadLocation: 'NOASSERTION' }));
    const text = JSON.stringify({ SPDXID: 'SPDXRef-DOCUMENT', packages, spdxVersion: 'SPDX-2.2' });
    expect(text.length).toBeGreaterThan(300 * 1024);
    expect(sniffSbom(Buffer.from(text), 'trivy.json')).toEqual({ format: 'spdx', specVersion: '2.2', serialisation: 'json' });
  });

  it('reads UTF-16 (both byte orders, with a BOM) and UTF-8 with a BOM', () => {
    const text = fixture('spdx-2.3-rich.spdx').toString('utf8');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    for (const bytes of [le, be, utf8]) expect(sniffSbom(bytes, 'x')?.serialisation).toBe('tag-value');
  });
});

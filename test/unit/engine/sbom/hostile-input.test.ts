import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../helpers/temp-dir.js';
import { fixture, read, rejection } from './helpers.js';

const minimalCdx = (extra = ''): string =>
  `{"bomFormat":"CycloneDX","specVersion":"1.6","version":1,"components":[{"type":"library","name":"a","version":"1"${extra}}]}`;

describe('hostile and broken input is refused with a clear message, never a crash', () => {
  it('refuses XXE without reading the referenced file', () => {
    const dir = makeTempDir();
    const secret = path.join(dir, 'secret.txt');
    writeFileSync(secret, 'TOP-SECRET-VALUE');
    const xml = fixture('hostile/xxe.xml').toString('utf8').replace('file:///etc/passwd', `file://${secret}`);
    const error = rejection(xml, 'xxe.xml', { lenient: true });
    expect(error.message).toContain('xxe.xml');
    expect(error.message).toMatch(/DOCTYPE.*refused.*XXE/s);
    expect(JSON.stringify(error.problems)).not.toContain('TOP-SECRET-VALUE');
    expect(error.problems[0]?.location).toBe('line 2');
  });

  it('refuses an entity-expansion bomb ("billion laughs") at once', () => {
    const error = rejection(fixture('hostile/billion-laughs.xml'), 'lol.xml', { lenient: true });
    expect(error.message).toMatch(/billion laughs/);
  });

  it('refuses a YAML alias bomb', () => {
    expect(rejection(fixture('hostile/yaml-alias-bomb.spdx.yaml'), 'bomb.yaml', { lenient: true }).message).toMatch(/alias/i);
  });

  it('refuses JSON nested deeper than the limit, naming the option', () => {
    const deep = `{"bomFormat":"CycloneDX","specVersion":"1.6","x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const error = rejection(deep, 'deep.json', { lenient: true });
    expect(error.message).toMatch(/nested deeper than 256 levels \(option maxDepth\)/);
    expect(rejection(minimalCdx(), 'ok.json', { lenient: true, maxDepth: 2 }).message).toMatch(/deeper than 2/);
  });

  it('refuses XML nested deeper than the limit', () => {
    const xml = `<bom xmlns="http://cyclonedx.org/schema/bom/1.6">${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}</bom>`;
    const error = rejection(xml, 'deep.xml', { lenient: true });
    // libxml2 (schema check) and the reader both stop at their nesting limits and say so.
    expect(error.message).toMatch(/Excessive depth in document: 256/);
    expect(error.message).toMatch(/Maximum nested tags exceeded|deeper than 256/);
  });

  it('refuses a file above the size limit, naming the limit', () => {
    const error = rejection(minimalCdx(), 'big.json', { lenient: true, maxBytes: 64 });
    expect(error.message).toMatch(/larger than the limit of 64 bytes \(option maxBytes\)/);
  });

  it('renames duplicate bom-refs and drops edges to unknown refs, reporting each as a warning', () => {
    const document = read(fixture('hostile/duplicate-refs.json'), 'dup.json');
    expect(document.components.map((component) => [component.ref, component.name])).toEqual([
      ['same', 'first'],
      ['same#2', 'second'],
    ]);
    expect(document.dependencies).toEqual([{ ref: 'same', dependsOn: [] }]);
    expect(document.problems.map((problem) => [problem.severity, problem.location])).toEqual([
      ['warning', '/components/1'],
      ['warning', '/dependencies/0'],
      ['warning', '/dependencies/1'],
    ]);
    expect(document.problems[1]?.message).toContain('missing-ref');
    expect(document.problems[2]?.message).toContain('ghost');
  });

  it('reports a truncated or malformed JSON file with its line', () => {
    const text = fixture('cyclonedx-1.6-rich.json').toString('utf8');
    const error = rejection(text.slice(0, 600), 'cut.json', { lenient: true });
    expect(error.message).toMatch(/invalid JSON/);
    expect(error.problems[0]?.location).toMatch(/^line \d+$/);
  });

  it('refuses raw control characters in JSON strings but reads escaped ones', () => {
    expect(rejection(minimalCdx(',"description":"a\u0001b"'), 'ctl.json').message).toMatch(/invalid JSON/);
    const document = read(minimalCdx(',"description":"a\\u0001b\\u0007"'), 'escaped.json');
    expect(document.components[0]?.description).toBe('a\u0001b\u0007');
  });

  it('reads UTF-16 LE/BE and BOM-prefixed UTF-8 to the same document', () => {
    const text = fixture('cyclonedx-1.6-rich.json').toString('utf8');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    const bomUtf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    const expected = read(text, 'plain.json').components;
    for (const bytes of [le, be, bomUtf8]) expect(read(bytes, 'encoded.json').components).toEqual(expected);
  });

  it('refuses an unknown spec version strictly; a lenient read imports it and says so', () => {
    const text = minimalCdx().replace('"1.6"', '"1.9"');
    expect(rejection(text, 'future.json').message).toMatch(/unsupported CycloneDX spec version "1.9" \(supported: CycloneDX 1.2–1.7\)/);
    const document = read(text, 'future.json', { lenient: true });
    expect(document.components).toHaveLength(1);
    expect(document.problems[0]?.message).toMatch(/read as 1.7 without schema validation/);
  });

  it('refuses random bytes and text that is not an SBOM', () => {
    const noise = Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 7919) % 256));
    expect(rejection(noise, 'noise.bin', { lenient: true }).message).toContain('noise.bin');
    expect(rejection('{"name":"x"}', 'package.json', { lenient: true }).message).toMatch(/not a CycloneDX or SPDX document/);
    expect(rejection(minimalCdx().replace('"CycloneDX"', '"Other"'), 'fmt.json', { lenient: true }).message).toMatch(/bomFormat is "Other"/);
  });

  it('refuses a schema-invalid document strictly; lenient keeps the components and lists the schema problems with pointers', () => {
    const text = minimalCdx().replace('"type":"library"', '"type":"not-a-type"');
    const error = rejection(text, 'bad.json');
    expect(error.problems[0]?.location).toBe('/components/0/type');
    const document = read(text, 'bad.json', { lenient: true });
    expect(document.components[0]?.name).toBe('a');
    expect(document.problems.some((problem) => problem.severity === 'error' && problem.location === '/components/0/type')).toBe(true);
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifestKind, parseManifest } from '../../../../electron/main/engine/2-detect/packages/index.js';
import { fixturesDir } from './helpers.js';

function invalid(name: string): string {
  return readFileSync(path.join(fixturesDir, 'invalid', name), 'utf8');
}

/** One path per manifest kind, for feeding every reader the same hostile input. */
const EVERY_KIND = [
  'package.json', 'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'pyproject.toml', 'setup.cfg',
  'PKG-INFO', 'x.dist-info/METADATA', 'requirements.txt', 'poetry.lock', 'Pipfile.lock', 'uv.lock', 'pom.xml',
  'META-INF/maven/g/a/pom.xml', 'META-INF/maven/g/a/pom.properties', 'gradle.lockfile', 'gradle/verification-metadata.xml',
  'go.mod', 'go.sum', 'vendor/modules.txt', 'Cargo.toml', 'Cargo.lock', 'x.gemspec', 'Gemfile.lock', 'composer.json',
  'composer.lock', 'x.csproj', 'packages.lock.json', 'x.nuspec', 'packages.config', 'Package.resolved', 'Podfile.lock',
  'pubspec.lock', 'pubspec.yaml', 'conanfile.txt', 'conan.lock', 'vcpkg.json',
];

describe('invalid syntax becomes a problem with a location', () => {
  it('JSON', () => {
    const r = parseManifest('package.json', invalid('package.json'));
    expect(r.packages).toEqual([]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.message).toMatch(/^invalid JSON/);
    expect(r.problems[0]!.location).toBe('line 7 column 3');
  });

  it('JSON with only a trailing comma is read leniently, saying so', () => {
    const r = parseManifest('package.json', '{"name": "lenient", "version": "1.0.0",}');
    expect(r.packages[0]!.name).toBe('lenient');
    expect(r.problems[0]!.message).toMatch(/not valid JSON .* read leniently/);
  });

  it('TOML', () => {
    const r = parseManifest('Cargo.toml', invalid('Cargo.toml'));
    expect(r.packages).toEqual([]);
    expect(r.problems[0]!.message).toMatch(/^invalid TOML/);
    expect(r.problems[0]!.location).toMatch(/^line 3 column \d+$/);
  });

  it('YAML', () => {
    const r = parseManifest('pnpm-lock.yaml', invalid('pnpm-lock.yaml'));
    expect(r.problems.length).toBeGreaterThan(0);
    expect(r.problems[0]!.message).toMatch(/^invalid YAML/);
    expect(r.problems[0]!.location).toMatch(/^line \d+ column \d+$/);
  });

  it('XML', () => {
    const r = parseManifest('pom.xml', invalid('pom.xml'));
    expect(r.packages).toEqual([]);
    expect(r.problems[0]!.message).toMatch(/^invalid XML/);
    expect(r.problems[0]!.location).toMatch(/^line 6 column \d+$/);
  });

  it('well-formed files of the wrong shape', () => {
    for (const [file, content] of [['package.json', '[1,2,3]'], ['package-lock.json', '"just a string"'], ['composer.lock', 'null'], ['vcpkg.json', '42']] as const) {
      const r = parseManifest(file, content);
      expect(r.packages, file).toEqual([]);
      expect(r.problems[0]!.message, file).toMatch(/not a JSON object/);
    }
    const nulls = parseManifest('package-lock.json', '{"lockfileVersion":3,"packages":{"":null,"node_modules/a":null,"node_modules/b":{"version":null,"dependencies":null}}}');
    expect(nulls.packages.map((p) => p.name)).toEqual(['b']);
  });
});

describe('hostile XML and YAML', () => {
  it('billion laughs: the DOCTYPE is refused, no entity is expanded', () => {
    const r = parseManifest('pom.xml', invalid('billion-laughs.pom.xml'));
    expect(r.packages).toEqual([]);
    expect(r.problems).toEqual([{ location: 'line 2', message: 'XML with a DOCTYPE declaration is not read (entity expansion is refused)' }]);
  });

  it('external entity (XXE): refused, the file system is not read', () => {
    const r = parseManifest('Evil.nuspec', invalid('xxe.nuspec'));
    expect(r.packages).toEqual([]);
    expect(r.problems[0]!.message).toMatch(/DOCTYPE/);
    expect(JSON.stringify(r)).not.toMatch(/root:/);
  });

  it('an entity reference without a DOCTYPE stays literal text', () => {
    const r = parseManifest('x.nuspec', '<package><metadata><id>A</id><version>1.0.0</version><description>&xxe; &amp; more</description></metadata></package>');
    expect(r.packages[0]!.description).toBe('&xxe; & more');
  });

  it('YAML alias bomb: refused by the alias limit, reported', () => {
    const r = parseManifest('pubspec.lock', invalid('alias-bomb.pubspec.lock'));
    expect(r.packages).toEqual([]);
    expect(r.problems[0]!.message).toMatch(/invalid YAML/);
  });

  it('deeply nested XML is refused by the nesting limit', () => {
    const deep = '<project>' + '<a>'.repeat(5000) + '</a>'.repeat(5000) + '<artifactId>x</artifactId></project>';
    const r = parseManifest('pom.xml', deep);
    expect(r.packages).toEqual([]);
    expect(r.problems[0]!.message).toMatch(/invalid XML/);
  });
});

describe('enormous and malformed content', () => {
  it('caps enormous field values', () => {
    const big = 'x'.repeat(5_000_000);
    const r = parseManifest('package.json', JSON.stringify({ name: 'big', version: '1.0.0', description: big, license: big, author: big }));
    const p = r.packages[0]!;
    expect(p.description!.length).toBeLessThanOrEqual(4097);
    expect(p.declaredLicense!.length).toBeLessThanOrEqual(4097);
    expect(p.author!.length).toBeLessThanOrEqual(513);
    const name = parseManifest('package.json', JSON.stringify({ name: 'n'.repeat(100_000) })).packages[0]!;
    expect(name.name.length).toBeLessThanOrEqual(513);
  });

  it('deeply nested JSON does not overflow the stack', () => {
    const deep = '{"lockfileVersion":1,"dependencies":' + '{"a":{"version":"1.0.0","dependencies":'.repeat(20_000) + '{}' + '}}'.repeat(20_000) + '}';
    const r = parseManifest('package-lock.json', deep);
    expect(r.packages.length).toBe(1);
    expect(r.packages[0]!.installPath!.split('node_modules/').length).toBe(2);
    const arrays = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(parseManifest('composer.lock', arrays).problems[0]!.message).toMatch(/not a JSON object/);
  });

  it('BOM, NUL bytes and replacement characters from a bad decoding', () => {
    const withBom = parseManifest('package.json', '\uFEFF{"name":"bom","version":"1.0.0","license":"MIT"}');
    expect(withBom.packages[0]).toMatchObject({ name: 'bom', declaredLicense: 'MIT' });
    const garbled = parseManifest('go.mod', 'module ex\uFFFDmple.com/m\u0000\nrequire a.com/b v1.0.0\n\uFFFD\uFFFD\n');
    expect(garbled.packages.map((p) => p.name)).toContain('b');
    const latin1 = Buffer.from('Name: caf\xe9\nVersion: 1.0\nLicense: MIT\n', 'latin1').toString('utf8');
    expect(parseManifest('PKG-INFO', latin1).packages[0]).toMatchObject({ name: 'caf\uFFFD', declaredLicense: 'MIT' });
  });

  it('every reader survives random bytes, empty files and binary content', () => {
    let seed = 12345;
    const rand = (): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const alphabet = '{}[]<>:="\'\n\t ,-#@/\\&;!?()*abcXYZ0129 node_modules version license dependencies <project> [[package]] - name:';
    for (const rel of EVERY_KIND) {
      expect(manifestKind(rel), rel).not.toBeNull();
      for (let i = 0; i < 40; i++) {
        const len = Math.floor(rand() * 400);
        let s = '';
        for (let j = 0; j < len; j++) s += alphabet[Math.floor(rand() * alphabet.length)];
        const r = parseManifest(rel, s);
        expect(Array.isArray(r.packages), rel).toBe(true);
        for (const e of r.edges) expect(r.packages.some((p) => p.ref === e.from) && r.packages.some((p) => p.ref === e.to)).toBe(true);
      }
      expect(parseManifest(rel, '').packages.length, rel).toBeLessThanOrEqual(1);
      expect(() => parseManifest(rel, '\u0000\u0001\u0002PK\u0003\u0004\uFFFD'.repeat(1000))).not.toThrow();
    }
  });

  it('UTF-16 content read as UTF-8 is reported, not parsed as garbage', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<Project><ItemGroup><PackageReference Include="A" Version="1.0.0" /></ItemGroup></Project>', 'utf16le')]);
    const r = parseManifest('src/App.csproj', utf16.toString('utf8'));
    expect(r.packages).toEqual([]);
    expect(r.problems[0]!.message).toMatch(/UTF-16/);
  });

  it('a path that is not a manifest gives a problem, not an exception', () => {
    expect(parseManifest('src/main.c', 'int main(){}').problems[0]!.message).toMatch(/not a known manifest/);
  });
});

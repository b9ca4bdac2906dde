import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runClearance } from '../../helpers/cli.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { buildTar, buildTarGz } from '../../unit/engine/archives/tar-builder.js';
import { buildZip } from '../../unit/engine/archives/zip-builder.js';

const MIT = `MIT License

Copyright (c) 2007 Leah Neukirchen

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated
documentation files (the "Software"), to deal in the Software without restriction, including without limitation the
rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit
persons to whom the Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or substantial portions of the
Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE
WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
`;

const GEM_SPEC = `--- !ruby/object:Gem::Specification
name: rack
version: !ruby/object:Gem::Version
  version: 3.0.8
platform: ruby
authors:
- Leah Neukirchen
dependencies:
- !ruby/object:Gem::Dependency
  name: minitest
  requirement: !ruby/object:Gem::Requirement
    requirements:
    - - "~>"
      - !ruby/object:Gem::Version
        version: '5.0'
  type: :development
  prerelease: false
homepage: https://github.com/rack/rack
licenses:
- MIT
summary: A modular Ruby webserver interface.
`;

/** A Ruby app that vendors a gem (bundle package) and a Java library shipped as a jar. */
async function appWithArchives(): Promise<{ dir: string; db: string }> {
  const root = makeTempDir();
  const dir = path.join(root, 'shop');
  mkdirSync(path.join(dir, 'vendor/cache'), { recursive: true });
  mkdirSync(path.join(dir, 'lib'), { recursive: true });
  const data = await buildTarGz([{ name: 'lib/rack.rb', data: 'module Rack; end\n' }, { name: 'MIT-LICENSE', data: MIT }]);
  writeFileSync(path.join(dir, 'vendor/cache/rack-3.0.8.gem'), await buildTar([
    { name: 'metadata.gz', data: gzipSync(GEM_SPEC) },
    { name: 'data.tar.gz', data },
    { name: 'checksums.yaml.gz', data: gzipSync('---\n') },
  ]));
  writeFileSync(path.join(dir, 'lib/commons-text.jar'), buildZip([
    { name: 'META-INF/MANIFEST.MF', data: 'Manifest-Version: 1.0\n' },
    { name: 'META-INF/maven/org.apache.commons/commons-text/pom.properties', data: 'groupId=org.apache.commons\nartifactId=commons-text\nversion=1.10.0\n' },
    {
      name: 'META-INF/maven/org.apache.commons/commons-text/pom.xml',
      data: '<project><groupId>org.apache.commons</groupId><artifactId>commons-text</artifactId><version>1.10.0</version>'
        + '<licenses><license><name>Apache-2.0</name></license></licenses></project>',
    },
    { name: 'org/apache/commons/text/StringSubstitutor.class', data: Buffer.from([0xca, 0xfe, 0xba, 0xbe]) },
  ]));
  return { dir, db: path.join(root, 'ws.sqlite') };
}

describe('clearance scan --extract', () => {
  it('indexes jars and gems as folders: their packages, licenses and files appear, with the archive path in front', async () => {
    const { dir, db } = await appWithArchives();
    const plain = runClearance(['scan', dir, '--db', db]);
    expect(plain.status).toBe(0);
    const extracted = runClearance(['scan', dir, '--db', db, '--extract']);
    expect(extracted.stderr).toBe('');
    expect(extracted.status).toBe(0);

    const ws = new Database(db, { readonly: true });
    try {
      const scans = ws.prepare('SELECT id FROM scans ORDER BY id').all() as { id: number }[];
      const componentsOf = (scanId: number) =>
        ws.prepare('SELECT purl, root_path AS root, declared_expression AS license FROM components WHERE scan_id = ? AND purl IS NOT NULL ORDER BY purl').all(scanId);
      // Without --extract the archives are opaque files; with it, what they hold is inventoried.
      expect(componentsOf(scans[0]!.id)).toEqual([]);
      expect(componentsOf(scans[1]!.id)).toEqual([
        { purl: 'pkg:gem/rack@3.0.8', root: 'vendor/cache/rack-3.0.8.gem!', license: 'MIT' },
        { purl: 'pkg:maven/org.apache.commons/commons-text@1.10.0', root: 'lib/commons-text.jar!', license: 'Apache-2.0' },
      ]);
      const files = ws.prepare('SELECT path FROM files WHERE scan_id = ? ORDER BY path').all(scans[1]!.id).map((r) => (r as { path: string }).path);
      expect(files).toEqual(expect.arrayContaining([
        'lib/commons-text.jar', 'lib/commons-text.jar!/org/apache/commons/text/StringSubstitutor.class',
        'vendor/cache/rack-3.0.8.gem', 'vendor/cache/rack-3.0.8.gem!/MIT-LICENSE', 'vendor/cache/rack-3.0.8.gem!/lib/rack.rb',
      ]));
    } finally {
      ws.close();
    }
    // The gem's license file is detected as MIT inside the archive.
    const out = path.join(path.dirname(db), 'findings.jsonl');
    expect(runClearance(['export', 'findings', '--db', db, '--out', out]).status).toBe(0);
    const findings = readFileSync(out, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { path: string; kind: string; license: string | null });
    expect(findings).toContainEqual(expect.objectContaining({ path: 'vendor/cache/rack-3.0.8.gem!/MIT-LICENSE', kind: 'license-text', license: 'MIT' }));
  });
});

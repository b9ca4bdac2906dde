import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../../../electron/main/engine/2-detect/packages/index.js';
import { byPurl, edgeList, parseFixture, purls } from './helpers.js';

describe('pom.xml', () => {
  const r = parseFixture('maven', 'project/pom.xml');

  it('reads coordinates from the parent, licenses, and decodes XML entities in text', () => {
    expect(r.problems).toEqual([]);
    expect(byPurl(r, 'pkg:maven/com.acme/billing-service@5.2.0')).toMatchObject({
      isRoot: true, declaredLicense: 'The Apache Software License, Version 2.0', description: 'Invoices & payments for Acme',
      homepage: 'https://acme.example/billing',
    });
  });

  it('substitutes properties, uses dependencyManagement, maps scopes, keeps ranges as declared', () => {
    expect(purls(r)).toEqual([
      'pkg:maven/com.acme/acme-commons@5.2.0',
      'pkg:maven/com.acme/billing-service@5.2.0',
      'pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.16.1',
      'pkg:maven/io.netty/netty-transport-native-epoll@4.1.104.Final?classifier=linux-x86_64',
      'pkg:maven/jakarta.servlet/jakarta.servlet-api@6.0.0',
      'pkg:maven/org.junit.jupiter/junit-jupiter@5.10.1',
      'pkg:maven/org.postgresql/postgresql@42.7.1',
      'pkg:maven/org.slf4j/slf4j-api@2.0.9',
    ]);
    expect(byPurl(r, 'pkg:maven/org.postgresql/postgresql@42.7.1').scope).toBe('runtime');
    expect(byPurl(r, 'pkg:maven/jakarta.servlet/jakarta.servlet-api@6.0.0').scope).toBe('build');
    expect(byPurl(r, 'pkg:maven/org.junit.jupiter/junit-jupiter@5.10.1').scope).toBe('test');
    expect(byPurl(r, 'pkg:maven/io.netty/netty-transport-native-epoll@4.1.104.Final?classifier=linux-x86_64').scope).toBe('optional');
    expect(r.edges.every((e) => e.from === 'pkg:maven/com.acme/billing-service@5.2.0')).toBe(true);
    expect(r.edges).toHaveLength(7);
    const root = byPurl(r, 'pkg:maven/com.acme/billing-service@5.2.0');
    expect(root.declaredDependencies?.map((d) => `${d.purl} ${d.range}`)).toEqual([
      'pkg:maven/com.google.guava/guava [32.0,33.0)',
      'pkg:maven/org.example/unmanaged ${undefined.property}',
    ]);
  });

  it('a pom inside a jar describes the jar, whose root is four levels up', () => {
    const jar = parseFixture('maven', 'jar/META-INF/maven/com.google.guava/guava/pom.xml');
    expect(jar.format).toBe('pom.xml (in a jar)');
    expect(byPurl(jar, 'pkg:maven/com.google.guava/guava@32.1.3-jre')).toMatchObject({ isRoot: false, installPath: '../../../..', declaredLicense: 'Apache License, Version 2.0' });
    const props = parseFixture('maven', 'jar/META-INF/maven/com.google.guava/guava/pom.properties');
    expect(props.packages).toMatchObject([{ purl: 'pkg:maven/com.google.guava/guava@32.1.3-jre', installPath: '../../../..' }]);
  });

  it('several licenses are alternatives', () => {
    const pom = `<project><groupId>g</groupId><artifactId>a</artifactId><version>1</version><licenses>
      <license><name>EPL-2.0</name></license><license><name>GPL-2.0-with-classpath-exception</name></license></licenses></project>`;
    expect(parseManifest('pom.xml', pom).packages[0]!.declaredLicense).toBe('EPL-2.0 OR GPL-2.0-with-classpath-exception');
  });
});

describe('Gradle', () => {
  it('gradle.lockfile: coordinates and scope from configurations', () => {
    const r = parseFixture('gradle', 'app/gradle.lockfile');
    expect(r.packages.map((p) => `${p.purl} ${p.scope}`)).toEqual([
      'pkg:maven/com.google.code.gson/gson@2.10.1 runtime',
      'pkg:maven/com.squareup.okhttp3/okhttp@4.12.0 runtime',
      'pkg:maven/org.jetbrains.kotlin/kotlin-stdlib@1.9.21 runtime',
      'pkg:maven/org.junit.jupiter/junit-jupiter-api@5.10.1 test',
      'pkg:maven/com.google.auto.value/auto-value@1.10.4 build',
    ]);
  });

  it('verification-metadata.xml: components with the jar checksums', () => {
    const r = parseFixture('gradle', 'app/gradle/verification-metadata.xml');
    expect(purls(r)).toEqual(['pkg:maven/com.google.code.gson/gson@2.10.1', 'pkg:maven/com.squareup.okhttp3/okhttp@4.12.0']);
    expect(byPurl(r, 'pkg:maven/com.google.code.gson/gson@2.10.1').hashes).toEqual([{ alg: 'SHA-256', content: '4241c14a7727c34feea6507ec801318a3d4a90f070e4525681079fb94ee4c593' }]);
    expect(byPurl(r, 'pkg:maven/com.squareup.okhttp3/okhttp@4.12.0').hashes.map((h) => h.alg).sort()).toEqual(['SHA-256', 'SHA-512']);
  });
});

describe('Go', () => {
  it('go.mod: module, requires (direct vs // indirect), replace by module and by path', () => {
    const r = parseFixture('go', 'mod/go.mod');
    expect(r.packages.map((p) => `${p.purl} ${p.direct}`)).toEqual([
      'pkg:golang/github.com/acme/inventory null',
      'pkg:golang/github.com/gorilla/mux@v1.8.1 true',
      'pkg:golang/github.com/sirupsen/logrus@v1.9.3 true',
      'pkg:golang/golang.org/x/text@v0.13.0 false',
      'pkg:golang/github.com/acme/shared true',
      'pkg:golang/golang.org/x/sys@v0.15.0 false',
    ]);
    expect(r.packages[0]!.isRoot).toBe(true);
    expect(r.edges).toHaveLength(5);
  });

  it('go.sum: modules whose content was downloaded, not go.mod-only entries', () => {
    const r = parseFixture('go', 'mod/go.sum');
    expect(purls(r)).toEqual([
      'pkg:golang/github.com/davecgh/go-spew@v1.1.1', 'pkg:golang/github.com/gorilla/mux@v1.8.1',
      'pkg:golang/github.com/sirupsen/logrus@v1.9.3', 'pkg:golang/golang.org/x/sys@v0.15.0',
    ]);
  });

  it('vendor/modules.txt: install paths under vendor/, explicit = direct, replacements', () => {
    const r = parseFixture('go', 'mod/vendor/modules.txt');
    expect(r.packages.map((p) => `${p.purl} ${p.installPath} ${p.direct}`)).toEqual([
      'pkg:golang/github.com/gorilla/mux@v1.8.1 github.com/gorilla/mux true',
      'pkg:golang/github.com/sirupsen/logrus@v1.9.3 github.com/sirupsen/logrus true',
      'pkg:golang/golang.org/x/sys@v0.15.0 golang.org/x/sys false',
      'pkg:golang/golang.org/x/text@v0.13.0 golang.org/x/text false',
      'pkg:golang/github.com/acme/shared github.com/acme/shared false',
    ]);
  });
});

describe('Rust', () => {
  it('Cargo.toml: package, SPDX license, dependency tables incl. renames and targets', () => {
    const r = parseFixture('cargo', 'crate/Cargo.toml');
    expect(r.packages[0]).toMatchObject({ purl: 'pkg:cargo/ripgrep-lite@0.3.1', declaredLicense: 'MIT OR Unlicense', author: 'Andrew Example <andrew@example.org>' });
    expect(r.packages[0]!.declaredDependencies?.map((d) => `${d.name} ${d.range} ${d.scope}`)).toEqual([
      'regex 1.10 runtime', 'memchr 2.7 optional', 'serde_json 1.0 runtime', 'tempfile 3 dev', 'cc 1.0 build', 'winapi-util 0.1 runtime',
    ]);
  });

  it('a workspace-inherited license is left to the workspace root, not invented', () => {
    const r = parseManifest('Cargo.toml', '[package]\nname = "member"\nversion.workspace = true\nlicense.workspace = true\n');
    expect(r.packages[0]).toMatchObject({ version: null, declaredLicense: null, inherits: { from: 'cargo-workspace', fields: ['license', 'version'] } });
  });

  it('Cargo.lock: checksums, versioned dependency strings, git sources, direct from the local crate', () => {
    const r = parseFixture('cargo', 'crate/Cargo.lock');
    expect(r.format).toBe('Cargo.lock v3');
    expect(purls(r)).toEqual([
      'pkg:cargo/aho-corasick@1.1.2', 'pkg:cargo/memchr@2.7.1', 'pkg:cargo/regex-syntax@0.6.29', 'pkg:cargo/regex-syntax@0.8.2',
      'pkg:cargo/regex@1.10.2', 'pkg:cargo/ripgrep-lite@0.3.1', 'pkg:cargo/tempfile-git@3.9.0',
    ]);
    expect(byPurl(r, 'pkg:cargo/regex@1.10.2')).toMatchObject({ direct: true, hashes: [{ alg: 'SHA-256', content: '380b951a9c5e80ddfd6136919eef32310721aa4aacd4889a8d39124b026ab343' }] });
    expect(byPurl(r, 'pkg:cargo/aho-corasick@1.1.2').direct).toBe(false);
    expect(byPurl(r, 'pkg:cargo/tempfile-git@3.9.0').externalReferences[0]!.url).toMatch(/^https:\/\/github.com\/example\/tempfile/);
    expect(edgeList(r)).toContain('pkg:cargo/regex@1.10.2 -> pkg:cargo/regex-syntax@0.8.2 (unknown)');
    expect(edgeList(r)).not.toContain('pkg:cargo/regex@1.10.2 -> pkg:cargo/regex-syntax@0.6.29 (unknown)');
  });
});

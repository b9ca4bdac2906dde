import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../../../electron/main/engine/2-detect/packages/index.js';
import { byPurl, edgeList, parseFixture, purls } from './helpers.js';

describe('Ruby', () => {
  it('*.gemspec: literal name, version, licenses list, authors, dependencies', () => {
    const r = parseFixture('ruby', 'gem/sinatra-lite.gemspec');
    expect(r.packages[0]).toMatchObject({
      purl: 'pkg:gem/sinatra-lite@3.1.0', declaredLicense: 'MIT OR Ruby', author: 'Blake Mizerany, Konstantin Haase',
      description: 'Classy web-development dressed in a DSL', isRoot: true,
    });
    expect(r.packages[0]!.declaredDependencies?.map((d) => `${d.name} [${d.range}] ${d.scope}`)).toEqual([
      'rack [~> 3.0, >= 3.0.8] runtime', 'mustermann [~> 3.0] runtime', 'tilt [null] runtime', 'rspec [~> 3.12] dev',
    ]);
  });

  it('an installed specification (.freeze, %q<>) points at its gem directory', () => {
    const r = parseFixture('ruby', 'installed/specifications/nokogiri-1.15.5-x86_64-linux.gemspec');
    expect(r.packages[0]).toMatchObject({
      purl: 'pkg:gem/nokogiri@1.15.5?platform=x86_64-linux', declaredLicense: 'MIT', isRoot: false,
      installPath: '../gems/nokogiri-1.15.5-x86_64-linux',
    });
    expect(r.packages[0]!.declaredDependencies).toMatchObject([{ name: 'racc', range: '~> 1.4' }]);
  });

  it('Gemfile.lock: GEM/GIT/PATH specs, platforms, graph, DEPENDENCIES as direct, CHECKSUMS', () => {
    const r = parseFixture('ruby', 'app/Gemfile.lock');
    expect(purls(r)).toEqual([
      'pkg:gem/crass@1.0.6', 'pkg:gem/loofah@2.22.0', 'pkg:gem/nokogiri@1.15.5?platform=x86_64-linux', 'pkg:gem/racc@1.7.3',
      'pkg:gem/rack@3.0.8', 'pkg:gem/rails-html-sanitizer@1.6.0', 'pkg:gem/rspec@3.12.0', 'pkg:gem/shop@0.1.0',
    ]);
    expect(byPurl(r, 'pkg:gem/shop@0.1.0').isRoot).toBe(true);
    expect(byPurl(r, 'pkg:gem/rack@3.0.8')).toMatchObject({ direct: true, hashes: [{ alg: 'SHA-256', content: 'a2c2bb7a1a8a4b1a6d6f3c0e4a1b9e5f8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f' }] });
    expect(byPurl(r, 'pkg:gem/crass@1.0.6').direct).toBe(false);
    expect(byPurl(r, 'pkg:gem/rails-html-sanitizer@1.6.0').externalReferences[0]!.url).toBe('https://github.com/rails/rails-html-sanitizer.git');
    expect(edgeList(r)).toContain('pkg:gem/loofah@2.22.0 -> pkg:gem/nokogiri@1.15.5?platform=x86_64-linux (runtime)');
    expect(edgeList(r)).toContain('pkg:gem/shop@0.1.0 -> pkg:gem/rails-html-sanitizer@1.6.0 (runtime)');
  });
});

describe('PHP', () => {
  it('composer.json: vendor namespace, license array as alternatives, platform requirements skipped', () => {
    const r = parseFixture('php', 'app/composer.json');
    expect(r.packages[0]).toMatchObject({ purl: 'pkg:composer/acme/shop', declaredLicense: 'MIT OR GPL-2.0-or-later', author: 'Acme Devs' });
    expect(r.packages[0]!.declaredDependencies?.map((d) => `${d.purl} ${d.scope}`)).toEqual([
      'pkg:composer/monolog/monolog runtime', 'pkg:composer/symfony/console runtime', 'pkg:composer/phpunit/phpunit dev',
    ]);
  });

  it('composer.lock: licenses, dev packages, require graph', () => {
    const r = parseFixture('php', 'app/composer.lock');
    expect(r.packages.map((p) => `${p.purl} ${p.declaredLicense} ${p.scope}`)).toEqual([
      'pkg:composer/monolog/monolog@3.5.0 MIT runtime', 'pkg:composer/psr/log@3.0.0 MIT runtime',
      'pkg:composer/symfony/console@v6.4.1 MIT runtime', 'pkg:composer/phpunit/phpunit@10.5.3 BSD-3-Clause dev',
    ]);
    expect(edgeList(r)).toEqual([
      'pkg:composer/monolog/monolog@3.5.0 -> pkg:composer/psr/log@3.0.0 (runtime)',
      'pkg:composer/symfony/console@v6.4.1 -> pkg:composer/psr/log@3.0.0 (runtime)',
    ]);
  });
});

describe('.NET', () => {
  it('*.csproj: package metadata, exact references as packages, ranges and properties as declared', () => {
    const r = parseFixture('dotnet', 'proj/Acme.Api.csproj');
    expect(byPurl(r, 'pkg:nuget/Acme.Api@1.2.0')).toMatchObject({ isRoot: true, declaredLicense: 'Apache-2.0', author: 'Acme' });
    expect(r.packages.filter((p) => !p.isRoot).map((p) => `${p.purl} ${p.scope}`)).toEqual([
      'pkg:nuget/Newtonsoft.Json@13.0.3 runtime', 'pkg:nuget/Serilog.AspNetCore@8.0.0 runtime', 'pkg:nuget/StyleCop.Analyzers@1.1.118 build',
    ]);
    expect(byPurl(r, 'pkg:nuget/Acme.Api@1.2.0').declaredDependencies?.map((d) => `${d.name} ${d.range}`)).toEqual(['Polly [8.0.0, 9.0.0)', 'Dapper $(DapperVersion)']);
  });

  it('packages.lock.json: all target frameworks, content hashes, Direct vs Transitive', () => {
    const r = parseFixture('dotnet', 'proj/packages.lock.json');
    expect(purls(r)).toEqual(['pkg:nuget/Newtonsoft.Json@13.0.3', 'pkg:nuget/Serilog.AspNetCore@8.0.0', 'pkg:nuget/Serilog@3.1.1', 'pkg:nuget/acme.core']);
    expect(byPurl(r, 'pkg:nuget/Serilog@3.1.1').direct).toBe(false);
    expect(byPurl(r, 'pkg:nuget/Newtonsoft.Json@13.0.3').direct).toBe(true);
    expect(byPurl(r, 'pkg:nuget/Serilog@3.1.1').hashes[0]!.content).toBe(Buffer.from('P6G4/4Kt9bT635bhuwdXlJ2SCqqn2nhh4gqFqQueCOr9bK/e7W9ll/IoX1Ter948cV2Z/5+5v8pAfJYUISY03A==', 'base64').toString('hex'));
    expect(edgeList(r)).toEqual(['pkg:nuget/Serilog.AspNetCore@8.0.0 -> pkg:nuget/Serilog@3.1.1 (runtime)']);
  });

  it('*.nuspec: license expression; legacy licenseUrl; dependency groups merged', () => {
    const r = parseFixture('dotnet', 'nupkg/Serilog.nuspec');
    expect(r.packages[0]).toMatchObject({ purl: 'pkg:nuget/Serilog@3.1.1', declaredLicense: 'Apache-2.0', homepage: 'https://serilog.net/' });
    expect(r.packages[0]!.declaredDependencies?.map((d) => `${d.name} ${d.range}`)).toEqual(['System.Diagnostics.DiagnosticSource 7.0.2', 'System.Threading.Channels [7.0.0, 8.0.0)']);
    const old = parseFixture('dotnet', 'legacy/old.nuspec');
    expect(old.packages[0]!.declaredLicense).toBe('http://www.opensource.org/licenses/mit-license.php');
    const file = parseManifest('x.nuspec', '<package><metadata><id>F</id><version>1.0.0</version><license type="file">LICENSE.txt</license><licenseUrl>https://aka.ms/deprecateLicenseUrl</licenseUrl></metadata></package>');
    expect(file.packages[0]!.declaredLicense).toBeNull();
  });

  it('packages.config', () => {
    const r = parseFixture('dotnet', 'legacy/packages.config');
    expect(r.packages.map((p) => `${p.purl} ${p.scope}`)).toEqual(['pkg:nuget/log4net@2.0.15 runtime', 'pkg:nuget/NUnit@3.13.3 dev']);
  });
});

describe('Swift, CocoaPods, Dart', () => {
  it('Package.resolved v1 and v3: namespace from the repository URL, revision when no version', () => {
    expect(purls(parseFixture('swift', 'v1/Package.resolved'))).toEqual([
      'pkg:swift/github.com/Alamofire/Alamofire@f455c2975872ccd2d9c81594c658af65716e9b9a',
      'pkg:swift/github.com/apple/swift-argument-parser@1.2.3',
    ]);
    const v3 = parseFixture('swift', 'v2/Package.resolved');
    expect(v3.format).toBe('Package.resolved v3');
    expect(purls(v3)).toEqual(['pkg:swift/github.com/apple/swift-log@1.5.3', 'pkg:swift/github.com/apple/swift-nio@2.62.0']);
  });

  it('Podfile.lock: one package per pod (subspecs merged), graph, direct, checksums', () => {
    const r = parseFixture('cocoapods', 'app/Podfile.lock');
    expect(purls(r)).toEqual([
      'pkg:cocoapods/Alamofire@5.8.1', 'pkg:cocoapods/FirebaseCore@10.18.0', 'pkg:cocoapods/FirebaseCoreInternal@10.18.0',
      'pkg:cocoapods/GoogleUtilities@7.12.0', 'pkg:cocoapods/PromisesObjC@2.3.1',
    ]);
    expect(byPurl(r, 'pkg:cocoapods/Alamofire@5.8.1')).toMatchObject({ direct: true, hashes: [{ alg: 'SHA-1', content: '3ca42e259043ee0dc5c0cdd76c4bc568b8e42af7' }] });
    expect(byPurl(r, 'pkg:cocoapods/PromisesObjC@2.3.1').direct).toBe(false);
    expect(edgeList(r)).toContain('pkg:cocoapods/FirebaseCoreInternal@10.18.0 -> pkg:cocoapods/GoogleUtilities@7.12.0 (runtime)');
  });

  it('pubspec.lock and pubspec.yaml', () => {
    const lock = parseFixture('dart', 'app/pubspec.lock');
    expect(lock.packages.map((p) => `${p.purl} ${p.scope} ${p.direct}`)).toEqual([
      'pkg:pub/collection@1.18.0 unknown false', 'pkg:pub/flutter_lints@3.0.1 dev true', 'pkg:pub/http@1.1.2 runtime true', 'pkg:pub/my_fork@0.4.0 runtime true',
    ]);
    expect(byPurl(lock, 'pkg:pub/my_fork@0.4.0').externalReferences[0]!.url).toBe('https://github.com/example/my-fork.git');
    const spec = parseFixture('dart', 'app/pubspec.yaml');
    expect(spec.packages[0]).toMatchObject({ purl: 'pkg:pub/weather_app@1.0.0+1', isRoot: true });
    expect(spec.packages[0]!.declaredDependencies?.map((d) => `${d.name} ${d.range} ${d.scope}`)).toEqual(['http ^1.1.0 runtime', 'provider ^6.1.1 runtime', 'flutter_lints ^3.0.0 dev']);
  });
});

describe('Conan and vcpkg', () => {
  it('conanfile.txt: requires and tool_requires, user/channel, version ranges', () => {
    const r = parseFixture('conan', 'v1/conanfile.txt');
    expect(r.packages.map((p) => `${p.purl} ${p.scope}`)).toEqual([
      'pkg:conan/zlib@1.2.13 runtime', 'pkg:conan/acme/openssl@3.1.4?channel=stable&user=acme runtime', 'pkg:conan/boost runtime', 'pkg:conan/cmake@3.27.7 build',
    ]);
  });

  it('conan.lock 0.4 (graph) and 0.5 (lists); revisions do not split a package', () => {
    const v1 = parseFixture('conan', 'v1/conan.lock');
    expect(v1.packages.map((p) => `${p.purl} ${p.scope} ${p.direct}`)).toEqual([
      'pkg:conan/zlib@1.2.13 runtime true', 'pkg:conan/acme/openssl@3.1.4?channel=stable&user=acme runtime true', 'pkg:conan/cmake@3.27.7 build true',
    ]);
    expect(edgeList(v1)).toEqual(['pkg:conan/acme/openssl@3.1.4?channel=stable&user=acme -> pkg:conan/zlib@1.2.13 (runtime)']);
    const v2 = parseFixture('conan', 'v2/conan.lock');
    expect(v2.packages.map((p) => `${p.purl} ${p.scope}`)).toEqual(['pkg:conan/zlib@1.3 runtime', 'pkg:conan/fmt@10.1.1 runtime', 'pkg:conan/cmake@3.27.7 build']);
  });

  it('vcpkg.json: a port with its license; a project with dependencies and overrides', () => {
    const port = parseFixture('vcpkg', 'port/vcpkg.json');
    expect(port.packages[0]).toMatchObject({ purl: 'pkg:generic/fmt@10.1.1', ecosystem: 'vcpkg', declaredLicense: 'MIT', isRoot: true });
    expect(port.packages[0]!.declaredDependencies?.map((d) => `${d.name} ${d.scope}`)).toEqual(['vcpkg-cmake build', 'vcpkg-cmake-config build']);
    const project = parseFixture('vcpkg', 'project/vcpkg.json');
    expect(project.packages.map((p) => `${p.purl} ${p.scope}`)).toEqual(['pkg:generic/fmt@10.1.1 runtime', 'pkg:generic/curl runtime', 'pkg:generic/gtest build']);
  });
});

import { describe, expect, it } from 'vitest';
import { manifestKind } from '../../../../electron/main/engine/2-detect/packages/index.js';

describe('manifestKind', () => {
  it.each([
    ['package.json', 'package.json'],
    ['node_modules/@babel/core/package.json', 'package.json'],
    ['package-lock.json', 'package-lock.json'],
    ['npm-shrinkwrap.json', 'npm-shrinkwrap.json'],
    ['web/yarn.lock', 'yarn.lock'],
    ['pnpm-lock.yaml', 'pnpm-lock.yaml'],
    ['pyproject.toml', 'pyproject.toml'],
    ['setup.cfg', 'setup.cfg'],
    ['lib/python3.11/site-packages/requests-2.31.0.dist-info/METADATA', 'METADATA'],
    ['src/demo.egg-info/PKG-INFO', 'PKG-INFO'],
    ['demo-1.0/PKG-INFO', 'PKG-INFO'],
    ['requirements.txt', 'requirements.txt'],
    ['requirements-dev.txt', 'requirements.txt'],
    ['requirements_test.txt', 'requirements.txt'],
    ['requirements/base.txt', 'requirements.txt'],
    ['poetry.lock', 'poetry.lock'],
    ['Pipfile.lock', 'Pipfile.lock'],
    ['uv.lock', 'uv.lock'],
    ['pom.xml', 'pom.xml'],
    ['lib/guava.jar-extracted/META-INF/maven/com.google.guava/guava/pom.xml', 'META-INF/maven/pom.xml'],
    ['x/META-INF/maven/g/a/pom.properties', 'pom.properties'],
    ['gradle.lockfile', 'gradle.lockfile'],
    ['gradle/dependency-locks/compileClasspath.lockfile', 'gradle.lockfile'],
    ['gradle/verification-metadata.xml', 'verification-metadata.xml'],
    ['go.mod', 'go.mod'],
    ['go.sum', 'go.sum'],
    ['vendor/modules.txt', 'vendor/modules.txt'],
    ['Cargo.toml', 'Cargo.toml'],
    ['Cargo.lock', 'Cargo.lock'],
    ['rails.gemspec', '*.gemspec'],
    ['gems/specifications/rake-13.0.6.gemspec', '*.gemspec'],
    ['vendor/cache/rack-3.0.8.gem!/metadata', 'gem metadata'],
    ['docs/metadata', null],
    ['Gemfile.lock', 'Gemfile.lock'],
    ['composer.json', 'composer.json'],
    ['composer.lock', 'composer.lock'],
    ['src/Api/Api.csproj', '*.csproj'],
    ['src/Lib/Lib.fsproj', '*.csproj'],
    ['packages.lock.json', 'packages.lock.json'],
    ['Newtonsoft.Json.nuspec', '*.nuspec'],
    ['packages.config', 'packages.config'],
    ['Package.resolved', 'Package.resolved'],
    ['ios/Podfile.lock', 'Podfile.lock'],
    ['pubspec.lock', 'pubspec.lock'],
    ['pubspec.yaml', 'pubspec.yaml'],
    ['conanfile.txt', 'conanfile.txt'],
    ['conan.lock', 'conan.lock'],
    ['vcpkg.json', 'vcpkg.json'],
    ['C:\\src\\app\\package.json', 'package.json'],
  ])('%s → %s', (p, kind) => {
    expect(manifestKind(p)).toBe(kind);
  });

  it.each([
    'README.md', 'src/index.ts', 'METADATA', 'docs/METADATA', 'notes.txt', 'modules.txt', 'other/modules.txt', 'verification-metadata.xml',
    'pom.properties', 'package.json.bak', 'my-package.json', 'Cargo.toml.orig', 'yarn.lock/', 'requirements.md', 'x.lockfile', '',
  ])('%s is not a manifest', (p) => {
    expect(manifestKind(p)).toBeNull();
  });
});

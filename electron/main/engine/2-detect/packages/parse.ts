import type { ManifestResult } from './types.js';
import { manifestKind, type ManifestKind } from './kind.js';
import { messageOf } from './common/syntax.js';
import { readPackageJson } from './npm/package-json.js';
import { readPackageLock } from './npm/package-lock.js';
import { readYarnLock } from './npm/yarn-lock.js';
import { readPnpmLock } from './npm/pnpm-lock.js';
import { readPyproject } from './python/pyproject.js';
import { readSetupCfg } from './python/setup-cfg.js';
import { readPkgInfo } from './python/pkg-info.js';
import { readRequirements } from './python/requirements.js';
import { readPipfileLock, readPoetryLock, readUvLock } from './python/locks.js';
import { readPom, readPomProperties } from './maven/pom.js';
import { readGradleLockfile, readVerificationMetadata } from './gradle/gradle.js';
import { readGoMod, readGoSum, readModulesTxt } from './go/go.js';
import { readCargoLock, readCargoToml } from './cargo/cargo.js';
import { readGemfileLock, readGemspec } from './ruby/ruby.js';
import { readGemMetadata } from './ruby/gem-metadata.js';
import { readComposerJson, readComposerLock } from './php/composer.js';
import { readNugetLock, readNuspec, readPackagesConfig, readProjectFile } from './dotnet/dotnet.js';
import { readPackageResolved } from './swift/package-resolved.js';
import { readPodfileLock } from './cocoapods/podfile-lock.js';
import { readPubspecLock, readPubspecYaml } from './dart/pub.js';
import { readConanfileTxt, readConanLock } from './conan/conan.js';
import { readVcpkgJson } from './vcpkg/vcpkg.js';

const READERS: Record<ManifestKind, (content: string, relPath: string) => ManifestResult> = {
  'package.json': readPackageJson,
  'package-lock.json': (c) => readPackageLock(c, 'package-lock.json'),
  'npm-shrinkwrap.json': (c) => readPackageLock(c, 'npm-shrinkwrap.json'),
  'yarn.lock': readYarnLock,
  'pnpm-lock.yaml': readPnpmLock,
  'pyproject.toml': readPyproject,
  'setup.cfg': readSetupCfg,
  'PKG-INFO': (c, p) => readPkgInfo(c, p, 'PKG-INFO'),
  'METADATA': (c, p) => readPkgInfo(c, p, 'METADATA'),
  'requirements.txt': readRequirements,
  'poetry.lock': readPoetryLock,
  'Pipfile.lock': readPipfileLock,
  'uv.lock': readUvLock,
  'pom.xml': (c) => readPom(c, false),
  'META-INF/maven/pom.xml': (c) => readPom(c, true),
  'pom.properties': readPomProperties,
  'gradle.lockfile': readGradleLockfile,
  'verification-metadata.xml': readVerificationMetadata,
  'go.mod': readGoMod,
  'go.sum': readGoSum,
  'vendor/modules.txt': readModulesTxt,
  'Cargo.toml': readCargoToml,
  'Cargo.lock': readCargoLock,
  '*.gemspec': readGemspec,
  'Gemfile.lock': readGemfileLock,
  'gem metadata': readGemMetadata,
  'composer.json': readComposerJson,
  'composer.lock': readComposerLock,
  '*.csproj': readProjectFile,
  'packages.lock.json': readNugetLock,
  '*.nuspec': readNuspec,
  'packages.config': readPackagesConfig,
  'Package.resolved': readPackageResolved,
  'Podfile.lock': readPodfileLock,
  'pubspec.lock': readPubspecLock,
  'pubspec.yaml': readPubspecYaml,
  'conanfile.txt': readConanfileTxt,
  'conan.lock': readConanLock,
  'vcpkg.json': readVcpkgJson,
};

/**
 * Reads one manifest or lockfile. Never throws: unreadable syntax and unexpected shapes become `problems`,
 * with whatever could be read. A path `manifestKind` does not recognise gives an empty result saying so.
 */
export function parseManifest(relPath: string, content: string): ManifestResult {
  const kind = manifestKind(relPath);
  if (kind === null) {
    return { format: 'unknown', packages: [], edges: [], problems: [{ location: null, message: `${relPath} is not a known manifest or lockfile` }] };
  }
  const text = typeof content === 'string' ? content : String(content);
  if (looksUtf16OrBinary(text)) {
    return { format: kind, packages: [], edges: [], problems: [{ location: null, message: `${relPath} looks UTF-16 encoded or binary (NUL characters); not read` }] };
  }
  try {
    return READERS[kind](text, relPath);
  } catch (e) {
    // Readers handle bad input themselves; this is the last guard, so the walk goes on whatever a file holds.
    return { format: kind, packages: [], edges: [], problems: [{ location: null, message: `could not read ${relPath}: ${messageOf(e)}` }] };
  }
}

/** UTF-16 text read as UTF-8 has a NUL every other character; manifests are UTF-8 text. */
function looksUtf16OrBinary(text: string): boolean {
  const head = text.length > 128 ? text.slice(0, 128) : text;
  let nuls = 0;
  for (let i = 0; i < head.length; i++) if (head.charCodeAt(i) === 0) nuls++;
  return nuls >= 8 && nuls * 4 >= head.length;
}

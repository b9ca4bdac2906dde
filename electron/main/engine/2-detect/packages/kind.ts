/** Manifest and lockfile kinds, named after the file they are read from. */
export type ManifestKind =
  | 'package.json' | 'package-lock.json' | 'npm-shrinkwrap.json' | 'yarn.lock' | 'pnpm-lock.yaml'
  | 'pyproject.toml' | 'setup.cfg' | 'PKG-INFO' | 'METADATA' | 'requirements.txt' | 'poetry.lock' | 'Pipfile.lock' | 'uv.lock'
  | 'pom.xml' | 'META-INF/maven/pom.xml' | 'pom.properties'
  | 'gradle.lockfile' | 'verification-metadata.xml'
  | 'go.mod' | 'go.sum' | 'vendor/modules.txt'
  | 'Cargo.toml' | 'Cargo.lock'
  | '*.gemspec' | 'Gemfile.lock' | 'gem metadata'
  | 'composer.json' | 'composer.lock'
  | '*.csproj' | 'packages.lock.json' | '*.nuspec' | 'packages.config'
  | 'Package.resolved' | 'Podfile.lock' | 'pubspec.lock' | 'pubspec.yaml'
  | 'conanfile.txt' | 'conan.lock' | 'vcpkg.json';

/** Kinds decided by the file name alone. */
const BY_NAME = new Map<string, ManifestKind>([
  ['package.json', 'package.json'],
  ['package-lock.json', 'package-lock.json'],
  ['npm-shrinkwrap.json', 'npm-shrinkwrap.json'],
  ['yarn.lock', 'yarn.lock'],
  ['pnpm-lock.yaml', 'pnpm-lock.yaml'],
  ['pyproject.toml', 'pyproject.toml'],
  ['setup.cfg', 'setup.cfg'],
  ['PKG-INFO', 'PKG-INFO'],
  ['poetry.lock', 'poetry.lock'],
  ['Pipfile.lock', 'Pipfile.lock'],
  ['uv.lock', 'uv.lock'],
  ['gradle.lockfile', 'gradle.lockfile'],
  ['go.mod', 'go.mod'],
  ['go.sum', 'go.sum'],
  ['Cargo.toml', 'Cargo.toml'],
  ['Cargo.lock', 'Cargo.lock'],
  ['Gemfile.lock', 'Gemfile.lock'],
  ['gems.locked', 'Gemfile.lock'],
  ['composer.json', 'composer.json'],
  ['composer.lock', 'composer.lock'],
  ['packages.lock.json', 'packages.lock.json'],
  ['packages.config', 'packages.config'],
  ['Package.resolved', 'Package.resolved'],
  ['Podfile.lock', 'Podfile.lock'],
  ['pubspec.lock', 'pubspec.lock'],
  ['pubspec.yaml', 'pubspec.yaml'],
  ['conanfile.txt', 'conanfile.txt'],
  ['conan.lock', 'conan.lock'],
  ['vcpkg.json', 'vcpkg.json'],
]);

const SLASH = 47; // '/'
const BACKSLASH = 92; // '\'

/**
 * The manifest kind of a file, from its path alone, or null. Called for every file of a tree, so it only
 * slices the name and looks it up; directory conditions are checked for the few names that have them.
 */
export function manifestKind(relPath: string): ManifestKind | null {
  let cut = relPath.length - 1;
  while (cut >= 0) {
    const c = relPath.charCodeAt(cut);
    if (c === SLASH || c === BACKSLASH) break;
    cut--;
  }
  const name = cut < 0 ? relPath : relPath.slice(cut + 1);
  const kind = BY_NAME.get(name);
  if (kind !== undefined) return kind;

  switch (name) {
    case 'METADATA':
      return parentName(relPath, cut).endsWith('.dist-info') ? 'METADATA' : null;
    case 'pom.xml':
      return isInMetaInfMaven(relPath) ? 'META-INF/maven/pom.xml' : 'pom.xml';
    case 'pom.properties':
      return isInMetaInfMaven(relPath) ? 'pom.properties' : null;
    case 'modules.txt':
      return parentName(relPath, cut) === 'vendor' ? 'vendor/modules.txt' : null;
    case 'metadata':
      // A .gem's metadata.gz, unpacked by the archive expander beside the gem's files.
      return relPath.endsWith('.gem!/metadata') ? 'gem metadata' : null;
    case 'verification-metadata.xml':
      return parentName(relPath, cut) === 'gradle' ? 'verification-metadata.xml' : null;
  }
  if (name.endsWith('.txt')) {
    if (name.startsWith('requirements') || parentName(relPath, cut) === 'requirements') return 'requirements.txt';
    return null;
  }
  if (name.endsWith('.gemspec')) return '*.gemspec';
  if (name.endsWith('.csproj') || name.endsWith('.fsproj') || name.endsWith('.vbproj')) return '*.csproj';
  if (name.endsWith('.nuspec')) return '*.nuspec';
  // Gradle before 6 kept one lockfile per configuration in gradle/dependency-locks/.
  if (name.endsWith('.lockfile') && relPath.includes('dependency-locks')) return 'gradle.lockfile';
  return null;
}

function parentName(relPath: string, nameCut: number): string {
  if (nameCut <= 0) return '';
  let start = nameCut - 1;
  while (start >= 0) {
    const c = relPath.charCodeAt(start);
    if (c === SLASH || c === BACKSLASH) break;
    start--;
  }
  return relPath.slice(start + 1, nameCut);
}

function isInMetaInfMaven(relPath: string): boolean {
  return relPath.includes('META-INF/maven/') || relPath.includes('META-INF\\maven\\');
}

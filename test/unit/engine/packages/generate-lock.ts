import { createHash } from 'node:crypto';

const LICENSES = ['MIT', 'ISC', 'Apache-2.0', 'BSD-3-Clause', 'BSD-2-Clause', '(MIT OR Apache-2.0)', 'MIT AND CC-BY-4.0'];

/**
 * A package-lock.json v3 shaped like npm's: `count` top-level packages, every 7th also installed nested under
 * another with a different version, scoped names, dev/optional flags, licenses, integrity, dependency ranges.
 * Deterministic, so tests can reason about what it contains.
 */
export function generatePackageLock(count: number): { json: string; installed: Map<string, { name: string; version: string; license: string }> } {
  const packages: Record<string, unknown> = {};
  const installed = new Map<string, { name: string; version: string; license: string }>();
  const nameOf = (i: number): string => (i % 5 === 0 ? `@scope${i % 13}/pkg-${i}` : `pkg-${i}`);
  const rootDeps: Record<string, string> = {};
  for (let i = 0; i < Math.min(count, 40); i++) rootDeps[nameOf(i)] = `^${i % 9}.0.0`;
  packages[''] = { name: 'generated-app', version: '1.0.0', license: 'MIT', dependencies: rootDeps };
  const integrity = (s: string): string => `sha512-${createHash('sha512').update(s).digest('base64')}`;
  for (let i = 0; i < count; i++) {
    const name = nameOf(i);
    const version = `${i % 9}.${i % 17}.${i % 3}`;
    const license = LICENSES[i % LICENSES.length]!;
    const deps: Record<string, string> = {};
    for (let k = 1; k <= 3; k++) {
      const j = (i * 7 + k * 131) % count;
      if (j !== i) deps[nameOf(j)] = `^${j % 9}.0.0`;
    }
    const path = `node_modules/${name}`;
    packages[path] = {
      version,
      resolved: `https://registry.npmjs.org/${name}/-/${name.replace(/^@[^/]+\//, '')}-${version}.tgz`,
      integrity: integrity(path),
      license,
      ...(i % 11 === 0 ? { dev: true } : {}),
      ...(i % 23 === 0 ? { optional: true } : {}),
      dependencies: deps,
      engines: { node: '>=14' },
    };
    installed.set(path, { name, version, license });
    if (i % 7 === 0 && i + 1 < count) {
      const nestedName = nameOf(i + 1);
      const nestedVersion = `${(i % 9) + 10}.0.0`;
      const nestedPath = `${path}/node_modules/${nestedName}`;
      packages[nestedPath] = { version: nestedVersion, resolved: `https://registry.npmjs.org/${nestedName}/-/x-${nestedVersion}.tgz`, integrity: integrity(nestedPath), license: 'MIT' };
      installed.set(nestedPath, { name: nestedName, version: nestedVersion, license: 'MIT' });
    }
  }
  return { json: JSON.stringify({ name: 'generated-app', version: '1.0.0', lockfileVersion: 3, requires: true, packages }, null, 2), installed };
}

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { filledText } from './license-texts.js';

function write(root: string, relative: string, content: string): void {
  const file = path.join(root, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

export interface FixturePackage {
  name: string;
  version: string;
  license: string;
  /** SPDX id whose real text goes into the package's LICENSE file (defaults to `license`). */
  licenseFile?: string | null;
  dependencies?: Record<string, string>;
}

/**
 * A small npm project on disk: package.json, a package-lock.json v3 naming every package, node_modules with each
 * package's package.json and real LICENSE text, and a source file with an SPDX tag and a copyright line.
 */
export function writeNpmProject(root: string, name: string, packages: FixturePackage[]): void {
  const direct = Object.fromEntries(packages.map((p) => [p.name, `^${p.version}`]));
  write(root, 'package.json', JSON.stringify({ name, version: '1.0.0', license: 'Apache-2.0', dependencies: direct }, null, 2));
  write(root, 'LICENSE', filledText('Apache-2.0', 'Acme Corp'));
  write(
    root,
    'src/index.js',
    `// SPDX-License-Identifier: Apache-2.0\n// Copyright (c) 2024 Acme Corp\n\nexport function hello() {\n  return 'hello';\n}\n`,
  );
  const lockPackages: Record<string, unknown> = { '': { name, version: '1.0.0', license: 'Apache-2.0', dependencies: direct } };
  for (const p of packages) {
    const dir = `node_modules/${p.name}`;
    lockPackages[dir] = {
      version: p.version,
      resolved: `https://registry.npmjs.org/${p.name}/-/${p.name.split('/').pop()}-${p.version}.tgz`,
      integrity: 'sha512-' + Buffer.from(`${p.name}@${p.version}`).toString('base64'),
      license: p.license,
      ...(p.dependencies ? { dependencies: p.dependencies } : {}),
    };
    write(root, `${dir}/package.json`, JSON.stringify({ name: p.name, version: p.version, license: p.license, ...(p.dependencies ? { dependencies: p.dependencies } : {}) }, null, 2));
    const licenseId = p.licenseFile === undefined ? p.license : p.licenseFile;
    if (licenseId) write(root, `${dir}/LICENSE`, filledText(licenseId, `${p.name} authors`));
    write(root, `${dir}/index.js`, `module.exports = function ${p.name.replace(/\W/g, '_')}() { return 42; };\n`);
  }
  write(root, 'package-lock.json', JSON.stringify({ name, version: '1.0.0', lockfileVersion: 3, requires: true, packages: lockPackages }, null, 2));
}

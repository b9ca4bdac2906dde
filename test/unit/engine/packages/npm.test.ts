import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { byPurl, edgeList, fixturesDir, parseFixture, purls } from './helpers.js';

describe('package.json', () => {
  it('reads the package, its license and its declared ranges', () => {
    const r = parseFixture('npm', 'app/package.json');
    expect(r.problems).toEqual([]);
    expect(r.packages).toHaveLength(1);
    const p = r.packages[0]!;
    expect(p).toMatchObject({
      purl: 'pkg:npm/%40acme/web-app@2.4.1', namespace: '@acme', name: 'web-app', version: '2.4.1',
      declaredLicense: '(MIT OR Apache-2.0)', isRoot: true, author: 'Acme Corp', description: 'Acme storefront',
      homepage: 'https://acme.example/web-app',
    });
    expect(p.externalReferences).toContainEqual({ type: 'vcs', url: 'git+https://github.com/acme/web-app.git' });
    expect(p.declaredDependencies?.map((d) => `${d.purl} ${d.range} ${d.scope}`).sort()).toEqual([
      'pkg:npm/%40babel/runtime ~7.23.0 runtime',
      'pkg:npm/express ^4.18.2 runtime',
      'pkg:npm/fsevents ^2.3.3 optional',
      'pkg:npm/lodash 4.17.21 runtime',
      'pkg:npm/react >=17 peer',
      'pkg:npm/typescript ^5.3.0 dev',
    ]);
  });

  it('joins a legacy licenses array as alternatives', () => {
    const r = parseFixture('npm', 'legacy/package.json');
    expect(r.packages[0]).toMatchObject({ name: 'old-school', declaredLicense: 'MIT OR GPL-2.0', author: 'Jane Doe <jane@example.org> (https://jane.example.org)' });
  });

  it('reads {license: {type}} objects and ignores module-type marker files', async () => {
    const { parseManifest } = await import('../../../../electron/main/engine/2-detect/packages/index.js');
    const r = parseManifest('x/package.json', JSON.stringify({ name: 'x', version: '1.0.0', license: { type: 'ISC', url: 'https://opensource.org/licenses/ISC' } }));
    expect(r.packages[0]!.declaredLicense).toBe('ISC');
    expect(parseManifest('dist/esm/package.json', '{"type":"module"}').packages).toEqual([]);
    const unnamed = parseManifest('apps/site/package.json', '{"private":true,"dependencies":{"vue":"^3.3.0"}}');
    expect(unnamed.packages[0]).toMatchObject({ name: 'site', purl: null, isRoot: true });
  });
});

describe('package-lock.json v3', () => {
  const r = parseFixture('npm', 'app/package-lock.json');

  it('finds every installed package with version, license, scope and install path', () => {
    expect(r.format).toBe('package-lock.json v3');
    expect(r.problems).toEqual([]);
    // Independent count: every "packages" key except the root and link entries, merged by name@version.
    const lock = JSON.parse(readFileSync(path.join(fixturesDir, 'npm/app/package-lock.json'), 'utf8')) as { packages: Record<string, { link?: boolean; version?: string; name?: string }> };
    const expected = new Set<string>();
    for (const [key, v] of Object.entries(lock.packages)) {
      if (key === '' || v.link) continue;
      expected.add(`${v.name ?? key.slice(key.lastIndexOf('node_modules/') + 13)}@${v.version}`);
    }
    const found = new Set(r.packages.filter((p) => !p.isRoot).map((p) => `${p.namespace ? p.namespace + '/' : ''}${p.name}@${p.version}`));
    expect(found).toEqual(expected);
    for (const p of r.packages) expect(p.purl).toMatch(/^pkg:npm\//);

    expect(byPurl(r, 'pkg:npm/%40acme/web-app@2.4.1')).toMatchObject({ isRoot: true, declaredLicense: '(MIT OR Apache-2.0)' });
    expect(byPurl(r, 'pkg:npm/express@4.18.2')).toMatchObject({ declaredLicense: 'MIT', scope: 'runtime', direct: true, installPath: 'node_modules/express' });
    expect(byPurl(r, 'pkg:npm/ms@2.1.3')).toMatchObject({ installPath: 'node_modules/express/node_modules/ms', direct: false });
    expect(byPurl(r, 'pkg:npm/typescript@5.3.3')).toMatchObject({ scope: 'dev', declaredLicense: 'Apache-2.0', direct: true });
    expect(byPurl(r, 'pkg:npm/fsevents@2.3.3')).toMatchObject({ scope: 'optional', direct: true });
    expect(byPurl(r, 'pkg:npm/%40acme/ui@0.1.0')).toMatchObject({ installPath: 'packages/ui', declaredLicense: 'MIT' });
    const lodash = byPurl(r, 'pkg:npm/lodash@4.17.21');
    expect(lodash.hashes).toEqual([{ alg: 'SHA-512', content: Buffer.from('v2kDEe57lecTulaDIuNTPy3Ry4gLGJ6Z1O3vE1krgXZNrsQ+LFTGHVxVjcXPs17LhbZVGedAJv8XZ1tvj5FvSg==', 'base64').toString('hex') }]);
    expect(lodash.externalReferences).toContainEqual({ type: 'distribution', url: 'https://registry.npmjs.org/lodash/-/lodash-4.17.21.tgz' });
  });

  it('resolves dependencies the way node does: nested copy first, then up the tree', () => {
    const edges = edgeList(r);
    expect(edges).toContain('pkg:npm/express@4.18.2 -> pkg:npm/ms@2.1.3 (runtime)');
    expect(edges).toContain('pkg:npm/debug@2.6.9 -> pkg:npm/ms@2.0.0 (runtime)');
    expect(edges).toContain('pkg:npm/%40acme/web-app@2.4.1 -> pkg:npm/typescript@5.3.3 (dev)');
    expect(edges).toContain('pkg:npm/%40acme/web-app@2.4.1 -> pkg:npm/fsevents@2.3.3 (optional)');
    expect(edges).toContain('pkg:npm/%40acme/ui@0.1.0 -> pkg:npm/lodash@4.17.21 (runtime)');
    expect(edges).toHaveLength(14);
  });
});

describe('package-lock.json v1 and npm-shrinkwrap.json v2', () => {
  it('walks the nested v1 tree, resolving requires through ancestors and aliases', () => {
    const r = parseFixture('npm', 'lock-v1/package-lock.json');
    expect(r.format).toBe('package-lock.json v1');
    expect(purls(r)).toEqual([
      'pkg:npm/body-parser@1.19.0', 'pkg:npm/bytes@3.0.0', 'pkg:npm/bytes@3.1.0', 'pkg:npm/debug@2.6.9',
      'pkg:npm/legacy-service@1.0.0', 'pkg:npm/mocha@8.4.0', 'pkg:npm/ms@2.0.0', 'pkg:npm/ms@2.1.3', 'pkg:npm/string-width@4.2.3',
    ]);
    expect(byPurl(r, 'pkg:npm/bytes@3.1.0').installPath).toBe('node_modules/body-parser/node_modules/bytes');
    expect(byPurl(r, 'pkg:npm/string-width@4.2.3').installPath).toBe('node_modules/string-width-cjs');
    expect(byPurl(r, 'pkg:npm/mocha@8.4.0').scope).toBe('dev');
    expect(byPurl(r, 'pkg:npm/ms@2.0.0').hashes[0]).toEqual({ alg: 'SHA-1', content: Buffer.from('VgiurfwAvmwpAd9fmGF4jeDVl8g=', 'base64').toString('hex') });
    expect(edgeList(r)).toEqual([
      'pkg:npm/body-parser@1.19.0 -> pkg:npm/bytes@3.1.0 (runtime)',
      'pkg:npm/body-parser@1.19.0 -> pkg:npm/debug@2.6.9 (runtime)',
      'pkg:npm/debug@2.6.9 -> pkg:npm/ms@2.0.0 (runtime)',
      'pkg:npm/mocha@8.4.0 -> pkg:npm/ms@2.1.3 (runtime)',
    ]);
  });

  it('reads the packages section of a v2 shrinkwrap', () => {
    const r = parseFixture('npm', 'lock-v2/npm-shrinkwrap.json');
    expect(r.format).toBe('npm-shrinkwrap.json v2');
    expect(purls(r)).toEqual(['pkg:npm/ansi-styles@4.3.0', 'pkg:npm/chalk@4.1.2', 'pkg:npm/cli-tool@3.0.0']);
    expect(byPurl(r, 'pkg:npm/cli-tool@3.0.0')).toMatchObject({ isRoot: true, declaredLicense: 'ISC' });
    expect(byPurl(r, 'pkg:npm/chalk@4.1.2')).toMatchObject({ direct: true, declaredLicense: 'MIT' });
  });

  it('keeps every install location of a package installed twice', async () => {
    const { parseManifest } = await import('../../../../electron/main/engine/2-detect/packages/index.js');
    const lock = {
      lockfileVersion: 3,
      packages: {
        '': { name: 'x', dependencies: { a: '1', b: '1' } },
        'node_modules/a': { version: '1.0.0', dependencies: { c: '2' } },
        'node_modules/a/node_modules/c': { version: '2.0.0' },
        'node_modules/b': { version: '1.0.0', dependencies: { c: '2' } },
        'node_modules/b/node_modules/c': { version: '2.0.0' },
        'node_modules/c': { version: '1.0.0' },
      },
    };
    const r = parseManifest('package-lock.json', JSON.stringify(lock));
    const c2 = r.packages.find((p) => p.purl === 'pkg:npm/c@2.0.0')!;
    expect(c2.installPath).toBe('node_modules/a/node_modules/c');
    expect(c2.installPaths).toEqual(['node_modules/a/node_modules/c', 'node_modules/b/node_modules/c']);
  });
});

describe('yarn.lock', () => {
  it('reads a classic v1 lockfile with its graph, hashes and aliases', () => {
    const r = parseFixture('npm', 'yarn-v1/yarn.lock');
    expect(r.format).toBe('yarn.lock v1');
    expect(r.problems).toEqual([]);
    expect(purls(r)).toEqual([
      'pkg:npm/%40babel/code-frame@7.23.5', 'pkg:npm/%40babel/highlight@7.23.4', 'pkg:npm/ansi-styles@3.2.1', 'pkg:npm/chalk@2.4.2',
      'pkg:npm/escape-string-regexp@1.0.5', 'pkg:npm/has-flag@3.0.0', 'pkg:npm/js-tokens@4.0.0', 'pkg:npm/supports-color@5.5.0',
      'pkg:npm/wrap-ansi@7.0.0',
    ]);
    expect(edgeList(r)).toContain('pkg:npm/%40babel/code-frame@7.23.5 -> pkg:npm/%40babel/highlight@7.23.4 (runtime)');
    expect(edgeList(r)).toContain('pkg:npm/supports-color@5.5.0 -> pkg:npm/has-flag@3.0.0 (runtime)');
    expect(r.edges).toHaveLength(8);
    const hasFlag = byPurl(r, 'pkg:npm/has-flag@3.0.0');
    expect(hasFlag.hashes).toEqual([{ alg: 'SHA-1', content: 'b5d454dc2199ae225699f3467e5a07f3b955bafd' }]);
  });

  it('reads a berry lockfile: workspaces as root and local packages, descriptors resolved', () => {
    const r = parseFixture('npm', 'yarn-berry/yarn.lock');
    expect(r.format).toBe('yarn.lock berry v8');
    expect(purls(r)).toEqual([
      'pkg:npm/%40types/node@20.10.5', 'pkg:npm/left-pad@1.3.0', 'pkg:npm/my-monorepo@0.0.0-use.local', 'pkg:npm/undici-types@5.26.5',
      'pkg:npm/utils@0.0.0-use.local',
    ]);
    expect(byPurl(r, 'pkg:npm/my-monorepo@0.0.0-use.local').isRoot).toBe(true);
    expect(byPurl(r, 'pkg:npm/utils@0.0.0-use.local').installPath).toBe('packages/utils');
    expect(byPurl(r, 'pkg:npm/left-pad@1.3.0').direct).toBe(true);
    expect(byPurl(r, 'pkg:npm/undici-types@5.26.5').direct).toBe(false);
    expect(edgeList(r)).toEqual([
      'pkg:npm/%40types/node@20.10.5 -> pkg:npm/undici-types@5.26.5 (runtime)',
      'pkg:npm/my-monorepo@0.0.0-use.local -> pkg:npm/%40types/node@20.10.5 (runtime)',
      'pkg:npm/my-monorepo@0.0.0-use.local -> pkg:npm/left-pad@1.3.0 (runtime)',
      'pkg:npm/my-monorepo@0.0.0-use.local -> pkg:npm/utils@0.0.0-use.local (runtime)',
      'pkg:npm/utils@0.0.0-use.local -> pkg:npm/left-pad@1.3.0 (runtime)',
    ]);
  });
});

describe('pnpm-lock.yaml', () => {
  it('v5.4: keys "/name/version_peer", dev flags, direct from the top-level dependencies', () => {
    const r = parseFixture('npm', 'pnpm-v5/pnpm-lock.yaml');
    expect(r.format).toBe('pnpm-lock.yaml v5.4');
    expect(purls(r)).toEqual(['pkg:npm/js-tokens@4.0.0', 'pkg:npm/loose-envify@1.4.0', 'pkg:npm/react-dom@18.2.0', 'pkg:npm/react@18.2.0', 'pkg:npm/scheduler@0.23.0', 'pkg:npm/vitest@0.34.6']);
    expect(byPurl(r, 'pkg:npm/vitest@0.34.6')).toMatchObject({ scope: 'dev', direct: true });
    expect(byPurl(r, 'pkg:npm/react-dom@18.2.0')).toMatchObject({ scope: 'runtime', direct: true, installPath: 'node_modules/.pnpm/react-dom@18.2.0_react@18.2.0/node_modules/react-dom' });
    expect(edgeList(r)).toContain('pkg:npm/react-dom@18.2.0 -> pkg:npm/react@18.2.0 (runtime)');
  });

  it('v6.0: keys "/name@version(peer)", scoped names', () => {
    const r = parseFixture('npm', 'pnpm-v6/pnpm-lock.yaml');
    expect(byPurl(r, 'pkg:npm/%40scope/util@1.0.2')).toMatchObject({ direct: true, installPath: 'node_modules/.pnpm/@scope+util@1.0.2/node_modules/@scope/util' });
    expect(byPurl(r, 'pkg:npm/typescript@5.2.2').scope).toBe('dev');
    expect(byPurl(r, 'pkg:npm/react@18.2.0').direct).toBe(false);
    expect(edgeList(r)).toContain('pkg:npm/react-dom@18.2.0 -> pkg:npm/react@18.2.0 (runtime)');
  });

  it('v9.0: packages + snapshots, importers, aliases, scope from reachability', () => {
    const r = parseFixture('npm', 'pnpm-v9/pnpm-lock.yaml');
    expect(r.format).toBe('pnpm-lock.yaml v9.0');
    expect(purls(r)).toEqual([
      'pkg:npm/js-tokens@4.0.0', 'pkg:npm/loose-envify@1.4.0', 'pkg:npm/react-dom@18.3.1', 'pkg:npm/react@18.3.1',
      'pkg:npm/scheduler@0.23.2', 'pkg:npm/string-width@4.2.3', 'pkg:npm/vitest@1.6.0',
    ]);
    expect(byPurl(r, 'pkg:npm/string-width@4.2.3').direct).toBe(true);
    expect(byPurl(r, 'pkg:npm/vitest@1.6.0').scope).toBe('dev');
    expect(byPurl(r, 'pkg:npm/scheduler@0.23.2')).toMatchObject({ scope: 'runtime', direct: false });
    expect(edgeList(r)).toContain('pkg:npm/react-dom@18.3.1 -> pkg:npm/scheduler@0.23.2 (runtime)');
  });
});

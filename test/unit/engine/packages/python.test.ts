import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../../../electron/main/engine/2-detect/packages/index.js';
import { byPurl, edgeList, parseFixture, purls } from './helpers.js';

describe('pyproject.toml', () => {
  it('PEP 621: name normalised in the purl, SPDX license string, dependencies by scope', () => {
    const r = parseFixture('python', 'pep621/pyproject.toml');
    expect(r.problems).toEqual([]);
    const p = r.packages[0]!;
    expect(p).toMatchObject({
      purl: 'pkg:pypi/acme-data.tools@1.4.0', name: 'Acme_Data.Tools', version: '1.4.0', declaredLicense: 'Apache-2.0 OR MIT',
      isRoot: true, author: 'Acme Data Team', homepage: 'https://acme.example/data-tools',
    });
    expect(p.declaredDependencies?.map((d) => `${d.name} ${d.range} ${d.scope}`)).toEqual([
      'requests >=2.31,<3 runtime', 'numpy ==1.26.2 runtime', 'typing-extensions null runtime', 'boto3 >=1.28 optional',
      'pytest >=7 test', 'hatchling >=1.18 build',
    ]);
  });

  it('Poetry: [tool.poetry] name, license, dependency groups, optional dependencies', () => {
    const r = parseFixture('python', 'poetry-project/pyproject.toml');
    expect(r.packages[0]).toMatchObject({ purl: 'pkg:pypi/poetry-demo@0.2.0', declaredLicense: 'BSD-3-Clause', author: 'Sébastien Eustace <sebastien@example.org>' });
    expect(r.packages[0]!.declaredDependencies?.map((d) => `${d.name} ${d.range} ${d.scope}`)).toEqual([
      'poetry-core null build', 'requests ^2.31 runtime', 'pendulum ^3.0 optional', 'black ^23.12 dev',
    ]);
  });

  it('a pyproject with tool settings only declares no package', () => {
    expect(parseManifest('pyproject.toml', '[tool.black]\nline-length = 88\n').packages).toEqual([]);
  });

  it('license tables: {text} is read, {file} names no license, classifiers are the fallback', () => {
    const text = parseManifest('pyproject.toml', '[project]\nname = "a"\nlicense = { text = "BSD" }\n');
    expect(text.packages[0]!.declaredLicense).toBe('BSD');
    const file = parseManifest('pyproject.toml', '[project]\nname = "a"\nlicense = { file = "LICENSE" }\nclassifiers = ["License :: OSI Approved :: MIT License"]\n');
    expect(file.packages[0]!.declaredLicense).toBe('License :: OSI Approved :: MIT License');
  });
});

describe('core metadata: METADATA and PKG-INFO', () => {
  it('METADATA 2.1 in a dist-info: License field, requirements with extras as optional, body ignored', () => {
    const r = parseFixture('python', 'site-packages/requests-2.31.0.dist-info/METADATA');
    expect(r.format).toBe('METADATA 2.1');
    const p = r.packages[0]!;
    expect(p).toMatchObject({ purl: 'pkg:pypi/requests@2.31.0', declaredLicense: 'Apache 2.0', description: 'Python HTTP for Humans.', isRoot: true, homepage: 'https://requests.readthedocs.io' });
    expect(p.externalReferences).toContainEqual({ type: 'vcs', url: 'https://github.com/psf/requests' });
    expect(p.declaredDependencies?.map((d) => `${d.name} ${d.scope}`)).toEqual([
      'charset-normalizer runtime', 'idna runtime', 'urllib3 runtime', 'certifi runtime', 'PySocks optional',
    ]);
  });

  it('METADATA 2.4: License-Expression wins', () => {
    const r = parseFixture('python', 'site-packages/attrs-23.1.0.dist-info/METADATA');
    expect(r.packages[0]!.declaredLicense).toBe('MIT');
  });

  it('PKG-INFO whose License field is the license text: the classifier is the declared license', () => {
    const sdist = parseFixture('python', 'sdist/PKG-INFO');
    expect(sdist.packages[0]).toMatchObject({ name: 'demo', declaredLicense: 'License :: OSI Approved :: MIT License', isRoot: true, installPath: null });
    const egg = parseFixture('python', 'sdist/demo.egg-info/PKG-INFO');
    expect(egg.packages[0]).toMatchObject({ isRoot: false, installPath: '..' });
  });

  it('METADATA outside a dist-info is not a manifest', () => {
    expect(parseManifest('docs/METADATA', 'Name: x\n').problems[0]!.message).toMatch(/not a known manifest/);
  });
});

describe('setup.cfg', () => {
  it('reads [metadata] and [options] with continuation lines; attr: versions are not guessed', () => {
    const r = parseFixture('python', 'setupcfg/setup.cfg');
    expect(r.packages[0]).toMatchObject({ purl: 'pkg:pypi/legacy-lib', version: null, declaredLicense: 'GPLv3+', homepage: 'https://example.org/legacy-lib' });
    expect(r.packages[0]!.declaredDependencies?.map((d) => `${d.name} ${d.range} ${d.scope}`)).toEqual([
      'six >=1.16 runtime', 'attrs ==23.1.0 runtime', 'setuptools_scm null build', 'PyYAML >=6 optional',
    ]);
  });
});

describe('requirements*.txt', () => {
  it('pins become versions; hashes, extras, editable installs, URLs; bad lines are reported', () => {
    const r = parseFixture('python', 'reqs/requirements.txt');
    expect(purls(r)).toEqual([
      'pkg:pypi/celery', 'pkg:pypi/django@4.2.7', 'pkg:pypi/gunicorn', 'pkg:pypi/internal-utils', 'pkg:pypi/psycopg2-binary@2.9.9', 'pkg:pypi/zope.interface@6.1',
    ]);
    expect(byPurl(r, 'pkg:pypi/django@4.2.7').hashes).toEqual([{ alg: 'SHA-256', content: 'e1d37c51ad26186de355cbcec16613ebdabfa9689bbade9c538835205a8abbe9' }]);
    expect(byPurl(r, 'pkg:pypi/gunicorn').externalReferences[0]!.url).toBe('https://files.example.org/gunicorn-21.2.0-py3-none-any.whl');
    for (const p of r.packages) expect(p).toMatchObject({ direct: true, scope: 'runtime' });
    expect(r.problems).toEqual([{ location: 'line 11', message: 'not a requirement: this is not a requirement' }]);
  });

  it('the file name gives the scope', () => {
    const r = parseFixture('python', 'reqs/requirements-dev.txt');
    expect(r.packages.map((p) => `${p.name}@${p.version} ${p.scope}`)).toEqual(['pytest@7.4.3 dev', 'black@null dev']);
  });
});

describe('Python lockfiles', () => {
  it('poetry.lock: packages, groups/optional scopes, dependency graph by normalised name', () => {
    const r = parseFixture('python', 'poetry-lock/poetry.lock');
    expect(r.format).toBe('poetry.lock v2.0');
    expect(purls(r)).toEqual(['pkg:pypi/black@23.12.1', 'pkg:pypi/certifi@2023.11.17', 'pkg:pypi/charset-normalizer@3.3.2', 'pkg:pypi/pendulum@3.0.0', 'pkg:pypi/requests@2.31.0']);
    expect(byPurl(r, 'pkg:pypi/black@23.12.1').scope).toBe('dev');
    expect(byPurl(r, 'pkg:pypi/pendulum@3.0.0').scope).toBe('optional');
    expect(edgeList(r)).toEqual([
      'pkg:pypi/requests@2.31.0 -> pkg:pypi/certifi@2023.11.17 (runtime)',
      'pkg:pypi/requests@2.31.0 -> pkg:pypi/charset-normalizer@3.3.2 (runtime)',
    ]);
  });

  it('Pipfile.lock: default and develop sections with the first sha256', () => {
    const r = parseFixture('python', 'pipenv/Pipfile.lock');
    expect(r.packages.map((p) => `${p.purl} ${p.scope}`)).toEqual([
      'pkg:pypi/flask@3.0.0 runtime', 'pkg:pypi/itsdangerous@2.1.2 runtime', 'pkg:pypi/pytest@7.4.3 dev',
    ]);
    expect(byPurl(r, 'pkg:pypi/flask@3.0.0').hashes[0]!.content).toBe('21128f47e4e3b9d597a3e8521a329bf56909b690fcc3fa3e477725aa81367638');
  });

  it('uv.lock: the editable project is the root; optional and dev groups give scopes', () => {
    const r = parseFixture('python', 'uv/uv.lock');
    expect(byPurl(r, 'pkg:pypi/my-service@0.1.0').isRoot).toBe(true);
    expect(byPurl(r, 'pkg:pypi/anyio@4.2.0')).toMatchObject({ scope: 'runtime', direct: true });
    expect(byPurl(r, 'pkg:pypi/idna@3.6')).toMatchObject({ scope: 'runtime', direct: false });
    expect(byPurl(r, 'pkg:pypi/uvloop@0.19.0').scope).toBe('optional');
    expect(byPurl(r, 'pkg:pypi/pytest@8.0.0').scope).toBe('dev');
    expect(byPurl(r, 'pkg:pypi/idna@3.6').hashes[0]!.content).toBe('9ecdbbd083b06798ae1e86adcbfe8ab1479cf864e4ee30fe4e46a003d12491ca');
    expect(edgeList(r)).toContain('pkg:pypi/anyio@4.2.0 -> pkg:pypi/sniffio@1.3.0 (runtime)');
  });
});

import { Spec, Validation } from '@cyclonedx/cyclonedx-library';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateExport } from '../../../electron/main/engine/6-report/formats/index.js';
import { runClearance } from '../../helpers/cli.js';
import { writeNpmProject } from '../../helpers/fixture-repo.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

function project(): { dir: string; db: string } {
  const root = makeTempDir();
  const dir = path.join(root, 'webapp');
  writeNpmProject(dir, 'webapp', [
    { name: 'left-pad', version: '1.3.0', license: 'WTFPL' },
    { name: 'isc-thing', version: '2.0.1', license: 'ISC' },
    { name: 'mislabelled', version: '0.1.0', license: 'MIT', licenseFile: 'ISC' },
  ]);
  return { dir, db: path.join(root, 'ws.sqlite') };
}

describe('clearance CLI', () => {
  it('prints its version and usage', () => {
    const version = runClearance(['--version']);
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
    const help = runClearance(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('clearance scan <path>...');
    expect(runClearance([]).status).toBe(2);
  });

  it('scans a real directory and exports CycloneDX 1.6 that the official JSON schema accepts', async () => {
    const { dir, db } = project();
    const scan = runClearance(['scan', dir, '--db', db]);
    expect(scan.stderr).toBe('');
    expect(scan.status).toBe(0);
    expect(scan.stdout).toMatch(/^webapp: 4 components, \d+ files, \d+ findings, \d+ warnings in [\d.]+ s/);

    const out = path.join(path.dirname(db), 'bom.json');
    const exported = runClearance(['export', 'cyclonedx', '--db', db, '--out', out]);
    expect(exported.status).toBe(0);
    const text = readFileSync(out, 'utf8');
    const validator = new Validation.JsonStrictValidator(Spec.Version.v1dot6);
    expect(await validator.validate(text)).toBeNull();
    const bom = JSON.parse(text) as { specVersion: string; components: { name: string; purl?: string; licenses?: unknown[] }[] };
    expect(bom.specVersion).toBe('1.6');
    expect(bom.components.map((c) => c.name).sort()).toEqual(['isc-thing', 'left-pad', 'mislabelled']);
    expect(bom.components.find((c) => c.name === 'left-pad')!.purl).toBe('pkg:npm/left-pad@1.3.0');
  });

  it('exports SPDX 2.3 JSON and tag-value, and findings as JSON Lines', () => {
    const { dir, db } = project();
    expect(runClearance(['scan', dir, '--db', db]).status).toBe(0);
    const base = path.dirname(db);
    expect(runClearance(['export', 'spdx', '--db', db, '--out', path.join(base, 'bom.spdx.json')]).status).toBe(0);
    const spdx = JSON.parse(readFileSync(path.join(base, 'bom.spdx.json'), 'utf8')) as { spdxVersion: string; packages: { name: string }[] };
    expect(spdx.spdxVersion).toBe('SPDX-2.3');
    expect(validateExport(readFileSync(path.join(base, 'bom.spdx.json'), 'utf8'), 'spdx-json')).toEqual([]);
    expect(spdx.packages.map((p) => p.name)).toEqual(expect.arrayContaining(['left-pad', 'isc-thing', 'mislabelled', 'webapp']));
    expect(runClearance(['export', 'spdx', '--db', db, '--out', path.join(base, 'bom.spdx')]).status).toBe(0);
    expect(readFileSync(path.join(base, 'bom.spdx'), 'utf8')).toMatch(/^SPDXVersion: SPDX-2\.3$/m);
    expect(validateExport(readFileSync(path.join(base, 'bom.spdx'), 'utf8'), 'spdx-tag-value')).toEqual([]);
    expect(runClearance(['export', 'spdx', '--db', db, '--out', path.join(base, 'bom.jsonld')]).status).toBe(0);
    expect(validateExport(readFileSync(path.join(base, 'bom.jsonld'), 'utf8'), 'spdx-jsonld')).toEqual([]);
    expect(runClearance(['export', 'cyclonedx', '--db', db, '--out', path.join(base, 'bom.xml'), '--spec', '1.5']).status).toBe(0);
    expect(validateExport(readFileSync(path.join(base, 'bom.xml'), 'utf8'), 'cyclonedx-xml', '1.5')).toEqual([]);

    const findingsFile = path.join(base, 'findings.jsonl');
    const result = runClearance(['export', 'findings', '--db', db, '--out', findingsFile]);
    expect(result.status).toBe(0);
    const lines = readFileSync(findingsFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const line of lines) expect(Object.keys(line)).toEqual(expect.arrayContaining(['path', 'kind', 'license', 'score', 'startLine', 'endLine', 'text']));
    expect(lines).toContainEqual(expect.objectContaining({ path: 'node_modules/left-pad/LICENSE', kind: 'license-text', license: 'WTFPL' }));
    expect(lines).toContainEqual(expect.objectContaining({ path: 'src/index.js', kind: 'spdx-tag', license: 'Apache-2.0', startLine: 1 }));
    expect(lines).toContainEqual(expect.objectContaining({ kind: 'license-mismatch', license: 'ISC', path: 'node_modules/mislabelled/LICENSE' }));

    // "--out -" is standard output, for pipes; the summary moves to stderr and no file named "-" appears.
    const piped = runClearance(['export', 'findings', '--db', db, '--out', '-'], {}, { cwd: base });
    expect(piped.status).toBe(0);
    expect(piped.stdout.trim().split('\n').map((l) => JSON.parse(l) as unknown)).toEqual(lines);
    expect(piped.stderr).toBe(`${lines.length} findings written to standard output\n`);
    const bom = runClearance(['export', 'cyclonedx', '--db', db, '--out', '-'], {}, { cwd: base });
    expect((JSON.parse(bom.stdout) as { specVersion: string }).specVersion).toBe('1.6');
    expect(existsSync(path.join(base, '-'))).toBe(false);
  });

  it('exits 2 naming the path and the cause for bad input, and writes nothing', () => {
    const root = makeTempDir();
    const db = path.join(root, 'ws.sqlite');
    const missing = runClearance(['scan', path.join(root, 'nope'), '--db', db]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain(`${path.join(root, 'nope')}: no such file or directory`);

    const notes = path.join(root, 'notes.txt');
    writeFileSync(notes, 'just some notes\n');
    const neither = runClearance(['scan', notes, '--db', db]);
    expect(neither.status).toBe(2);
    expect(neither.stderr).toContain(`${notes}: neither a directory nor an SBOM`);

    const badSbom = path.join(root, 'bad.cdx.json');
    writeFileSync(badSbom, JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', components: [{ type: 'no-such-type', name: 3 }] }));
    const invalid = runClearance(['scan', badSbom, '--db', db]);
    expect(invalid.status).toBe(2);
    expect(invalid.stderr).toContain(badSbom);

    expect(runClearance(['scan', '--db', db]).status).toBe(2);
    expect(runClearance(['export', 'pdf', '--db', db, '--out', 'x']).status).toBe(2);
    expect(runClearance(['export', 'cyclonedx', '--db', db]).stderr).toContain('--out FILE is required');
    expect(runClearance(['frobnicate']).status).toBe(2);
  });

  it('refuses a workspace file that is not SQLite', () => {
    const root = makeTempDir();
    const db = path.join(root, 'ws.sqlite');
    writeFileSync(db, 'not a database');
    mkdirSync(path.join(root, 'src'));
    const result = runClearance(['scan', path.join(root, 'src'), '--db', db]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`${db}: not a Clearance workspace`);
  });
});

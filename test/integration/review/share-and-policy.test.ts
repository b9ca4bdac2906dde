import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { cli, makeWorkspace, writer } from './helpers.js';

const as = (name: string, email: string) => ['--reviewer', name, '--email', email];

describe('sharing decisions as signed JSON Lines', () => {
  beforeEach(() => {
    process.env['CLEARANCE_PASSPHRASE'] = 'a passphrase for tests';
  });

  it('exports, imports into another workspace, counts duplicates and reports conflicts side by side', async () => {
    const dir = makeTempDir();
    const a = makeWorkspace();
    await a.ctx.close();
    const b = makeWorkspace();
    await b.ctx.close();
    expect((await cli(['decide', 'pkg:npm/left-pad@1.0.0', '--db', a.file, '--state', 'approved', ...as('Ann', 'ann@example.org')])).code).toBe(0);
    expect((await cli(['decide', 'pkg:npm/gpl-lib@2.0.0', '--db', a.file, '--state', 'rejected', '--rationale', 'GPL in a binary', ...as('Ann', 'ann@example.org')])).code).toBe(0);
    // Bob decided the same component differently in his own workspace.
    expect((await cli(['decide', 'pkg:npm/gpl-lib@2.0.0', '--db', b.file, '--state', 'approved', ...as('Bob', 'bob@example.org')])).code).toBe(0);

    const out = path.join(dir, 'ann.jsonl');
    const exported = await cli(['decisions', 'export', '--out', out, '--db', a.file]);
    expect(exported.stdout).toBe(`2 decisions written to ${out}\n`);
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { publicKey: string; signature: string; body: { uid: string } });
    expect(lines).toHaveLength(2);
    expect(lines[0]!.publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----/);

    const imported = await cli(['decisions', 'import', out, '--db', b.file, '--json']);
    expect(imported.code).toBe(1);
    const report = JSON.parse(imported.stdout) as { imported: number; duplicates: number; conflicts: { local: { state: string; reviewer: { name: string } }; incoming: { state: string; origin: string } }[]; fileTrail: { ok: boolean } };
    expect(report).toMatchObject({ imported: 2, duplicates: 0, fileTrail: { ok: true } });
    expect(report.conflicts).toHaveLength(1);
    expect(report.conflicts[0]).toMatchObject({ local: { state: 'approved', reviewer: { name: 'Bob' } }, incoming: { state: 'rejected', origin: 'imported:ann.jsonl' } });

    // Both stay current: nothing was overwritten. The local one still wins where it applies.
    const listed = JSON.parse((await cli(['decisions', '--db', b.file, '--json'])).stdout) as { subjectKey: string; state: string; origin: string }[];
    expect(listed.filter((d) => d.subjectKey === 'pkg:npm/gpl-lib@2.0.0').map((d) => [d.state, d.origin]).sort()).toEqual([
      ['approved', 'local'],
      ['rejected', 'imported:ann.jsonl'],
    ]);
    expect((await cli(['verify-log', '--db', b.file])).code).toBe(0);

    const again = JSON.parse((await cli(['decisions', 'import', out, '--db', b.file, '--json'])).stdout) as { imported: number; duplicates: number };
    expect(again).toMatchObject({ imported: 0, duplicates: 2 });
  });

  it('keeps only the records it can verify, naming the lines it rejects', async () => {
    const dir = makeTempDir();
    const a = makeWorkspace();
    await a.ctx.close();
    const b = makeWorkspace();
    await b.ctx.close();
    await cli(['decide', 'pkg:npm/one@1.0.0', '--db', a.file, '--state', 'approved', ...as('Ann', 'ann@example.org')]);
    await cli(['decide', 'pkg:npm/two@1.0.0', '--db', a.file, '--state', 'approved', ...as('Ann', 'ann@example.org')]);
    const out = path.join(dir, 'shared.jsonl');
    await cli(['decisions', 'export', '--out', out, '--db', a.file]);
    const [first, second] = readFileSync(out, 'utf8').trim().split('\n');
    // Someone changed the second record's state after it was signed, and added a line of junk.
    writeFileSync(out, `${first}\n${second!.replace('"state":"approved"', '"state":"rejected"')}\nnot json\n`);
    const result = await cli(['decisions', 'import', out, '--db', b.file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('shared.jsonl: 1 imported, 0 already present, 0 in conflict, 2 rejected');
    expect(result.stdout).toContain('rejected line 2: the signature of ann@example.org does not match the record');
    expect(result.stdout).toMatch(/rejected line 3: not JSON/);
  });
});

describe('clearance policy', () => {
  it('check exits 1 naming each denied component and why, 0 once a decision settles it', async () => {
    process.env['CLEARANCE_PASSPHRASE'] = 'a passphrase for tests';
    const { file, ctx } = makeWorkspace();
    const w = writer(ctx);
    const app = w.project('app', 'binary');
    w.scan(app, [
      { name: 'ok', declared: 'MIT' },
      { name: 'gpl-lib', declared: 'GPL-3.0-only' },
    ]);
    await ctx.close();
    const failing = await cli(['policy', 'check', '--db', file, '--project', 'app']);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain('app (binary, policy default): 1 denied, 0 to review, 1 allowed');
    expect(failing.stdout).toContain('DENIED  pkg:npm/gpl-lib@1.0.0: GPL-3.0-only is strong copyleft; for distributed binaries strong copyleft is denied [actions.binary.strong-copyleft]');
    await cli(['decide', 'pkg:npm/gpl-lib@1.0.0', '--db', file, '--project', 'app', '--state', 'exception', '--rationale', 'vendor relicensing', '--expires', '2099-01-01', ...as('Ann', 'ann@example.org')]);
    expect((await cli(['policy', 'check', '--db', file])).code).toBe(0);
  });

  it('set stores a new version and refuses an invalid file with one line per problem', async () => {
    const dir = makeTempDir();
    const { file, ctx } = makeWorkspace();
    await ctx.close();
    const good = path.join(dir, 'policy.yaml');
    writeFileSync(good, 'name: Acme\nactions:\n  binary:\n    weak-copyleft: review\ncomponents:\n  deny: ["pkg:maven/com.oracle/*"]\n');
    expect((await cli(['policy', 'set', good, '--db', file])).stdout).toBe('stored policy version 1\n');
    expect((await cli(['policy', 'set', good, '--db', file])).stdout).toBe('stored policy version 2\n');
    const shown = await cli(['policy', 'show', '--db', file]);
    expect(shown.stdout).toMatch(/^# policy version 2, saved /);
    expect(shown.stdout).toContain('name: Acme');

    const bad = path.join(dir, 'bad.yaml');
    writeFileSync(bad, 'actions:\n  binary:\n    strong-copyleft: forbid\ncategories:\n  Apache2: permissive\nlicences: {}\n');
    const refused = await cli(['policy', 'set', bad, '--db', file]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${bad}: the policy is not valid, nothing was stored:`);
    expect(refused.stderr).toContain(`${bad}:3:22: actions.binary.strong-copyleft: expected one of allow, review, deny (found "forbid")`);
    expect(refused.stderr).toContain(`${bad}:6:1: licences: unknown key "licences"`);
    expect(refused.stderr).toContain(`${bad}:5:3: categories.Apache2: "Apache2" is not an SPDX license id (did you mean Apache-2.0?)`);
    expect((await cli(['policy', 'show', '--db', file])).stdout).toMatch(/^# policy version 2,/);
  });
});

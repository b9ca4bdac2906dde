import { beforeEach, describe, expect, it } from 'vitest';
import { cli, makeWorkspace, tamper, writer } from './helpers.js';

const reviewer = ['--reviewer', 'Ann Auditor', '--email', 'ann@example.org'];

/** A workspace with four signed decisions made through the CLI, closed so the CLI and the "attacker" can open it. */
async function trailOfFour(): Promise<string> {
  const { file, ctx } = makeWorkspace();
  const w = writer(ctx);
  const shop = w.project('shop');
  w.scan(shop, [
    { name: 'left-pad', declared: 'MIT', detected: ['MIT'] },
    { name: 'gpl-lib', declared: 'GPL-3.0-only' },
    { name: 'lgpl-lib', declared: 'LGPL-2.1-only' },
  ]);
  await ctx.close();
  const decide = (purl: string, ...rest: string[]) => cli(['decide', purl, '--db', file, ...reviewer, ...rest]);
  expect((await decide('pkg:npm/left-pad@1.0.0', '--state', 'approved')).code).toBe(0);
  expect((await decide('pkg:npm/gpl-lib@1.0.0', '--state', 'rejected', '--rationale', 'strong copyleft in a shipped binary')).code).toBe(0);
  expect((await decide('pkg:npm/lgpl-lib@1.0.0', '--state', 'approved-with-conditions', '--rationale', 'dynamic linking only', '--obligations', 'source-offer,attribution')).code).toBe(0);
  expect((await decide('pkg:npm/gpl-lib@1.0.0', '--state', 'exception', '--rationale', 'vendor relicensing under way', '--expires', '2099-12-31')).code).toBe(0);
  return file;
}

describe('clearance verify-log', () => {
  beforeEach(() => {
    process.env['CLEARANCE_PASSPHRASE'] = 'a passphrase for tests';
  });

  it('passes an untouched trail', async () => {
    const file = await trailOfFour();
    const result = await cli(['verify-log', '--db', file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/decision trail intact: 4 records, head [0-9a-f]{64}/);
  });

  it('names a record whose state was edited in the file', async () => {
    const file = await trailOfFour();
    tamper(file, (db) => db.prepare("UPDATE decisions SET state = 'approved' WHERE seq = 2").run());
    const result = await cli(['verify-log', '--db', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/broken at record #2 \(altered\)/);
  });

  it('names a record that was edited and re-hashed (the next record still points at the old hash)', async () => {
    const file = await trailOfFour();
    const { chainHash } = await import('../../../electron/main/engine/5-review/decision-chain.js');
    const { allDecisions } = await import('../../../electron/main/db/repositories/decisions-repo.js');
    const { bodyOf } = await import('../../../electron/main/engine/5-review/trail-io.js');
    tamper(file, (db) => {
      db.prepare("UPDATE decisions SET rationale = 'nothing to see' WHERE seq = 2").run();
      const d = allDecisions(db as never).find((x) => x.seq === 2)!;
      const hash = chainHash(bodyOf(d), { seq: d.seq, prevHash: d.prevHash, origin: d.origin, projectId: d.projectId });
      db.prepare('UPDATE decisions SET hash = ? WHERE seq = 2').run(hash);
    });
    const result = await cli(['verify-log', '--db', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/record #2 \(altered\)/);
  });

  it('names the record that was deleted from the middle of the trail', async () => {
    const file = await trailOfFour();
    tamper(file, (db) => db.prepare('DELETE FROM decisions WHERE seq = 3').run());
    const result = await cli(['verify-log', '--db', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/broken at record #3 \(removed\)/);
  });

  it('notices the last record being deleted', async () => {
    const file = await trailOfFour();
    tamper(file, (db) => db.prepare('DELETE FROM decisions WHERE seq = 4').run());
    const result = await cli(['verify-log', '--db', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/broken at record #4 \(removed\)/);
  });

  it('names a record that was moved by swapping positions', async () => {
    const file = await trailOfFour();
    tamper(file, (db) => {
      db.prepare('UPDATE decisions SET seq = -1 WHERE seq = 2').run();
      db.prepare('UPDATE decisions SET seq = 2 WHERE seq = 3').run();
      db.prepare('UPDATE decisions SET seq = 3 WHERE seq = -1').run();
    });
    const result = await cli(['verify-log', '--db', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/broken at record #2 \(reordered\)/);
  });

  it('names a record whose signature was replaced', async () => {
    const file = await trailOfFour();
    tamper(file, (db) => {
      const other = db.prepare('SELECT signature FROM decisions WHERE seq = 1').pluck().get() as string;
      db.prepare('UPDATE decisions SET signature = ? WHERE seq = 4').run(other);
    });
    const result = await cli(['verify-log', '--db', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/broken at record #4 \(bad-signature\)/);
  });

  it('names a record signed by a key the workspace does not know', async () => {
    const file = await trailOfFour();
    tamper(file, (db) => db.prepare('DELETE FROM reviewer_keys').run());
    const result = await cli(['verify-log', '--db', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/broken at record #1 \(unknown-key\)/);
  });
});

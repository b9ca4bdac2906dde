import { beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/main/api/dispatch.js';
import type { AppContext } from '../../../electron/main/app-context.js';
import { concludedLicenseFor } from '../../../electron/main/services/decisions-service.js';
import { listComponents } from '../../../electron/main/db/repositories/components-repo.js';
import { cli, makeWorkspace, writer } from './helpers.js';

async function call<T = unknown>(ctx: AppContext, method: string, params: unknown): Promise<T> {
  const envelope = await dispatch(ctx, method, params);
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as T;
}

async function failure(ctx: AppContext, method: string, params: unknown) {
  const envelope = await dispatch(ctx, method, params);
  if (envelope.ok) throw new Error(`${method} should have failed`);
  return envelope.error;
}

type Queue = { items: { label: string; status: string; changes: string[]; isNew: boolean; decision: { carriedOverFrom: string | null; via: string } | null; kind: string }[]; countsByStatus: Record<string, number> };

describe('decisions through the API', () => {
  beforeEach(() => {
    process.env['CLEARANCE_PASSPHRASE'] = 'a passphrase for tests';
  });

  it('records signed decisions, supersedes on change, and keeps the whole history', async () => {
    const { ctx } = makeWorkspace();
    const w = writer(ctx);
    const shop = w.project('shop', 'binary');
    const { ids } = w.scan(shop, [{ name: 'gpl-lib', declared: 'GPL-3.0-only', detected: ['GPL-3.0-only'] }]);
    await call(ctx, 'reviewer.set', { name: 'Ann', email: 'ann@example.org' });
    const first = await call<{ uid: string; policyVersion: number }>(ctx, 'decisions.record', {
      subject: { type: 'component', componentId: ids['gpl-lib'] },
      state: 'needs-legal-review',
      rationale: 'ask counsel',
    });
    expect(first.policyVersion).toBe(1);
    const second = await call<{ uid: string; supersedesUid: string }>(ctx, 'decisions.record', {
      subject: { type: 'component', componentId: ids['gpl-lib'] },
      state: 'rejected',
      rationale: 'counsel says no',
    });
    expect(second.supersedesUid).toBe(first.uid);
    const current = await call<{ uid: string }[]>(ctx, 'decisions.list', {});
    expect(current.map((d) => d.uid)).toEqual([second.uid]);
    const history = await call<{ uid: string; supersededBy: string | null }[]>(ctx, 'decisions.history', { subjectKey: 'pkg:npm/gpl-lib@1.0.0' });
    expect(history.map((d) => [d.uid, d.supersededBy])).toEqual([
      [second.uid, null],
      [first.uid, second.uid],
    ]);
    expect((await call<{ ok: boolean; count: number }>(ctx, 'decisions.verify', {})).count).toBe(2);
    const evaluation = await call<{ results: { action: string; policyAction: string; reason: string }[] }>(ctx, 'policy.evaluate', { projectId: shop });
    expect(evaluation.results[0]).toMatchObject({ action: 'deny', policyAction: 'deny' });
    expect(evaluation.results[0]!.reason).toMatch(/^decided rejected by Ann on \d{4}-\d{2}-\d{2}: counsel says no/);
    await ctx.close();
  });

  it('rejects invalid input with clear errors and never stores it', async () => {
    const { ctx } = makeWorkspace();
    const w = writer(ctx);
    const { ids } = w.scan(w.project('shop'), [{ name: 'x', declared: 'MIT' }]);
    await call(ctx, 'reviewer.set', { name: 'Ann', email: 'ann@example.org' });
    const subject = { type: 'component', componentId: ids['x'] };
    expect(await failure(ctx, 'decisions.record', { subject, state: 'approved', concludedLicense: 'MIT AND OR Apache-2.0' })).toMatchObject({ code: 'invalid-expression' });
    expect((await failure(ctx, 'decisions.record', { subject, state: 'exception', rationale: 'why not' })).message).toMatch(/exception needs an expiry date/);
    expect((await failure(ctx, 'decisions.record', { subject, state: 'rejected' })).message).toMatch(/needs a rationale/);
    expect((await failure(ctx, 'decisions.record', { subject, state: 'exception', rationale: 'r', expiresAt: '2001-01-01' })).message).toMatch(/already passed/);
    expect(await call<unknown[]>(ctx, 'decisions.list', {})).toEqual([]);
    await ctx.close();
  });

  it('says when the passphrase is wrong, without crashing, and accepts the right one', async () => {
    const { ctx, file } = makeWorkspace();
    const w = writer(ctx);
    const { ids } = w.scan(w.project('shop'), [{ name: 'x', declared: 'MIT' }]);
    await call(ctx, 'reviewer.set', { name: 'Ann', email: 'ann@example.org' });
    await call(ctx, 'decisions.record', { subject: { type: 'component', componentId: ids['x'] }, state: 'approved' });
    await ctx.close();
    const { createAppContext } = await import('../../../electron/main/host/create-context.js');
    const { headlessPlatform } = await import('../../../electron/main/host/headless-platform.js');
    const reopened = createAppContext({ workspacePath: file, platform: headlessPlatform });
    delete process.env['CLEARANCE_PASSPHRASE'];
    expect(await call(reopened, 'reviewer.get', {})).toMatchObject({ keyStatus: 'locked' });
    const locked = await failure(reopened, 'decisions.record', { subject: { type: 'component', componentId: ids['x'] }, state: 'approved' });
    expect(locked).toMatchObject({ code: 'bad-request', details: { reason: 'passphrase-required' } });
    const wrong = await failure(reopened, 'reviewer.unlock', { passphrase: 'not the passphrase' });
    expect(wrong).toMatchObject({ code: 'bad-request', message: 'wrong passphrase for the reviewer key of Ann <ann@example.org>' });
    expect(await call(reopened, 'reviewer.unlock', { passphrase: 'a passphrase for tests' })).toMatchObject({ keyStatus: 'unlocked' });
    await call(reopened, 'decisions.record', { subject: { type: 'component', componentId: ids['x'] }, state: 'approved' });
    expect((await call<{ ok: boolean; count: number }>(reopened, 'decisions.verify', {})).count).toBe(2);
    await reopened.close();
  });

  it('carries decisions over: to re-scans, to versions in range, to other projects; and flags what changed', async () => {
    const { ctx } = makeWorkspace();
    const w = writer(ctx);
    const shop = w.project('shop', 'binary');
    const first = w.scan(shop, [
      { name: 'lodash', version: '4.17.20', declared: 'MIT', detected: ['MIT'] },
      { name: 'gpl-lib', declared: 'GPL-3.0-only', detected: ['GPL-3.0-only'] },
    ]);
    await call(ctx, 'reviewer.set', { name: 'Ann', email: 'ann@example.org' });
    await call(ctx, 'decisions.record', { subject: { type: 'component-range', componentId: first.ids['lodash'], range: '^4.0.0' }, state: 'approved' });
    await call(ctx, 'decisions.record', {
      subject: { type: 'component', componentId: first.ids['gpl-lib'] },
      state: 'exception',
      rationale: 'vendor relicensing',
      expiresAt: '2099-01-01',
    });
    // Re-scan: lodash moved to 4.17.21 (in range), gpl-lib now also ships an AGPL text, a new package appeared.
    w.scan(shop, [
      { name: 'lodash', version: '4.17.21', declared: 'MIT', detected: ['MIT'] },
      { name: 'gpl-lib', declared: 'GPL-3.0-only', detected: ['GPL-3.0-only', 'AGPL-3.0-only'] },
      { name: 'newcomer', declared: 'ISC' },
    ]);
    const queue = await call<Queue>(ctx, 'review.queue', { projectId: shop, statuses: ['undecided', 'changed', 'decided'] });
    const byLabel = Object.fromEntries(queue.items.map((i) => [i.label, i]));
    expect(byLabel['lodash@4.17.21']).toMatchObject({ status: 'decided', decision: { via: 'version-range', carriedOverFrom: 'carried over from pkg:npm/lodash@4.17.20 (range ^4.0.0)' } });
    expect(byLabel['gpl-lib@1.0.0']).toMatchObject({ status: 'changed', changes: ['newly detected: AGPL-3.0-only'] });
    expect(byLabel['newcomer@1.0.0']).toMatchObject({ status: 'undecided', isNew: true });
    // The default queue hides what is settled.
    const open = await call<Queue>(ctx, 'review.queue', { projectId: shop });
    expect(open.items.map((i) => i.label).sort()).toEqual(['gpl-lib@1.0.0', 'newcomer@1.0.0']);
    expect(open.countsByStatus).toMatchObject({ decided: 1, changed: 1, undecided: 1 });

    // Another project with the same lodash version sees the decision as carried over from shop.
    const admin = w.project('admin', 'saas');
    w.scan(admin, [{ name: 'lodash', version: '4.17.20', declared: 'MIT', detected: ['MIT'] }]);
    const other = await call<Queue>(ctx, 'review.queue', { projectId: admin, statuses: ['decided'] });
    expect(other.items[0]!.decision).toMatchObject({ via: 'other-project', carriedOverFrom: 'carried over from pkg:npm/lodash@4.17.20 (range ^4.0.0) in project shop' });
    await ctx.close();
  });

  it('applies the concluded license to the policy and to components.list through concludedLicenseFor', async () => {
    const { ctx } = makeWorkspace();
    const w = writer(ctx);
    const shop = w.project('shop', 'binary');
    const { ids } = w.scan(shop, [{ name: 'dual', declared: 'GPL-2.0-only OR LicenseRef-acme-commercial', detected: ['GPL-2.0-only'] }]);
    const before = await call<{ results: { action: string; allowedChoices: string[] }[] }>(ctx, 'policy.evaluate', { projectId: shop });
    expect(before.results[0]).toMatchObject({ action: 'review', allowedChoices: [] });
    await call(ctx, 'decisions.record', {
      subject: { type: 'component', componentId: ids['dual'] },
      state: 'approved-with-conditions',
      concludedLicense: 'LicenseRef-acme-commercial',
      rationale: 'we bought the commercial license',
      reviewer: { name: 'Ann', email: 'ann@example.org' },
    });
    const [component] = listComponents(ctx.db, shop);
    expect(concludedLicenseFor(ctx.db, component!)).toBe('LicenseRef-acme-commercial');
    const forComponent = await call<{ concludedLicense: string; history: unknown[]; current: { via: string } }>(ctx, 'decisions.forComponent', { componentId: ids['dual'] });
    expect(forComponent).toMatchObject({ concludedLicense: 'LicenseRef-acme-commercial', current: { via: 'direct' } });
    expect(forComponent.history).toHaveLength(1);
    await ctx.close();
  });

  it('previews a bulk triage, then records only what changes', async () => {
    const { ctx } = makeWorkspace();
    const w = writer(ctx);
    const shop = w.project('shop');
    const { ids } = w.scan(shop, [{ name: 'a', declared: 'MIT' }, { name: 'b', declared: 'MIT' }, { name: 'c', declared: 'MIT' }]);
    await call(ctx, 'reviewer.set', { name: 'Ann', email: 'ann@example.org' });
    await call(ctx, 'decisions.record', { subject: { type: 'component', componentId: ids['a'] }, state: 'approved' });
    await call(ctx, 'decisions.record', { subject: { type: 'component', componentId: ids['b'] }, state: 'rejected', rationale: 'no' });
    const subjects = ['a', 'b', 'c'].map((n) => ({ type: 'component', componentId: ids[n] }));
    const preview = await call<{ items: { label: string; change: string }[]; recorded: unknown[] }>(ctx, 'decisions.recordBulk', { subjects, state: 'approved', preview: true });
    expect(preview.items.map((i) => [i.label, i.change])).toEqual([
      ['a@1.0.0', 'unchanged'],
      ['b@1.0.0', 'supersede'],
      ['c@1.0.0', 'new'],
    ]);
    expect(preview.recorded).toEqual([]);
    expect(await call<unknown[]>(ctx, 'decisions.list', {})).toHaveLength(2);
    const done = await call<{ recorded: unknown[] }>(ctx, 'decisions.recordBulk', { subjects, state: 'approved' });
    expect(done.recorded).toHaveLength(2);
    expect(await call<unknown[]>(ctx, 'decisions.list', {})).toHaveLength(3);
    await ctx.close();
  });

  it('matches path patterns within a project (files not shipped)', async () => {
    const { ctx } = makeWorkspace();
    const w = writer(ctx);
    const shop = w.project('shop');
    const { scanId } = w.scan(shop, [{ name: 'test-helper', declared: 'GPL-3.0-only', rootPath: 'test/fixtures/helper' }]);
    w.finding(scanId, { path: 'test/data/gpl.txt', kind: 'unknown-license', text: 'some odd license', key: 'k-unknown' });
    w.finding(scanId, { path: 'src/weird.c', kind: 'unknown-license', text: 'another odd license', key: 'k-src' });
    await call(ctx, 'reviewer.set', { name: 'Ann', email: 'ann@example.org' });
    await call(ctx, 'decisions.record', { subject: { type: 'path', pattern: 'test/**', projectId: shop }, state: 'not-applicable', rationale: 'tests are not shipped' });
    const queue = await call<Queue>(ctx, 'review.queue', { projectId: shop });
    expect(queue.items.map((i) => i.label)).toEqual(['src/weird.c: unknown-license']);
    await ctx.close();
  });
});

describe('clearance decide', () => {
  beforeEach(() => {
    process.env['CLEARANCE_PASSPHRASE'] = 'a passphrase for tests';
  });

  it('exits 2 with the parse error for an invalid SPDX expression, and for an exception without expiry', async () => {
    const { file, ctx } = makeWorkspace();
    await ctx.close();
    const base = ['decide', 'pkg:npm/x@1.0.0', '--db', file, '--reviewer', 'Ann', '--email', 'ann@example.org'];
    const bad = await cli([...base, '--state', 'approved', '--license', 'MIT ANDD Apache-2.0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/invalid SPDX expression "MIT ANDD Apache-2.0"/);
    const exception = await cli([...base, '--state', 'exception', '--rationale', 'temporary']);
    expect(exception.code).toBe(2);
    expect(exception.stderr).toMatch(/an exception needs an expiry date/);
    const state = await cli([...base, '--state', 'fine']);
    expect(state.code).toBe(2);
    const ok = await cli([...base, '--state', 'approved', '--license', 'mit']);
    expect(ok.code).toBe(2);
    expect(ok.stderr).toMatch(/invalid SPDX expression "mit"/);
    const good = await cli([...base, '--state', 'approved', '--license', 'MIT OR Apache-2.0']);
    expect(good.code).toBe(0);
    const listed = await cli(['decisions', '--db', file, '--json']);
    expect(JSON.parse(listed.stdout)).toMatchObject([{ subjectKey: 'pkg:npm/x@1.0.0', concludedLicense: 'MIT OR Apache-2.0', state: 'approved' }]);
  });

  it('takes the reviewer from CLEARANCE_REVIEWER_NAME/EMAIL', async () => {
    const { file, ctx } = makeWorkspace();
    await ctx.close();
    process.env['CLEARANCE_REVIEWER_NAME'] = 'Env Reviewer';
    process.env['CLEARANCE_REVIEWER_EMAIL'] = 'env@example.org';
    try {
      expect((await cli(['decide', 'pkg:npm/x@1.0.0', '--db', file, '--state', 'approved'])).code).toBe(0);
    } finally {
      delete process.env['CLEARANCE_REVIEWER_NAME'];
      delete process.env['CLEARANCE_REVIEWER_EMAIL'];
    }
    const listed = JSON.parse((await cli(['decisions', '--db', file, '--json'])).stdout) as { reviewer: { name: string; email: string } }[];
    expect(listed[0]!.reviewer).toMatchObject({ name: 'Env Reviewer', email: 'env@example.org' });
  });
});

import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ReviewFindingsPage } from '../../../shared/api/review-contract.js';
import { dispatch } from '../../../electron/main/api/dispatch.js';
import type { AppContext } from '../../../electron/main/app-context.js';
import { writeNpmProject } from '../../helpers/fixture-repo.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { makeTestContext, scanAndWait } from '../../helpers/test-context.js';

async function call<T = unknown>(ctx: AppContext, method: string, params: unknown): Promise<T> {
  const envelope = await dispatch(ctx, method, params);
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as T;
}

const page = (ctx: AppContext, params: Record<string, unknown>) => call<ReviewFindingsPage>(ctx, 'review.findings', { limit: 5000, ...params });

async function scannedShop() {
  const ctx = makeTestContext();
  const repo = path.join(makeTempDir(), 'shop');
  writeNpmProject(repo, 'shop', [
    { name: 'mit-lib', version: '1.0.0', license: 'MIT' },
    { name: 'isc-lib', version: '2.0.0', license: 'ISC' },
    { name: 'gpl-lib', version: '3.0.0', license: 'GPL-3.0-only' },
  ]);
  const { job, projectId } = await scanAndWait(ctx, [repo]);
  expect(job.state).toBe('finished');
  const components = await call<{ id: number; name: string }[]>(ctx, 'components.list', { projectId });
  const id = (name: string) => components.find((c) => c.name === name)!.id;
  return { ctx, projectId, id };
}

describe('review.findings: findings with their review status', () => {
  beforeEach(() => {
    process.env['CLEARANCE_PASSPHRASE'] = 'a passphrase for tests';
  });

  it('gives every finding of the latest scan a status, the same rows findings.list pages, and counts per status', async () => {
    const { ctx, projectId } = await scannedShop();
    const reviewed = await page(ctx, { projectId });
    const listed = await call<{ rows: { id: number }[]; total: number }>(ctx, 'findings.list', { projectId, limit: 5000 });
    expect(reviewed.total).toBe(listed.total);
    expect(new Set(reviewed.rows.map((r) => r.id))).toEqual(new Set(listed.rows.map((r) => r.id)));
    expect(Object.values(reviewed.countsByStatus).reduce((a, b) => a + b, 0)).toBe(reviewed.total);
    // Nothing is decided yet: findings inside components are undecided through their component.
    const inComponents = reviewed.rows.filter((r) => r.componentId !== null);
    expect(inComponents.length).toBeGreaterThan(0);
    expect(inComponents.every((r) => r.status === 'undecided' && r.statusFrom === 'component')).toBe(true);
    expect(reviewed.countsByStatus.decided).toBe(0);
  });

  it('follows decisions: a component decision covers its findings, a finding decision only the finding', async () => {
    const { ctx, projectId, id } = await scannedShop();
    await call(ctx, 'reviewer.set', { name: 'Ann', email: 'ann@example.org' });
    await call(ctx, 'decisions.record', { subject: { type: 'component', componentId: id('mit-lib') }, state: 'approved' });
    const gplFindings = (await page(ctx, { projectId, component: 'gpl-lib' })).rows;
    const target = gplFindings.find((r) => r.kind === 'license-text')!;
    await call(ctx, 'decisions.record', { subject: { type: 'finding', findingId: target.id }, state: 'needs-legal-review', rationale: 'ask counsel' });

    const after = await page(ctx, { projectId });
    const mit = after.rows.filter((r) => r.componentId === id('mit-lib'));
    expect(mit.length).toBeGreaterThan(0);
    expect(mit.every((r) => r.status === 'decided' && r.statusFrom === 'component' && r.decision?.state === 'approved')).toBe(true);
    const own = after.rows.find((r) => r.id === target.id)!;
    expect(own).toMatchObject({ status: 'pending', statusFrom: 'finding', decision: { state: 'needs-legal-review' } });
    const otherGpl = after.rows.filter((r) => r.componentId === id('gpl-lib') && r.id !== target.id);
    expect(otherGpl.every((r) => r.status === 'undecided')).toBe(true);
    expect(after.countsByStatus.decided).toBe(mit.length);
    expect(after.countsByStatus.pending).toBe(1);

    // Copyright findings are not in the review queue, but one can still carry a decision of its own.
    const copyright = after.rows.find((r) => r.componentId === id('isc-lib') && r.kind === 'copyright')!;
    await call(ctx, 'decisions.record', { subject: { type: 'finding', findingId: copyright.id }, state: 'not-applicable', rationale: 'template holder line' });
    const later = await page(ctx, { projectId, component: 'isc-lib' });
    expect(later.rows.find((r) => r.id === copyright.id)).toMatchObject({ status: 'decided', statusFrom: 'finding', decision: { state: 'not-applicable' } });
    const elsewhere = later.rows.filter((r) => r.path !== copyright.path);
    expect(elsewhere.length).toBeGreaterThan(0);
    expect(elsewhere.every((r) => r.status === 'undecided' && r.statusFrom === 'component')).toBe(true);
  });

  it('filters by status, kind and text, and counts statuses over everything but the status filter', async () => {
    const { ctx, projectId, id } = await scannedShop();
    await call(ctx, 'reviewer.set', { name: 'Ann', email: 'ann@example.org' });
    await call(ctx, 'decisions.record', { subject: { type: 'component', componentId: id('isc-lib') }, state: 'approved' });
    const all = await page(ctx, { projectId });
    const decided = await page(ctx, { projectId, statuses: ['decided'] });
    expect(decided.total).toBe(all.rows.filter((r) => r.status === 'decided').length);
    expect(decided.rows.every((r) => r.componentName === 'isc-lib')).toBe(true);
    expect(decided.countsByStatus).toEqual(all.countsByStatus);

    const copyrights = await page(ctx, { projectId, kinds: ['copyright'] });
    expect(copyrights.total).toBe(all.rows.filter((r) => r.kind === 'copyright').length);
    expect(copyrights.countsByKind).toEqual(all.countsByKind);

    const gpl = await page(ctx, { projectId, license: 'gpl-3' });
    expect(gpl.total).toBeGreaterThan(0);
    expect(gpl.rows.every((r) => r.license?.includes('GPL-3.0'))).toBe(true);
    const search = await page(ctx, { projectId, search: 'MIT-LIB' });
    expect(search.rows.length).toBeGreaterThan(0);
    expect(search.rows.every((r) => r.componentName === 'mit-lib' || r.path?.toLowerCase().includes('mit-lib') || r.license?.toLowerCase().includes('mit-lib'))).toBe(true);
  });

  it('groups by component with counts, leaves collapsed groups out of the rows, and pages in group order', async () => {
    const { ctx, projectId, id } = await scannedShop();
    const grouped = await page(ctx, { projectId, groupBy: 'component' });
    expect(grouped.groups.reduce((n, g) => n + g.count, 0)).toBe(grouped.total);
    const keys = grouped.rows.map((r) => `component:${r.componentId ?? 0}`);
    // Rows come group by group, in the order of the groups.
    const order = grouped.groups.map((g) => g.key).filter((k) => keys.includes(k));
    expect([...new Set(keys)]).toEqual(order);
    const gplKey = `component:${id('gpl-lib')}`;
    const gplGroup = grouped.groups.find((g) => g.key === gplKey)!;
    expect(gplGroup).toMatchObject({ label: 'gpl-lib', componentId: id('gpl-lib') });

    const collapsed = await page(ctx, { projectId, groupBy: 'component', collapsed: [gplKey] });
    expect(collapsed.total).toBe(grouped.total - gplGroup.count);
    expect(collapsed.groups).toEqual(grouped.groups);
    expect(collapsed.rows.some((r) => r.componentId === id('gpl-lib'))).toBe(false);

    const second = await page(ctx, { projectId, groupBy: 'component', offset: 3, limit: 4 });
    expect(second.rows.map((r) => r.id)).toEqual(grouped.rows.slice(3, 7).map((r) => r.id));
  });

  it('sorts on the server and reflects a policy change in the policy column', async () => {
    const { ctx, projectId } = await scannedShop();
    const byLicense = await page(ctx, { projectId, sort: { column: 'license', desc: true } });
    const licenses = byLicense.rows.map((r) => r.license ?? '');
    expect(licenses).toEqual([...licenses].sort().reverse());

    const before = (await page(ctx, { projectId, component: 'isc-lib' })).rows;
    expect(before.every((r) => r.policyAction === 'allow')).toBe(true);
    const saved = await call<{ ok: boolean }>(ctx, 'policy.save', { text: 'licenses:\n  ISC: deny\n' });
    expect(saved.ok).toBe(true);
    const after = (await page(ctx, { projectId, component: 'isc-lib' })).rows;
    expect(after.length).toBe(before.length);
    expect(after.every((r) => r.policyAction === 'deny')).toBe(true);
  });
});

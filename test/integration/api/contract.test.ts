import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiMethod } from '../../../shared/api/contract.js';
import { apiMethods } from '../../../shared/api/methods.js';
import { dispatch } from '../../../electron/main/api/dispatch.js';
import { startHttpBridge } from '../../../electron/main/host/http-bridge.js';
import { writeNpmProject } from '../../helpers/fixture-repo.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { makeTestContext, scanAndWait, type TestContext } from '../../helpers/test-context.js';

/** Methods whose success depends on the host (native dialogs): in headless mode they must answer 'unsupported'. */
const hostOnly = new Set<ApiMethod>(['platform.pickPaths', 'platform.revealPath']);

async function workspaceWithOneScan(): Promise<{ ctx: TestContext; ids: Record<string, number>; repo: string }> {
  const ctx = makeTestContext();
  const repo = path.join(makeTempDir(), 'app');
  writeNpmProject(repo, 'app', [{ name: 'tiny', version: '1.0.0', license: 'MIT' }]);
  const { job, projectId } = await scanAndWait(ctx, [repo]);
  expect(job.state).toBe('finished');
  const scanId = ctx.db.prepare("SELECT id FROM scans WHERE project_id = ? AND status = 'finished'").pluck().get(projectId) as number;
  const componentId = ctx.db.prepare("SELECT id FROM components WHERE scan_id = ? AND name = 'tiny'").pluck().get(scanId) as number;
  const fileId = ctx.db.prepare("SELECT id FROM files WHERE scan_id = ? AND path = 'node_modules/tiny/LICENSE'").pluck().get(scanId) as number;
  const findingId = ctx.db.prepare("SELECT id FROM findings WHERE file_id = ? AND kind = 'license-text'").pluck().get(fileId) as number;
  return { ctx, ids: { projectId, scanId, componentId, fileId, findingId }, repo };
}

/** A minimal valid payload for every method of the contract. A method missing here fails the test. */
function payloads(ids: Record<string, number>, repo: string, jobId: string): Partial<Record<ApiMethod, unknown>> {
  return {
    'app.info': undefined,
    'projects.list': undefined,
    'projects.get': { projectId: ids['projectId'] },
    'projects.rename': { projectId: ids['projectId'], name: 'renamed' },
    'projects.setDistribution': { projectId: ids['projectId'], distributionModel: 'saas' },
    'scans.list': { projectId: ids['projectId'] },
    'scans.warnings': { scanId: ids['scanId'] },
    'scans.documents': { scanId: ids['scanId'] },
    'components.list': {},
    'components.get': { componentId: ids['componentId'] },
    'files.tree': { scanId: ids['scanId'], dir: '' },
    'files.get': { fileId: ids['fileId'] },
    'findings.list': { projectId: ids['projectId'] },
    'licenses.reference': { licenseId: 'MIT' },
    'licenses.compare': { findingId: ids['findingId'] },
    'jobs.list': undefined,
    'jobs.cancel': { jobId },
    'exports.sbom': { format: 'cyclonedx-json' },
    'exports.findings': {},
    'platform.pickPaths': { kind: 'folder' },
    'policy.get': undefined,
    'policy.versions': undefined,
    'policy.validate': { text: 'version: 1\n' },
    'policy.save': { text: 'version: 1\n', comment: 'contract test' },
    'policy.evaluate': { projectId: ids['projectId'] },
    'policy.explain': { expression: 'MIT OR GPL-3.0-only', distributionModel: 'binary' },
    'reviewer.set': { name: 'Contract Tester', email: 'tester@example.org' },
    'reviewer.get': undefined,
    'reviewer.unlock': { passphrase: 'correct horse battery staple' },
    'decisions.record': {
      subject: { type: 'component', componentId: ids['componentId'] },
      state: 'approved',
      concludedLicense: 'MIT',
      passphrase: 'correct horse battery staple',
    },
    'decisions.recordBulk': { subjects: [{ type: 'component', componentId: ids['componentId'] }], state: 'approved', preview: true },
    'decisions.list': {},
    'decisions.history': { subjectKey: 'pkg:npm/tiny@1.0.0' },
    'decisions.forComponent': { componentId: ids['componentId'] },
    'decisions.verify': undefined,
    'decisions.export': undefined,
    'decisions.import': { content: '', fileName: 'empty.jsonl' },
    'review.queue': { projectId: ids['projectId'] },
    'review.findings': { projectId: ids['projectId'] },
    'platform.revealPath': { path: repo },
    // Run last: they start or remove things.
    'scans.start': { paths: [repo], projectId: ids['projectId'] },
    'sample.open': undefined,
    'projects.remove': { projectId: ids['projectId'] },
  };
}

const lastMethods: ApiMethod[] = ['scans.start', 'sample.open', 'projects.remove'];

describe('the API contract', () => {
  it('every method answers through dispatch with a minimal valid payload', async () => {
    const { ctx, ids, repo } = await workspaceWithOneScan();
    const jobId = ctx.jobs.list()[0]!.id;
    const table = payloads(ids, repo, jobId);
    // Identity before anything that signs; otherwise the contract's own order.
    const first: ApiMethod[] = ['reviewer.set', 'reviewer.unlock'];
    const ordered = [...first, ...apiMethods.filter((m) => !lastMethods.includes(m) && !first.includes(m)), ...lastMethods];
    for (const method of ordered) {
      expect(table, `no test payload for ${method}`).toHaveProperty([method]);
      if (method === 'projects.remove') await Promise.all(ctx.jobs.list().map((j) => ctx.jobs.whenDone(j.id)));
      const envelope = await dispatch(ctx, method, table[method]);
      if (hostOnly.has(method)) {
        expect(envelope, method).toMatchObject({ ok: false, error: { code: 'unsupported' } });
      } else {
        expect(envelope, `${method}: ${JSON.stringify(envelope).slice(0, 300)}`).toMatchObject({ ok: true });
      }
    }
  });

  it('rejects unknown methods and invalid params with typed errors', async () => {
    const ctx = makeTestContext();
    expect(await dispatch(ctx, 'projects.explode', {})).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await dispatch(ctx, 'projects.get', { projectId: 'seven' })).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: expect.stringContaining('projectId') },
    });
    expect(await dispatch(ctx, 'projects.get', { projectId: 7 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('serves the same envelopes over HTTP, with the bearer token, for every method', async () => {
    const { ctx, ids, repo } = await workspaceWithOneScan();
    const bridge = await startHttpBridge(ctx);
    try {
      const jobId = ctx.jobs.list()[0]!.id;
      const table = payloads(ids, repo, jobId);
      const first: ApiMethod[] = ['reviewer.set', 'reviewer.unlock'];
      const ordered = [...first, ...apiMethods.filter((m) => !lastMethods.includes(m) && !first.includes(m) && m !== 'projects.rename')];
      for (const method of ordered) {
        const response = await fetch(`http://127.0.0.1:${bridge.port}/api/${method}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${bridge.token}`, 'content-type': 'application/json' },
          body: JSON.stringify(table[method] ?? {}),
        });
        expect(response.status, method).toBe(200);
        const viaHttp = (await response.json()) as { ok: boolean };
        expect(viaHttp.ok, `${method}: ${JSON.stringify(viaHttp).slice(0, 300)}`).toBe(!hostOnly.has(method));
      }
    } finally {
      await bridge.close();
    }
  });
});

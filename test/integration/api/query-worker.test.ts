import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/main/api/dispatch.js';
import { offloadedMethods } from '../../../electron/main/workers/query-worker-protocol.js';
import { writeNpmProject } from '../../helpers/fixture-repo.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { makeTestContext, scanAndWait } from '../../helpers/test-context.js';

describe('heavy read-only methods run in a query worker', () => {
  it('answer exactly as in-process, see writes made on the main thread at once, and validate params there too', async () => {
    const ctx = makeTestContext();
    const root = path.join(makeTempDir(), 'app');
    writeNpmProject(root, 'app', [{ name: 'a', version: '1.0.0', license: 'MIT' }, { name: 'g', version: '2.0.0', license: 'GPL-3.0-only' }]);
    const { projectId } = await scanAndWait(ctx, [root]);
    const inProcess = { ...ctx, queries: undefined };
    const calls: [string, unknown][] = [
      ['findings.list', { projectId }],
      ['components.list', { projectId }],
      ['policy.evaluate', { projectId }],
      ['review.queue', { projectId }],
      ['review.findings', { projectId, groupBy: 'license' }],
    ];
    expect(new Set(calls.map(([m]) => m))).toEqual(offloadedMethods);
    for (const [method, params] of calls) {
      const viaWorker = await dispatch(ctx, method, params);
      expect(viaWorker, method).toMatchObject({ ok: true });
      expect(viaWorker, method).toEqual(await dispatch(inProcess, method, params));
    }

    // A change committed by the main thread is visible to the worker's next answer.
    await dispatch(ctx, 'projects.setDistribution', { projectId, distributionModel: 'internal' });
    const evaluation = (await dispatch(ctx, 'policy.evaluate', { projectId })) as { ok: true; value: { distributionModel: string } };
    expect(evaluation.value.distributionModel).toBe('internal');

    expect(await dispatch(ctx, 'findings.list', { projectId: 'x' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });
});

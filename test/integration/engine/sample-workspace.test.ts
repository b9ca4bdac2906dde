import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/main/api/dispatch.js';
import { defaultResourcesDir } from '../../../electron/main/app-paths.js';
import { makeTestContext, scanAndWait } from '../../helpers/test-context.js';

const sample = path.join(defaultResourcesDir, 'sample');

async function value<T>(promise: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const envelope = await promise;
  if (!envelope.ok) throw new Error(JSON.stringify(envelope.error));
  return envelope.value as T;
}

describe('the sample workspace, scanned as a folder plus a supplier SBOM', () => {
  it('merges both sources into one inventory, with the origin of each component and the disagreements as findings', async () => {
    const ctx = makeTestContext();
    const { job, projectId } = await scanAndWait(ctx, [path.join(sample, 'acme-webshop'), path.join(sample, 'supplier-payment-sdk.cdx.json')], { projectName: 'sample' });
    expect(job.state, job.error ?? '').toBe('finished');

    const components = await value<{ name: string; version: string | null; origins: string[]; declared: { expression: string | null }; ecosystem: string }[]>(
      dispatch(ctx, 'components.list', { projectId }),
    );
    const byName = new Map(components.map((c) => [c.name, c]));
    // The folder: the app, its npm dependencies, vendored C code with a vcpkg manifest, Python requirements.
    expect(byName.get('acme-webshop')).toMatchObject({ version: '1.4.0', declared: { expression: 'Apache-2.0' }, origins: ['scan'] });
    expect(byName.get('legacy-crypto')).toMatchObject({ declared: { expression: 'GPL-2.0-or-later' } });
    expect(byName.get('requests')).toMatchObject({ ecosystem: 'pypi', version: '2.31.0' });
    // The SBOM: its own packages, and the ones it shares with the folder linked into one component.
    expect(byName.get('tiny-router')!.origins).toEqual(['scan', 'sbom:supplier-payment-sdk.cdx.json']);
    expect(byName.get('big-decimal-lite')).toMatchObject({ origins: ['sbom:supplier-payment-sdk.cdx.json'], declared: { expression: 'MIT OR Apache-2.0' } });
    expect(byName.get('org.example:iban-check')).toMatchObject({ ecosystem: 'maven', declared: { expression: 'LGPL-2.1-or-later' } });

    const mismatches = await value<{ rows: { license: string; text: string; componentName: string }[] }>(
      dispatch(ctx, 'findings.list', { projectId, kinds: ['license-mismatch'] }),
    );
    const texts = mismatches.rows.map((r) => `${r.componentName}: ${r.text}`);
    // color-utils declares MIT but ships the ISC text; the SBOM says fast-escape is BSD-2-Clause, its package.json BSD-3-Clause.
    expect(texts).toContainEqual(expect.stringMatching(/^color-utils: declared MIT, node_modules\/color-utils\/LICENSE is ISC$/));
    expect(texts).toContainEqual(expect.stringMatching(/^fast-escape: .*sbom:supplier-payment-sdk\.cdx\.json declares BSD-2-Clause; scan declares BSD-3-Clause$/));

    // .clearanceignore kept the build output out.
    const tree = await value<{ name: string }[]>(dispatch(ctx, 'files.tree', { scanId: job.scanId!, dir: '' }));
    expect(tree.map((e) => e.name)).not.toContain('dist');
    // The supplier's VEX analysis is kept for later.
    expect(ctx.db.prepare('SELECT vuln_id, analysis FROM vulnerabilities').get()).toEqual({
      vuln_id: 'CVE-2026-12345',
      analysis: expect.stringContaining('not_affected'),
    });
  });
});

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/main/api/dispatch.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { makeTestContext, scanAndWait } from '../../helpers/test-context.js';

async function value<T>(promise: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const envelope = await promise;
  if (!envelope.ok) throw new Error(JSON.stringify(envelope.error));
  return envelope.value as T;
}

describe('decisions on single findings', () => {
  it('match their own finding directly, and do not stand in for a sibling of the same kind in the same file', async () => {
    const ctx = makeTestContext();
    const root = path.join(makeTempDir(), 'notices');
    mkdirSync(path.join(root, 'src'), { recursive: true });
    writeFileSync(
      path.join(root, 'src', 'vendored.c'),
      '/*\n * Copyright (c) 2001 Alpha Software\n * Copyright (c) 2005 Beta Systems\n *\n * SPDX-License-Identifier: AGPL-3.0-only\n */\nint x;\n',
    );
    const { projectId } = await scanAndWait(ctx, [root]);
    await value(dispatch(ctx, 'reviewer.set', { name: 'Ada Auditor', email: 'ada@example.org' }));
    await value(dispatch(ctx, 'reviewer.unlock', { passphrase: 'a long enough passphrase' }));

    type Row = { id: number; kind: string; text: string; status: string };
    const before = await value<{ rows: Row[] }>(dispatch(ctx, 'review.findings', { projectId }));
    const tag = before.rows.find((r) => r.kind === 'spdx-tag')!;
    const [alpha, beta] = before.rows.filter((r) => r.kind === 'copyright');
    expect(alpha!.text).toContain('Alpha');
    expect(beta!.text).toContain('Beta');

    await value(dispatch(ctx, 'decisions.record', { subject: { type: 'finding', findingId: tag.id }, state: 'approved', concludedLicense: 'AGPL-3.0-only' }));
    await value(dispatch(ctx, 'decisions.record', { subject: { type: 'finding', findingId: alpha!.id }, state: 'not-applicable', rationale: 'historic notice, code rewritten' }));


    const after = await value<{ rows: Row[] }>(dispatch(ctx, 'review.findings', { projectId }));
    const statusOf = (id: number): string => after.rows.find((r) => r.id === id)!.status;
    expect(statusOf(tag.id)).toBe('decided');
    expect(statusOf(alpha!.id)).toBe('decided');
    // Beta has no decision of its own: it must not borrow Alpha's and show as "changed".
    expect(statusOf(beta!.id)).not.toBe('changed');
    expect(statusOf(beta!.id)).not.toBe('decided');
  });
});

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/main/api/dispatch.js';
import { writeNpmProject } from '../../helpers/fixture-repo.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { makeTestContext, scanAndWait } from '../../helpers/test-context.js';

describe('files.get, the file viewer', () => {
  it('shows the scanned text, and refuses to show a file that changed since the scan (its findings would not fit)', async () => {
    const ctx = makeTestContext();
    const root = path.join(makeTempDir(), 'app');
    writeNpmProject(root, 'app', [{ name: 'a', version: '1.0.0', license: 'MIT' }]);
    const { job } = await scanAndWait(ctx, [root]);
    const fileId = ctx.db.prepare("SELECT id FROM files WHERE scan_id = ? AND path = 'src/index.js'").pluck().get(job.scanId) as number;

    const shown = await dispatch(ctx, 'files.get', { fileId });
    expect(shown).toMatchObject({ ok: true, value: { text: expect.stringContaining('SPDX-License-Identifier: Apache-2.0'), textUnavailableReason: null } });

    writeFileSync(path.join(root, 'src', 'index.js'), '// rewritten\n');
    const changed = await dispatch(ctx, 'files.get', { fileId });
    expect(changed).toMatchObject({ ok: true, value: { text: null, textUnavailableReason: expect.stringContaining('changed since this scan') } });
  });
});

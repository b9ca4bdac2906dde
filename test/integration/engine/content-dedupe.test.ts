import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { filledText } from '../../helpers/license-texts.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { makeTestContext, scanAndWait } from '../../helpers/test-context.js';

function findingsOf(ctx: ReturnType<typeof makeTestContext>, projectId: number): string[] {
  return (
    ctx.db
      .prepare(
        `SELECT x.path || ' ' || x.kind || ' ' || ifnull(x.license, '-') || ' ' || x.start_line FROM findings x
         WHERE x.scan_id = (SELECT MAX(id) FROM scans WHERE project_id = ? AND status = 'finished') AND x.file_id IS NOT NULL
         ORDER BY 1`,
      )
      .pluck()
      .all(projectId) as string[]
  );
}

describe('identical contents are detected once', () => {
  it('gives every copy its findings, within a scan and in another project with the same files', async () => {
    const ctx = makeTestContext();
    const dir = makeTempDir();
    const first = path.join(dir, 'first');
    const text = filledText('Apache-2.0', 'Shared Holder');
    for (const name of ['a', 'b', 'c']) {
      mkdirSync(path.join(first, 'vendor', name), { recursive: true });
      writeFileSync(path.join(first, 'vendor', name, 'LICENSE'), text);
      writeFileSync(path.join(first, 'vendor', name, 'util.js'), '// SPDX-License-Identifier: Apache-2.0\n// Copyright 2020 Shared Holder\n');
    }
    const one = await scanAndWait(ctx, [first]);
    const own = findingsOf(ctx, one.projectId);
    for (const name of ['a', 'b', 'c']) {
      expect(own).toContain(`vendor/${name}/LICENSE license-text Apache-2.0 1`);
      expect(own).toContain(`vendor/${name}/util.js spdx-tag Apache-2.0 1`);
      expect(own).toContain(`vendor/${name}/util.js copyright - 2`);
    }

    // Copies of one license text in packages that declare another license are each a mismatch.
    const mislabelled = path.join(dir, 'mislabelled');
    for (const name of ['x', 'y']) {
      mkdirSync(path.join(mislabelled, 'node_modules', name), { recursive: true });
      writeFileSync(path.join(mislabelled, 'node_modules', name, 'package.json'), JSON.stringify({ name, version: '1.0.0', license: 'MIT' }));
      writeFileSync(path.join(mislabelled, 'node_modules', name, 'LICENSE'), filledText('ISC', 'One Holder'));
    }
    // One worker: the second copy is always met after the first was detected, so it is a known content.
    const three = await scanAndWait(ctx, [mislabelled], { workers: 1 });
    const mismatches = ctx.db
      .prepare("SELECT path FROM findings WHERE kind = 'license-mismatch' AND scan_id = (SELECT MAX(id) FROM scans WHERE project_id = ?) ORDER BY path")
      .pluck()
      .all(three.projectId);
    expect(mismatches).toEqual(['node_modules/x/LICENSE', 'node_modules/y/LICENSE']);

    // Two workers and many copies: a copy often finds its content known while the first copy's outcome is still
    // on its way (batched); each copy is still a mismatch.
    const many = path.join(dir, 'many');
    const names = Array.from({ length: 120 }, (_, i) => `pkg-${String(i).padStart(3, '0')}`);
    for (const name of names) {
      mkdirSync(path.join(many, 'node_modules', name), { recursive: true });
      writeFileSync(path.join(many, 'node_modules', name, 'package.json'), JSON.stringify({ name, version: '1.0.0', license: 'MIT' }));
      writeFileSync(path.join(many, 'node_modules', name, 'LICENSE'), filledText('BSD-2-Clause', 'Many Holders'));
      for (const file of ['a.js', 'b.js', 'c.js']) writeFileSync(path.join(many, 'node_modules', name, file), `// ${name} ${file}\nmodule.exports = 1;\n`);
    }
    const four = await scanAndWait(ctx, [many], { workers: 2 });
    const manyMismatches = ctx.db
      .prepare("SELECT count(*) FROM findings WHERE kind = 'license-mismatch' AND scan_id = (SELECT MAX(id) FROM scans WHERE project_id = ?)")
      .pluck()
      .get(four.projectId);
    expect(manyMismatches).toBe(names.length);

    const second = path.join(dir, 'second');
    cpSync(first, second, { recursive: true });
    const two = await scanAndWait(ctx, [second]);
    expect(two.projectId).not.toBe(one.projectId);
    expect(findingsOf(ctx, two.projectId)).toEqual(own);
  });
});

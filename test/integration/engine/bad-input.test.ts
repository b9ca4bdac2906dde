import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../helpers/cli.js';
import { writeNpmProject } from '../../helpers/fixture-repo.js';
import { filledText } from '../../helpers/license-texts.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { makeTestContext, scanAndWait } from '../../helpers/test-context.js';

function write(root: string, relative: string, content: string | Buffer): void {
  const file = path.join(root, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

describe('a scan meets bad input and goes on', () => {
  it('turns invalid and hostile manifests into findings on those files, and indexes the rest', async () => {
    const ctx = makeTestContext();
    const root = path.join(makeTempDir(), 'messy');
    writeNpmProject(root, 'messy', [{ name: 'good', version: '1.0.0', license: 'MIT' }]);
    write(root, 'broken/package.json', '{ "name": "broken", "version": ');
    write(root, 'py/pyproject.toml', '[project\nname = "x"');
    write(root, 'java/pom.xml', '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>\n<project><name>&lol2;</name></project>');
    write(root, 'yaml/pnpm-lock.yaml', 'lockfileVersion: 6\npackages: [unclosed');
    write(root, 'bin/blob.bin', Buffer.from([0, 1, 2, 3, 255, 0, 0, 7]));
    write(root, 'weird/na me with spaces & ünïcode #1.txt', filledText('ISC', 'Weird Names Ltd'));
    writeFileSync(Buffer.concat([Buffer.from(path.join(root, 'weird') + path.sep), Buffer.from([0x6c, 0x69, 0x63, 0xe9, 0x6e, 0x63, 0x65])]), filledText('MIT', 'Latin One'));

    const { job, projectId } = await scanAndWait(ctx, [root]);
    expect(job.state, job.error ?? '').toBe('finished');
    const problems = ctx.db
      .prepare("SELECT path FROM findings WHERE kind = 'manifest-error' ORDER BY path")
      .pluck()
      .all() as string[];
    expect(problems).toEqual(expect.arrayContaining(['broken/package.json', 'java/pom.xml', 'py/pyproject.toml', 'yaml/pnpm-lock.yaml']));
    const licenses = ctx.db
      .prepare("SELECT path, license FROM findings WHERE kind = 'license-text' AND path LIKE 'weird/%' ORDER BY license")
      .all();
    expect(licenses).toEqual([
      { path: 'weird/na me with spaces & ünïcode #1.txt', license: 'ISC' },
      { path: 'weird/lic\\xe9nce', license: 'MIT' },
    ]);
    expect(ctx.db.prepare("SELECT type FROM files WHERE path = 'bin/blob.bin'").pluck().get()).toBe('binary');
    const names = ctx.db.prepare('SELECT name FROM components WHERE scan_id = ?').pluck().all(job.scanId) as string[];
    expect(names).toEqual(expect.arrayContaining(['messy', 'good']));
    expect(projectId).toBeGreaterThan(0);
  });

  it('reports a file that vanishes between listing and reading, and finishes', async () => {
    const ctx = makeTestContext();
    const root = path.join(makeTempDir(), 'moving');
    for (let i = 0; i < 400; i++) write(root, `src/f${i}.js`, `// SPDX-License-Identifier: MIT\nexport const x${i} = ${i};\n`);
    let removed = false;
    const off = ctx.events.subscribe((m) => {
      if (!removed && m.name === 'job.progress' && m.payload.progress.phase === 'detecting') {
        removed = true;
        // The last file in path order, removed as soon as detection starts: long before it is read.
        rmSync(path.join(root, 'src', 'f99.js'));
      }
    });
    const { job } = await scanAndWait(ctx, [root]);
    off();
    expect(job.state).toBe('finished');
    const warnings = ctx.db.prepare('SELECT path, message FROM scan_warnings WHERE scan_id = ?').all(job.scanId) as { path: string; message: string }[];
    expect(warnings).toContainEqual({ path: 'src/f99.js', message: expect.stringMatching(/ENOENT/) });
    expect(ctx.db.prepare("SELECT type FROM files WHERE scan_id = ? AND path = 'src/f99.js'").pluck().get(job.scanId)).toBe('unreadable');
    expect(ctx.db.prepare("SELECT COUNT(*) FROM findings WHERE scan_id = ? AND kind = 'spdx-tag'").pluck().get(job.scanId)).toBe(399);
  });

  it('stops with a clear message when the workspace cannot grow (disk full), keeping the last snapshot', () => {
    const dir = makeTempDir();
    const db = path.join(dir, 'ws.sqlite');
    const root = path.join(dir, 'app');
    writeNpmProject(root, 'app', [{ name: 'a', version: '1.0.0', license: 'MIT' }]);
    const cli = (env: Record<string, string> = {}): ReturnType<typeof spawnSync> =>
      spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'clearance.js'), 'scan', root, '--db', db, '--full'], { encoding: 'utf8', env: { ...process.env, CLEARANCE_LOG: 'error', ...env } });
    expect(cli().status).toBe(0);
    const reader = new Database(db, { readonly: true });
    const pages = reader.pragma('page_count', { simple: true }) as number;
    const before = reader.prepare("SELECT id, stats FROM scans WHERE status = 'finished'").all();
    reader.close();
    for (let i = 0; i < 300; i++) write(root, `more/f${i}.txt`, `${filledText('BSD-3-Clause', `Holder ${i}`)}\n${i}`);

    const full = cli({ CLEARANCE_WORKSPACE_MAX_PAGES: String(pages + 2) });
    expect(full.status).toBe(1);
    expect(full.stderr).toContain(`${db}: the disk is full (or the workspace reached its size limit)`);
    const after = new Database(db, { readonly: true });
    expect(after.prepare("SELECT id, stats FROM scans WHERE status = 'finished'").all()).toEqual(before);
    after.close();
  });
});

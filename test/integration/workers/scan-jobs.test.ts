import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Job } from '../../../shared/model/job.js';
import type { ScanStats } from '../../../shared/model/scan.js';
import { startScan } from '../../../electron/main/services/projects-service.js';
import { cliBundle, repoRoot } from '../../helpers/cli.js';
import { writeNpmProject } from '../../helpers/fixture-repo.js';
import { filledText } from '../../helpers/license-texts.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { makeTestContext, scanAndWait } from '../../helpers/test-context.js';

/** A tree big enough that a scan takes a while: many packages, each with a real license text and sources. */
function bigTree(root: string, packages: number): void {
  const ids = ['MIT', 'ISC', 'BSD-3-Clause', 'Apache-2.0', 'GPL-2.0-only'];
  for (let i = 0; i < packages; i++) {
    const dir = path.join(root, 'node_modules', `pkg-${i}`);
    mkdirSync(dir, { recursive: true });
    const id = ids[i % ids.length]!;
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: `pkg-${i}`, version: `1.0.${i}`, license: id }));
    writeFileSync(path.join(dir, 'LICENSE'), filledText(id, `Author ${i}`));
    for (let j = 0; j < 8; j++) writeFileSync(path.join(dir, `file${j}.js`), `// Copyright (c) 2020 Author ${i}\nmodule.exports = ${i * 100 + j};\n`.repeat(20));
  }
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'big', version: '1.0.0', license: 'MIT' }));
}

function latestFinishedScan(dbFile: string): { id: number; stats: ScanStats } | null {
  const db = new Database(dbFile, { readonly: true });
  try {
    const row = db.prepare("SELECT id, stats FROM scans WHERE status = 'finished' ORDER BY id DESC LIMIT 1").get() as { id: number; stats: string } | undefined;
    return row ? { id: row.id, stats: JSON.parse(row.stats) as ScanStats } : null;
  } finally {
    db.close();
  }
}

describe('scan jobs', () => {
  it('report progress with phase, counts and current path at most every ~100 ms, and end as finished', async () => {
    const ctx = makeTestContext();
    const root = path.join(makeTempDir(), 'big');
    bigTree(root, 60);
    const progress: Job[] = [];
    const arrivals: number[] = [];
    ctx.events.subscribe((m) => {
      if (m.name === 'job.progress') {
        progress.push(m.payload);
        arrivals.push(performance.now());
      }
    });
    const { job } = await scanAndWait(ctx, [root]);
    expect(job.state).toBe('finished');
    expect(job.summary).toMatch(/61 components, 601 files/);
    const phases = new Set(progress.map((p) => p.progress.phase));
    expect(phases).toContain('detecting');
    const detecting = progress.filter((p) => p.progress.phase === 'detecting');
    expect(detecting.every((p) => p.progress.total === 601)).toBe(true);
    expect(detecting.some((p) => p.progress.currentPath?.startsWith('node_modules/'))).toBe(true);
    // Throttled: after the start event, consecutive progress events are at least ~100 ms apart.
    const gaps = arrivals.slice(2).map((t, i) => t - arrivals[i + 1]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(90);
  });

  it('re-scans an unchanged tree by reusing every file, and re-detects only a changed file', async () => {
    const ctx = makeTestContext();
    const root = path.join(makeTempDir(), 'app');
    writeNpmProject(root, 'app', [{ name: 'a', version: '1.0.0', license: 'MIT' }, { name: 'b', version: '2.0.0', license: 'ISC' }]);
    const first = await scanAndWait(ctx, [root]);
    const firstStats = JSON.parse(ctx.db.prepare("SELECT stats FROM scans WHERE status = 'finished' ORDER BY id DESC").pluck().get() as string) as ScanStats;
    expect(firstStats.reusedFiles).toBe(0);

    const second = await scanAndWait(ctx, [root]);
    expect(second.projectId).toBe(first.projectId);
    const secondStats = JSON.parse(ctx.db.prepare("SELECT stats FROM scans WHERE status = 'finished' ORDER BY id DESC").pluck().get() as string) as ScanStats;
    expect(secondStats.reusedFiles).toBe(secondStats.files);
    expect(secondStats.findings).toBe(firstStats.findings);

    writeFileSync(path.join(root, 'node_modules', 'b', 'LICENSE'), filledText('BSD-2-Clause', 'B authors'));
    await scanAndWait(ctx, [root]);
    const third = JSON.parse(ctx.db.prepare("SELECT stats FROM scans WHERE status = 'finished' ORDER BY id DESC").pluck().get() as string) as ScanStats;
    expect(third.reusedFiles).toBe(third.files - 1);
    const licenses = ctx.db
      .prepare("SELECT x.license FROM findings x JOIN scans s ON s.id = x.scan_id WHERE s.id = (SELECT MAX(id) FROM scans WHERE status='finished') AND x.path = 'node_modules/b/LICENSE' AND x.kind = 'license-text'")
      .pluck()
      .all();
    expect(licenses).toEqual(['BSD-2-Clause']);
    // Every scan is kept as a snapshot of the project.
    expect(ctx.db.prepare("SELECT COUNT(*) FROM scans WHERE status = 'finished'").pluck().get()).toBe(3);

    // An unchanged file that now lies under a new package root moves to that component.
    mkdirSync(path.join(root, 'node_modules', 'a', 'sub'));
    writeFileSync(path.join(root, 'node_modules', 'a', 'sub', 'x.js'), 'module.exports = 1;\n');
    await scanAndWait(ctx, [root]);
    writeFileSync(path.join(root, 'node_modules', 'a', 'sub', 'package.json'), JSON.stringify({ name: 'a-sub', version: '0.1.0', license: 'MIT' }));
    await scanAndWait(ctx, [root]);
    const ownerOf = (file: string): unknown =>
      ctx.db
        .prepare("SELECT c.name FROM files f JOIN components c ON c.id = f.component_id WHERE f.scan_id = (SELECT MAX(id) FROM scans WHERE status = 'finished') AND f.path = ?")
        .pluck()
        .get(file);
    expect(ownerOf('node_modules/a/sub/x.js')).toBe('a-sub');
    expect(ownerOf('node_modules/a/index.js')).toBe('a');
    const fifth = JSON.parse(ctx.db.prepare("SELECT stats FROM scans WHERE status = 'finished' ORDER BY id DESC").pluck().get() as string) as ScanStats;
    expect(fifth.files).toBe(third.files + 2);
    expect(fifth.reusedFiles).toBe(fifth.files - 1);
  });

  it('can be cancelled, ends as cancelled, and leaves the last complete snapshot as it was', async () => {
    const ctx = makeTestContext();
    const root = path.join(makeTempDir(), 'big');
    bigTree(root, 40);
    const { projectId } = await scanAndWait(ctx, [root]);
    const before = ctx.db.prepare("SELECT id, stats FROM scans WHERE status = 'finished'").get() as { id: number; stats: string };
    bigTree(root, 400);
    const started = startScan(ctx, { paths: [root], projectId, options: { incremental: false }, analyzeWorkers: 1 });
    await new Promise<void>((resolve) => {
      const off = ctx.events.subscribe((m) => {
        if (m.name === 'job.progress' && m.payload.id === started.jobId && m.payload.progress.phase === 'detecting' && m.payload.progress.done > 20) {
          off();
          resolve();
        }
      });
    });
    ctx.jobs.cancel(started.jobId);
    const job = await ctx.jobs.whenDone(started.jobId);
    expect(job.state).toBe('cancelled');
    const scans = ctx.db.prepare('SELECT id, status FROM scans ORDER BY id').all();
    expect(scans).toEqual([{ id: before.id, status: 'finished' }, { id: expect.any(Number), status: 'cancelled' }]);
    const cancelledId = (scans[1] as { id: number }).id;
    for (const table of ['files', 'components', 'findings']) {
      expect(ctx.db.prepare(`SELECT COUNT(*) FROM ${table} WHERE scan_id = ?`).pluck().get(cancelledId), table).toBe(0);
    }
    expect(ctx.db.prepare("SELECT stats FROM scans WHERE id = ?").pluck().get(before.id)).toBe(before.stats);
  });

  it('leaves no half-visible result when the scanning process is killed', async () => {
    const dir = makeTempDir();
    const db = path.join(dir, 'ws.sqlite');
    const root = path.join(dir, 'big');
    bigTree(root, 30);
    const { spawnSync } = await import('node:child_process');
    expect(spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'clearance.js'), 'scan', root, '--db', db]).status).toBe(0);
    const before = latestFinishedScan(db)!;
    bigTree(root, 400);

    expect(cliBundle).toBeTruthy();
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'clearance.js'), 'scan', root, '--db', db, '--full', '--workers', '1'], { stdio: 'ignore' });
    // Kill it hard once it has written part of the new snapshot.
    for (;;) {
      await new Promise((r) => setTimeout(r, 50));
      const reader = new Database(db, { readonly: true });
      const written = reader.prepare("SELECT COUNT(*) FROM files f JOIN scans s ON s.id = f.scan_id WHERE s.status = 'running'").pluck().get() as number;
      reader.close();
      if (written > 0) break;
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));

    // Readers see the old snapshot only; the next writer marks the killed scan interrupted and removes its rows.
    expect(latestFinishedScan(db)).toEqual(before);
    const ctx = makeTestContext(db);
    const rows = ctx.db.prepare('SELECT status, error FROM scans ORDER BY id').all() as { status: string; error: string | null }[];
    expect(rows.map((r) => r.status)).toEqual(['finished', 'interrupted']);
    expect(rows[1]!.error).toMatch(/stopped before it finished/);
    expect(ctx.db.prepare("SELECT COUNT(*) FROM files WHERE scan_id = (SELECT id FROM scans WHERE status = 'interrupted')").pluck().get()).toBe(0);
  });
});

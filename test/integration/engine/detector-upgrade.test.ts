import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeNpmProject } from '../../helpers/fixture-repo.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { makeTestContext, scanAndWait } from '../../helpers/test-context.js';

// A workspace scanned by an earlier release: its cached detection results carry an older detector version, so the
// next scan detects every content again and replaces the cache.
describe('a re-scan after the detector changed', () => {
  it('replaces the cached findings and keeps the evidence of earlier snapshots', async () => {
    const ctx = makeTestContext();
    const dir = path.join(makeTempDir(), 'shop');
    writeNpmProject(dir, 'shop', [
      { name: 'mit-lib', version: '1.0.0', license: 'MIT' },
      { name: 'isc-lib', version: '2.0.0', license: 'ISC' },
    ]);
    const first = await scanAndWait(ctx, [dir]);
    expect(first.job.state).toBe('finished');
    const firstScan = first.job.scanId!;
    const evidence = (scanId: number): string[] =>
      ctx.db
        .prepare(
          `SELECT x.path || ' ' || x.kind || ' ' || ifnull(x.license, '-') || ' ' || x.start_line || ' ' || ifnull(coalesce(x.text, cf.text), 'NO TEXT')
           FROM findings x LEFT JOIN content_findings cf ON cf.id = x.content_finding_id WHERE x.scan_id = ? AND x.file_id IS NOT NULL ORDER BY 1`,
        )
        .pluck()
        .all(scanId) as string[];
    const before = evidence(firstScan);
    expect(before.length).toBeGreaterThan(5);
    expect(before.filter((line) => line.endsWith('NO TEXT'))).toEqual([]);

    ctx.db.prepare("UPDATE contents SET detector_version = 'clearance-detect-0.0.0'").run();
    const second = await scanAndWait(ctx, [dir], { projectId: first.projectId });
    expect(second.job.error).toBeNull();
    expect(second.job.state).toBe('finished');

    // Every content was detected again under the current version; the old snapshot still shows what it showed.
    const versions = ctx.db.prepare('SELECT DISTINCT detector_version FROM contents').pluck().all();
    expect(versions).toHaveLength(1);
    expect(versions[0]).not.toBe('clearance-detect-0.0.0');
    expect(evidence(firstScan)).toEqual(before);
    expect(evidence(second.job.scanId!)).toEqual(before);
    // No cached row is left over from the older detector.
    const orphans = ctx.db.prepare('SELECT count(*) FROM content_findings cf WHERE NOT EXISTS (SELECT 1 FROM contents c WHERE c.sha256 = cf.sha256)').pluck().get();
    expect(orphans).toBe(0);
  });
});

import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeFile } from '../../../../electron/main/engine/2-detect/analyze-file.js';
import { AnalyzePool } from '../../../../electron/main/workers/analyze-pool.js';
import { referenceText } from '../../../../electron/main/engine/2-detect/licenses/index.js';

describe('AnalyzePool', () => {
  let dir: string;
  const files: string[] = [];
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'clearance-pool-'));
    const texts: Record<string, string> = {
      'LICENSE': `Copyright (c) 2021 Pool Test\n\n${referenceText('MIT')!.split('\n').slice(3).join('\n')}`,
      'COPYING': referenceText('GPL-3.0-only')!,
      'header.c': '// SPDX-License-Identifier: Apache-2.0\n// Copyright 2022 Example Inc.\nint main(void) { return 0; }\n',
      'bsd.txt': referenceText('BSD-2-Clause')!,
      'blob.bin': '\u0000\u0001\u0002binary\u0000data',
      'empty.txt': '',
    };
    for (const [name, content] of Object.entries(texts)) {
      const file = path.join(dir, name);
      writeFileSync(file, content);
      files.push(file);
    }
    files.push(path.join(dir, 'missing-file.txt'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the same results in parallel as serially', async () => {
    const serial = [];
    for (const f of files) serial.push(await analyzeFile(f, { maxFileBytes: 1 << 20 }));
    const pool = new AnalyzePool({ size: 2 });
    try {
      const parallel = await Promise.all(files.map((f) => pool.analyze(f, { maxFileBytes: 1 << 20 })));
      expect(parallel).toEqual(serial);
      expect(parallel.map((r) => r.type)).toEqual(['text', 'text', 'text', 'text', 'binary', 'text', 'unreadable']);
    } finally {
      await pool.close();
    }
  });

  it('replaces a worker that overruns the hard time limit and reports the file', async () => {
    const big = path.join(dir, 'big.txt');
    writeFileSync(big, `${referenceText('GPL-3.0-only')!}\n`.repeat(200));
    const pool = new AnalyzePool({ size: 1, hardTimeLimitMs: 50 });
    try {
      const slow = await pool.analyze(big, { maxFileBytes: 1 << 30 });
      expect(slow.type).toBe('unreadable');
      expect(slow.error).toMatch(/hard time limit/);
      expect(slow.timedOut).toBe(true);
    } finally {
      await pool.close();
    }
    // A fresh pool with a normal limit analyses the same kind of file: the replacement path leaves nothing stuck.
    const ok = new AnalyzePool({ size: 1 });
    try {
      const result = await ok.analyze(files[0]!, { maxFileBytes: 1 << 20 });
      expect(result.findings.some((f) => f.license === 'MIT')).toBe(true);
    } finally {
      await ok.close();
    }
  });

  it('replaces a crashed worker (out of memory) and goes on with the next file', async () => {
    const huge = path.join(dir, 'huge.txt');
    // License words everywhere, so the detector reads all of it (text without them is skipped cheaply).
    writeFileSync(huge, 'license permission '.repeat(6_000_000));
    const pool = new AnalyzePool({ size: 1, resourceLimits: { maxOldGenerationSizeMb: 160 } });
    try {
      const crashed = await pool.analyze(huge, { maxFileBytes: 1 << 30 });
      expect(crashed.type).toBe('unreadable');
      expect(crashed.error).toMatch(/worker (crashed|exited)/);
      const next = await pool.analyze(files[2]!, { maxFileBytes: 1 << 20 });
      expect(next.type).toBe('text');
      expect(next.findings.find((f) => f.kind === 'spdx-tag')?.license).toBe('Apache-2.0');
    } finally {
      await pool.close();
    }
  });

  it('a crash among many files in flight is blamed on the file being analysed; the others, before and after, are done', async () => {
    const huge = path.join(dir, 'huge-among-others.txt');
    writeFileSync(huge, 'license permission '.repeat(6_000_000));
    const pool = new AnalyzePool({ size: 1, inFlightPerWorker: 16, resourceLimits: { maxOldGenerationSizeMb: 160 } });
    try {
      const batch = [...files.slice(0, 4), huge, ...files.slice(0, 4)];
      const results = await Promise.all(batch.map((f) => pool.analyze(f, { maxFileBytes: 1 << 30 })));
      expect(results.map((r) => r.type)).toEqual(['text', 'text', 'text', 'text', 'unreadable', 'text', 'text', 'text', 'text']);
      expect(results[4]!.error).toMatch(/^.*huge-among-others\.txt: analyze worker (crashed|exited)/);
      expect(results[5]!.findings.some((f) => f.license === 'MIT')).toBe(true);
    } finally {
      await pool.close();
    }
  });
});

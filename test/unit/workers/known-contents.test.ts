import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { analyzeFileSync } from '../../../electron/main/engine/2-detect/analyze-file.js';
import { KnownContents } from '../../../electron/main/workers/known-contents.js';
import { filledText } from '../../helpers/license-texts.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

const hash = (n: number): string => n.toString(16).padStart(16, '0') + 'ab'.repeat(24);

describe('KnownContents', () => {
  it('holds what was added and nothing else', () => {
    const known = KnownContents.create(100);
    for (let i = 1; i <= 100; i++) expect(known.add(hash(i))).toBe(true);
    for (let i = 1; i <= 100; i++) expect(known.has(hash(i))).toBe(true);
    for (let i = 101; i <= 300; i++) expect(known.has(hash(i))).toBe(false);
  });

  it('says when it is full instead of looping', () => {
    const known = new KnownContents(new SharedArrayBuffer(4 * 8));
    expect([1, 2, 3, 4].map((i) => known.add(hash(i)))).toEqual([true, true, true, true]);
    expect(known.add(hash(5))).toBe(false);
    expect(known.has(hash(5))).toBe(false);
  });

  it('is shared between threads: an entry added in a worker is seen here', async () => {
    const known = KnownContents.create(10);
    const source = `
      const { workerData, parentPort } = require('node:worker_threads');
      const slots = new BigInt64Array(workerData);
      const key = BigInt.asIntN(64, BigInt('0x' + '00000000000000ff'));
      let i = Number(key & BigInt(slots.length - 1));
      while (Atomics.compareExchange(slots, i, 0n, key) !== 0n) i = (i + 1) & (slots.length - 1);
      parentPort.postMessage('done');`;
    const worker = new Worker(source, { eval: true, workerData: known.buffer });
    await new Promise((resolve) => worker.once('message', resolve));
    await worker.terminate();
    expect(known.has(hash(255))).toBe(true);
  });

  it('lets analysis skip detection of a content detected before, keeping hash and type', () => {
    const dir = makeTempDir();
    const a = path.join(dir, 'a', 'LICENSE');
    const b = path.join(dir, 'LICENSE-copy');
    const text = filledText('BSD-3-Clause', 'Same Holder');
    writeFileSync(b, text);
    mkdirSync(path.dirname(a));
    writeFileSync(a, text);
    const known = KnownContents.create(10);
    const first = analyzeFileSync(a, { maxFileBytes: 1 << 20 }, known);
    expect(first.known).toBeUndefined();
    expect(first.findings.map((f) => f.license)).toContain('BSD-3-Clause');
    const second = analyzeFileSync(b, { maxFileBytes: 1 << 20 }, known);
    expect(second).toMatchObject({ known: true, findings: [], type: 'text', sha256: first.sha256, sha1: first.sha1, size: first.size });
  });
});

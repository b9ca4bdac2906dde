import { createHash } from 'node:crypto';
import { closeSync, createReadStream, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { detect } from './detect.js';
import type { DetectedFinding } from './licenses/types.js';
import { decodeContent } from './text/decode.js';

export interface FileAnalysis {
  size: number;
  sha256: string;
  sha1: string;
  type: 'text' | 'binary' | 'too-large' | 'unreadable';
  encoding: string | null;
  findings: DetectedFinding[];
  error: string | null;
  timedOut: boolean;
  /** The content was detected before (see KnownContents): `findings` is empty and the stored ones apply. */
  known?: boolean;
}

/** Content hashes whose findings are already stored; detection is skipped for them. */
export interface KnownContentSet {
  has(sha256Hex: string): boolean;
  add(sha256Hex: string): boolean;
}

export interface AnalyzeOptions {
  maxFileBytes: number;
  timeBudgetMs?: number;
}

const EMPTY_SHA256 = createHash('sha256').digest('hex');
const EMPTY_SHA1 = createHash('sha1').digest('hex');

/** A path as fs takes it: a Buffer for file names that are not valid UTF-8 (so they can still be opened). */
export type FilePath = string | Buffer;

function describe(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return e?.code ? `${e.code}: ${e.message}` : error instanceof Error ? error.message : String(error);
}

function unreadable(absPath: FilePath, error: unknown, size = 0): FileAnalysis {
  return { size, sha256: EMPTY_SHA256, sha1: EMPTY_SHA1, type: 'unreadable', encoding: null, findings: [], error: `${absPath}: ${describe(error)}`, timedOut: false };
}

/** Hashes a file by streaming it, never holding it whole (files over the size limit). */
async function hashStream(absPath: FilePath): Promise<{ size: number; sha256: string; sha1: string }> {
  const sha256 = createHash('sha256');
  const sha1 = createHash('sha1');
  let size = 0;
  for await (const chunk of createReadStream(absPath, { highWaterMark: 1 << 20 })) {
    const buf = chunk as Buffer;
    size += buf.length;
    sha256.update(buf);
    sha1.update(buf);
  }
  return { size, sha256: sha256.digest('hex'), sha1: sha1.digest('hex') };
}

/** Hashes, decodes and detects the bytes of one file. */
function analyzeBytes(absPath: FilePath, buf: Buffer, opts: AnalyzeOptions, known?: KnownContentSet): FileAnalysis {
  const size = buf.length;
  const sha256 = createHash('sha256').update(buf).digest('hex');
  const sha1 = createHash('sha1').update(buf).digest('hex');
  const decoded = decodeContent(buf);
  if (decoded.kind === 'binary') return { size, sha256, sha1, type: 'binary', encoding: null, findings: [], error: null, timedOut: false };
  if (known?.has(sha256)) return { size, sha256, sha1, type: 'text', encoding: decoded.encoding, findings: [], error: null, timedOut: false, known: true };
  try {
    const findings = detect(decoded.text, { path: absPath.toString(), timeBudgetMs: opts.timeBudgetMs });
    const timedOut = findings.some((f) => f.matchedBy === 'incomplete:time-budget');
    // Only a complete detection may stand in for other copies of this content.
    if (!timedOut) known?.add(sha256);
    return { size, sha256, sha1, type: 'text', encoding: decoded.encoding, findings, error: null, timedOut };
  } catch (error) {
    return { size, sha256, sha1, type: 'text', encoding: decoded.encoding, findings: [], error: `${absPath}: detection failed: ${describe(error)}`, timedOut: false };
  }
}

function tooLarge(absPath: FilePath, hashed: { size: number; sha256: string; sha1: string }, limit: number): FileAnalysis {
  return { ...hashed, type: 'too-large', encoding: null, findings: [], error: `${absPath}: ${hashed.size} bytes exceeds the ${limit}-byte limit; not scanned`, timedOut: false };
}

/** Reads a file once, hashes it, decodes it and detects licenses and copyrights. Never throws for a bad file. */
export async function analyzeFile(absPath: FilePath, opts: AnalyzeOptions): Promise<FileAnalysis> {
  let buf: Buffer;
  try {
    const handle = await open(absPath, 'r');
    try {
      const stat = await handle.stat();
      if (!stat.isFile()) return unreadable(absPath, new Error('not a regular file'), stat.size);
      if (stat.size > opts.maxFileBytes) {
        await handle.close().catch(() => undefined);
        return tooLarge(absPath, await hashStream(absPath), opts.maxFileBytes);
      }
      buf = await handle.readFile();
    } finally {
      await handle.close().catch(() => undefined);
    }
  } catch (error) {
    return unreadable(absPath, error);
  }
  return analyzeBytes(absPath, buf, opts);
}

/**
 * The same as analyzeFile with blocking reads: for worker threads, where blocking costs nothing and saves the
 * thread-pool round trips of many small files.
 */
export function analyzeFileSync(absPath: FilePath, opts: AnalyzeOptions, known?: KnownContentSet): FileAnalysis {
  let buf: Buffer;
  let fd = -1;
  try {
    fd = openSync(absPath, 'r');
    const stat = fstatSync(fd);
    if (!stat.isFile()) return unreadable(absPath, new Error('not a regular file'), stat.size);
    if (stat.size > opts.maxFileBytes) {
      const sha256 = createHash('sha256');
      const sha1 = createHash('sha1');
      const chunk = Buffer.allocUnsafe(1 << 20);
      let size = 0;
      for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk)) {
        size += n;
        sha256.update(chunk.subarray(0, n));
        sha1.update(chunk.subarray(0, n));
      }
      return tooLarge(absPath, { size, sha256: sha256.digest('hex'), sha1: sha1.digest('hex') }, opts.maxFileBytes);
    }
    buf = readFileSync(fd);
  } catch (error) {
    return unreadable(absPath, error);
  } finally {
    if (fd >= 0) closeSync(fd);
  }
  return analyzeBytes(absPath, buf, opts, known);
}

import { constants, createWriteStream, existsSync, mkdirSync, openSync, rmdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { targetInside } from './safe-path.js';
import { ArchiveRefusal, type ArchiveLimits, type SkippedEntry } from './types.js';

const MIB = 1024 * 1024;

/** Bytes as MiB for messages. */
export function mib(n: number): string {
  return `${(n / MIB).toFixed(n < 10 * MIB ? 1 : 0)} MiB`;
}

/**
 * Writes entries under destDir, counting files, bytes and entries against the limits, and remembers what it
 * created so a refused archive leaves nothing behind. Files are opened with O_NOFOLLOW where the OS has it:
 * links are never created by the extractor, and nothing may be written through one.
 */
export class EntryWriter {
  files = 0;
  directories = 0;
  bytes = 0;
  entries = 0;
  readonly skipped: SkippedEntry[] = [];
  private readonly created: string[] = [];
  private readonly createdDest: boolean;

  constructor(
    private readonly archiveName: string,
    private readonly destDir: string,
    private readonly limits: ArchiveLimits,
  ) {
    this.createdDest = !existsSync(destDir);
    mkdirSync(destDir, { recursive: true });
  }

  /** Counts one entry of any type; refuses past maxEntries. */
  countEntry(): void {
    this.entries++;
    if (this.entries > this.limits.maxEntries) {
      throw new ArchiveRefusal(`${this.archiveName}: more than ${this.limits.maxEntries} entries`);
    }
  }

  skip(entryPath: string, reason: string): void {
    if (this.skipped.length < 1000) this.skipped.push({ path: entryPath, reason });
  }

  directory(relPath: string): void {
    if (relPath === '') return;
    this.mkdirs(this.resolve(relPath));
  }

  async file(relPath: string, data: Readable, declaredSize: number | null): Promise<void> {
    if (declaredSize !== null && declaredSize > this.limits.maxEntryBytes) {
      data.resume();
      throw new ArchiveRefusal(`${this.archiveName}: entry "${relPath}" is ${mib(declaredSize)}, over the ${mib(this.limits.maxEntryBytes)} limit for one file`);
    }
    const target = this.resolve(relPath);
    this.mkdirs(path.dirname(target));
    this.created.push(target);
    const noFollow = constants.O_NOFOLLOW ?? 0;
    const fd = openSync(target, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | noFollow, 0o644);
    const out = createWriteStream('', { fd });
    await pipeline(data, this.counter(relPath), out);
    this.files++;
  }

  /** A pass-through that stops the stream once the file or the archive passes its byte limit. */
  private counter(relPath: string): Transform {
    let entryBytes = 0;
    return new Transform({
      transform: (chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) => {
        entryBytes += chunk.length;
        this.bytes += chunk.length;
        if (entryBytes > this.limits.maxEntryBytes) {
          done(new ArchiveRefusal(`${this.archiveName}: entry "${relPath}" passes the ${mib(this.limits.maxEntryBytes)} limit for one file`));
        } else if (this.bytes > this.limits.maxTotalBytes) {
          done(new ArchiveRefusal(`${this.archiveName}: unpacks to more than ${mib(this.limits.maxTotalBytes)} (zip bomb?)`));
        } else done(null, chunk);
      },
    });
  }

  private resolve(relPath: string): string {
    const target = targetInside(this.destDir, relPath);
    if (target === null) throw new ArchiveRefusal(`${this.archiveName}: entry "${relPath}" would be written outside the destination`);
    return target;
  }

  private mkdirs(dir: string): void {
    const root = path.resolve(this.destDir);
    const missing: string[] = [];
    for (let d = dir; d !== root && d.startsWith(root + path.sep) && !existsSync(d); d = path.dirname(d)) missing.push(d);
    if (missing.length === 0) return;
    mkdirSync(dir, { recursive: true });
    for (const d of missing.reverse()) {
      this.created.push(d);
      this.directories++;
    }
  }

  /** Removes everything this writer created (newest first), and destDir if it made it. */
  removeAll(): void {
    if (this.createdDest) {
      rmSync(this.destDir, { recursive: true, force: true });
      return;
    }
    for (const p of this.created.reverse()) {
      try {
        rmSync(p, { force: true });
      } catch {
        try {
          rmdirSync(p);
        } catch {
          // a directory the archive shares with files already there: left in place
        }
      }
    }
  }
}

/**
 * Counts a decompressor's output against the total and the ratio to the compressed input, so a gzip or bzip2
 * bomb is stopped while it inflates, before any tar entry is even seen.
 */
export function inflationGuard(archiveName: string, limits: ArchiveLimits, compressedBytes: () => number): Transform {
  let out = 0;
  // The tar framing adds headers and padding on top of the file bytes.
  const ceiling = limits.maxTotalBytes + limits.maxEntries * 1024 + 16 * MIB;
  return new Transform({
    transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
      out += chunk.length;
      const inBytes = Math.max(1, compressedBytes());
      if (out > ceiling) done(new ArchiveRefusal(`${archiveName}: decompresses to more than ${mib(ceiling)} (compression bomb?)`));
      else if (out > limits.ratioFloorBytes && out / inBytes > limits.maxRatio) {
        done(new ArchiveRefusal(`${archiveName}: compression ratio above ${limits.maxRatio}:1 (${mib(out)} from ${mib(inBytes)}; compression bomb?)`));
      } else done(null, chunk);
    },
  });
}

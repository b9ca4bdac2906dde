import { statSync } from 'node:fs';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { linkStaysInside, safeEntryPath } from './safe-path.js';
import { ArchiveRefusal, type ArchiveEntry, type ArchiveLimits } from './types.js';
import { type EntryWriter, mib } from './writer.js';

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;

function entryType(entry: Entry): ArchiveEntry['type'] {
  if (entry.fileName.endsWith('/')) return 'directory';
  // Unix mode lives in the high 16 bits of the external attributes when the zip was made on Unix.
  const madeOnUnix = entry.versionMadeBy >> 8 === 3;
  const mode = (entry.externalFileAttributes >>> 16) & S_IFMT;
  if (madeOnUnix && mode === S_IFLNK) return 'symlink';
  if (madeOnUnix && mode !== 0 && mode !== S_IFREG && mode !== S_IFDIR) return 'other';
  return 'file';
}

/** Iterates a zip's central directory one entry at a time (yauzl lazyEntries). */
async function* zipEntries(zip: ZipFile): AsyncGenerator<Entry> {
  for (;;) {
    const next = await new Promise<Entry | null>((resolve, reject) => {
      const onEntry = (e: Entry): void => done(() => resolve(e));
      const onEnd = (): void => done(() => resolve(null));
      const onError = (err: Error): void => done(() => reject(err));
      const done = (fn: () => void): void => {
        zip.off('entry', onEntry).off('end', onEnd).off('error', onError);
        fn();
      };
      zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
      zip.readEntry();
    });
    if (next === null) return;
    yield next;
  }
}

/** yauzl's own checks (absolute paths, "..", sizes) come back as errors; say which are path escapes. */
function zipError(archiveName: string, e: unknown): Error {
  if (e instanceof ArchiveRefusal) return e;
  const msg = e instanceof Error ? e.message : String(e);
  if (/absolute path|invalid relative path|invalid characters in fileName/.test(msg)) {
    return new ArchiveRefusal(`${archiveName}: an entry would escape the destination (${msg.slice(0, 240)})`);
  }
  return new Error(`${archiveName}: not a readable zip (${msg.slice(0, 240)})`);
}

function open(absPath: string): Promise<ZipFile> {
  return yauzl.openPromise(absPath, { lazyEntries: true, autoClose: true, decodeStrings: true, validateEntrySizes: true, strictFileNames: false });
}

export async function listZip(absPath: string, archiveName: string, limits: ArchiveLimits): Promise<ArchiveEntry[]> {
  let zip: ZipFile;
  try {
    zip = await open(absPath);
  } catch (e) {
    throw zipError(archiveName, e);
  }
  const out: ArchiveEntry[] = [];
  try {
    for await (const entry of zipEntries(zip)) {
      if (out.length >= limits.maxEntries) throw new ArchiveRefusal(`${archiveName}: more than ${limits.maxEntries} entries`);
      out.push({ path: entry.fileName, type: entryType(entry), size: entry.uncompressedSize, compressedSize: entry.compressedSize, linkTarget: null });
    }
  } catch (e) {
    throw zipError(archiveName, e);
  } finally {
    zip.close();
  }
  return out;
}

/** Unpacks a zip (jar, war, whl, nupkg …) through the writer; refusals are thrown as ArchiveRefusal. */
export async function extractZip(absPath: string, archiveName: string, writer: EntryWriter, limits: ArchiveLimits): Promise<void> {
  let zip: ZipFile;
  try {
    zip = await open(absPath);
  } catch (e) {
    throw zipError(archiveName, e);
  }
  const archiveBytes = Math.max(1, statSync(absPath).size);
  let declaredTotal = 0;
  try {
    for await (const entry of zipEntries(zip)) {
      writer.countEntry();
      const safe = safeEntryPath(entry.fileName);
      if ('error' in safe) throw new ArchiveRefusal(`${archiveName}: an entry would escape the destination (${safe.error})`);
      const type = entryType(entry);
      if (type === 'directory') {
        writer.directory(safe.path);
        continue;
      }
      if (type === 'symlink') {
        const target = await readSmall(zip, entry);
        if (!linkStaysInside(safe.path, target)) throw new ArchiveRefusal(`${archiveName}: symlink "${safe.path}" points outside the archive ("${target.slice(0, 200)}")`);
        writer.skip(safe.path, `symlink to "${target.slice(0, 200)}" not extracted`);
        continue;
      }
      if (type === 'other') {
        writer.skip(safe.path, 'not a regular file (device, fifo or socket)');
        continue;
      }
      if (entry.isEncrypted()) {
        writer.skip(safe.path, 'encrypted entry');
        continue;
      }
      // Declared sizes first: a bomb is refused before a byte is inflated (yauzl then holds entries to them).
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      if (entry.uncompressedSize > limits.ratioFloorBytes && ratio > limits.maxRatio) {
        throw new ArchiveRefusal(`${archiveName}: entry "${safe.path}" inflates ${Math.round(ratio)}:1 to ${mib(entry.uncompressedSize)} (zip bomb?)`);
      }
      declaredTotal += entry.uncompressedSize;
      if (declaredTotal > limits.maxTotalBytes) throw new ArchiveRefusal(`${archiveName}: declares more than ${mib(limits.maxTotalBytes)} of content (zip bomb?)`);
      if (declaredTotal > limits.ratioFloorBytes && declaredTotal / archiveBytes > limits.maxRatio) {
        throw new ArchiveRefusal(`${archiveName}: declares ${mib(declaredTotal)} from a ${mib(archiveBytes)} file, above ${limits.maxRatio}:1 (zip bomb?)`);
      }
      let stream;
      try {
        stream = await zip.openReadStreamPromise(entry);
      } catch (e) {
        writer.skip(safe.path, `cannot be read: ${e instanceof Error ? e.message : String(e)}`);
        continue;
      }
      await writer.file(safe.path, stream, entry.uncompressedSize);
    }
  } catch (e) {
    throw zipError(archiveName, e);
  } finally {
    zip.close();
  }
}

/** A symlink entry's content is its target path; read at most 4 KiB of it. */
async function readSmall(zip: ZipFile, entry: Entry): Promise<string> {
  if (entry.uncompressedSize > 4096) return '<link target too long>';
  const stream = await zip.openReadStreamPromise(entry);
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { PassThrough, type Readable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import tar, { type Header } from 'tar-stream';
import unbzip2 from 'unbzip2-stream';
import { linkStaysInside, safeEntryPath } from './safe-path.js';
import { ArchiveRefusal, type ArchiveEntry, type ArchiveKind, type ArchiveLimits } from './types.js';
import { type EntryWriter, inflationGuard } from './writer.js';

/** tar-stream's entry: a streamx Readable with the header. */
type TarEntry = ReturnType<typeof tar.extract> extends AsyncIterable<infer S> ? S : never;

/** Handles one tar entry; resolves when its data has been consumed. */
type OnEntry = (entry: TarEntry) => Promise<void>;

/** A decompressor for the kind, plus the guard counting what it inflates against the bytes it was given. */
function decoders(kind: 'tar' | 'tar.gz' | 'tar.bz2', archiveName: string, limits: ArchiveLimits, compressed: () => number): Transform[] {
  if (kind === 'tar') return [];
  const decoder = kind === 'tar.gz' ? createGunzip() : (unbzip2() as unknown as Transform);
  return [decoder, inflationGuard(archiveName, limits, compressed)];
}

/** Streams `source` through the decoders into tar-stream and hands each entry to onEntry, in order. */
async function readTar(source: Readable | TarEntry, pre: Transform[], onEntry: OnEntry): Promise<void> {
  const extract = tar.extract();
  const feeding = pipeline([source, ...pre, extract] as unknown as [Readable, ...Transform[]]);
  // Errors of the feeding pipeline surface through the iterator (extract is destroyed with them).
  feeding.catch(() => undefined);
  try {
    for await (const entry of extract) {
      await onEntry(entry);
    }
  } catch (e) {
    source.destroy();
    throw e;
  }
  await feeding;
}

function typeOf(header: Header): ArchiveEntry['type'] {
  switch (header.type) {
    case 'file':
    case 'contiguous-file':
    case undefined:
    case null:
      return 'file';
    case 'directory':
      return 'directory';
    case 'symlink':
      return 'symlink';
    case 'link':
      return 'hardlink';
    default:
      return 'other';
  }
}

async function drain(entry: TarEntry): Promise<void> {
  entry.resume();
  await new Promise<void>((resolve, reject) => {
    entry.once('end', resolve);
    entry.once('error', reject);
  });
}

export async function listTar(absPath: string, archiveName: string, kind: Exclude<ArchiveKind, 'zip'>, limits: ArchiveLimits): Promise<ArchiveEntry[]> {
  const out: ArchiveEntry[] = [];
  let total = 0;
  const file = createReadStream(absPath);
  const onEntry: OnEntry = async (entry) => {
    if (out.length >= limits.maxEntries) throw new ArchiveRefusal(`${archiveName}: more than ${limits.maxEntries} entries`);
    const h = entry.header;
    const size = h.size ?? 0;
    total += size;
    if (total > limits.maxTotalBytes) throw new ArchiveRefusal(`${archiveName}: holds more than ${limits.maxTotalBytes} bytes`);
    out.push({ path: h.name, type: typeOf(h), size, compressedSize: null, linkTarget: h.linkname ?? null });
    await drain(entry);
  };
  if (kind === 'gem') {
    await readTar(file, [], async (entry) => {
      if (entry.header.name === 'data.tar.gz') {
        await readTar(entry, decoders('tar.gz', `${archiveName}!data.tar.gz`, limits, () => file.bytesRead), onEntry);
      } else await drain(entry);
    });
  } else {
    await readTar(file, decoders(kind, archiveName, limits, () => file.bytesRead), onEntry);
  }
  return out;
}

/** Where a .gem's unpacked metadata.gz goes, among the gem's own files. */
const GEM_SPECIFICATION = 'metadata';

/** Unpacks a tar, tar.gz, tar.bz2, or a .gem's data.tar.gz, through the writer. */
export async function extractTar(absPath: string, archiveName: string, kind: Exclude<ArchiveKind, 'zip'>, writer: EntryWriter, limits: ArchiveLimits): Promise<void> {
  const file = createReadStream(absPath);
  const onEntry: OnEntry = async (entry) => {
    writer.countEntry();
    const h = entry.header;
    const safe = safeEntryPath(h.name);
    if ('error' in safe) throw new ArchiveRefusal(`${archiveName}: an entry would escape the destination (${safe.error})`);
    const type = typeOf(h);
    if (type === 'directory') {
      writer.directory(safe.path);
      await drain(entry);
    } else if (type === 'file') {
      if (safe.path === '') await drain(entry);
      else await writer.file(safe.path, entry.pipe(new PassThrough()) as PassThrough, h.size ?? null);
    } else if (type === 'symlink' || type === 'hardlink') {
      const target = h.linkname ?? '';
      // Hard link targets are archive-root relative; symlinks resolve from the link's own directory.
      const inside = type === 'hardlink' ? !('error' in safeEntryPath(target)) : linkStaysInside(safe.path, target);
      if (!inside) throw new ArchiveRefusal(`${archiveName}: ${type} "${safe.path}" points outside the archive ("${target.slice(0, 200)}")`);
      writer.skip(safe.path, `${type} to "${target.slice(0, 200)}" not extracted`);
      await drain(entry);
    } else {
      writer.skip(safe.path, `not a regular file (${h.type ?? 'unknown type'})`);
      await drain(entry);
    }
  };
  if (kind === 'gem') {
    // A .gem is a plain tar: data.tar.gz holds the gem's files, metadata.gz its specification (YAML), written
    // beside them as `metadata` for the package reader; the checksums are not unpacked.
    await readTar(file, [], async (entry) => {
      if (entry.header.name === 'data.tar.gz') {
        await readTar(entry, decoders('tar.gz', `${archiveName}!data.tar.gz`, limits, () => file.bytesRead), onEntry);
      } else if (entry.header.name === 'metadata.gz') {
        writer.countEntry();
        const gunzip = createGunzip();
        const guard = inflationGuard(`${archiveName}!metadata.gz`, limits, () => file.bytesRead);
        gunzip.on('error', (error) => guard.destroy(error));
        await writer.file(GEM_SPECIFICATION, entry.pipe(gunzip).pipe(guard), null);
      } else {
        writer.countEntry();
        await drain(entry);
      }
    });
  } else {
    await readTar(file, decoders(kind, archiveName, limits, () => file.bytesRead), onEntry);
  }
}

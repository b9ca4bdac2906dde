import { statSync } from 'node:fs';
import { archiveKind } from './kind.js';
import { extractTar, listTar } from './tar.js';
import { ArchiveRefusal, DEFAULT_ARCHIVE_LIMITS, type ArchiveEntry, type ArchiveLimits, type ExtractResult } from './types.js';
import { EntryWriter } from './writer.js';
import { extractZip, listZip } from './zip.js';

export { archiveKind } from './kind.js';
export { ArchiveRefusal, DEFAULT_ARCHIVE_LIMITS } from './types.js';
export type { ArchiveEntry, ArchiveKind, ArchiveLimits, ExtractResult, SkippedEntry } from './types.js';

/** Raised by listArchive for an unreadable or refused archive; the message names it. */
export class ArchiveError extends Error {
  constructor(message: string, readonly refused: boolean) {
    super(message);
    this.name = 'ArchiveError';
  }
}

function limitsOf(partial?: Partial<ArchiveLimits>): ArchiveLimits {
  return { ...DEFAULT_ARCHIVE_LIMITS, ...partial };
}

/** The entries of an archive, without unpacking it. Rejects with ArchiveError (naming the archive and the cause). */
export async function listArchive(absPath: string, limits?: Partial<ArchiveLimits>): Promise<ArchiveEntry[]> {
  const kind = archiveKind(absPath);
  if (kind === null) throw new ArchiveError(`${absPath}: not an archive kind this reader knows`, false);
  const l = limitsOf(limits);
  try {
    return kind === 'zip' ? await listZip(absPath, absPath, l) : await listTar(absPath, absPath, kind, l);
  } catch (e) {
    if (e instanceof ArchiveRefusal) throw new ArchiveError(e.message, true);
    throw new ArchiveError(readableError(absPath, e), false);
  }
}

/**
 * Unpacks one archive into destDir, safely: no entry may land outside destDir (absolute paths, "..",
 * links pointing out refuse the archive), links and device files are not created, and entry count, total
 * size, file size and compression ratio are bounded (a bomb is refused). A refused archive leaves nothing
 * behind. Archives inside the archive are written as files, not opened. Never rejects.
 */
export async function extractArchive(absPath: string, destDir: string, limits?: Partial<ArchiveLimits>): Promise<ExtractResult> {
  const kind = archiveKind(absPath);
  const result: ExtractResult = {
    archive: absPath, kind, destDir, ok: false, refusal: null, files: 0, directories: 0, bytes: 0, skipped: [],
  };
  if (kind === null) {
    result.refusal = `${absPath}: not an archive kind this reader knows`;
    return result;
  }
  try {
    statSync(absPath);
  } catch (e) {
    result.refusal = readableError(absPath, e);
    return result;
  }
  const l = limitsOf(limits);
  let writer: EntryWriter;
  try {
    writer = new EntryWriter(absPath, destDir, l);
  } catch (e) {
    result.refusal = `${absPath}: cannot create ${destDir}: ${e instanceof Error ? e.message : String(e)}`;
    return result;
  }
  try {
    if (kind === 'zip') await extractZip(absPath, absPath, writer, l);
    else await extractTar(absPath, absPath, kind, writer, l);
    result.ok = true;
  } catch (e) {
    result.refusal = e instanceof ArchiveRefusal ? e.message : readableError(absPath, e);
    writer.removeAll();
  }
  result.files = result.ok ? writer.files : 0;
  result.directories = result.ok ? writer.directories : 0;
  result.bytes = result.ok ? writer.bytes : 0;
  result.skipped = writer.skipped;
  return result;
}

function readableError(absPath: string, e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.startsWith(absPath) ? msg : `${absPath}: cannot be read (${msg.slice(0, 300)})`;
}

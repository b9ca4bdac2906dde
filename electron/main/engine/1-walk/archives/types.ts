/** Archive formats read; a .gem is a tar whose data.tar.gz holds the files. */
export type ArchiveKind = 'zip' | 'tar' | 'tar.gz' | 'tar.bz2' | 'gem';

export interface ArchiveLimits {
  /** Entries of any type, directories included. */
  maxEntries: number;
  /** Bytes written (or, when listing, decompressed) in all. */
  maxTotalBytes: number;
  /** Bytes of any one file. */
  maxEntryBytes: number;
  /** Uncompressed ÷ compressed, for entries (zip) or streams (tar.gz, tar.bz2) past `ratioFloorBytes`. */
  maxRatio: number;
  /** Below this many uncompressed bytes the ratio is not checked (a small file of zeros compresses 1000×). */
  ratioFloorBytes: number;
}

export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = {
  maxEntries: 100_000,
  maxTotalBytes: 4 * 1024 ** 3,
  maxEntryBytes: 1024 ** 3,
  maxRatio: 200,
  ratioFloorBytes: 16 * 1024 ** 2,
};

export interface ArchiveEntry {
  /** As stored, with "/" separators. */
  path: string;
  type: 'file' | 'directory' | 'symlink' | 'hardlink' | 'other';
  /** Uncompressed size in bytes (as the archive declares it for zip; as read for tar). */
  size: number;
  /** Compressed size for zip entries; null for tar. */
  compressedSize: number | null;
  /** Link target of symlinks and hard links. */
  linkTarget: string | null;
}

export interface SkippedEntry {
  path: string;
  reason: string;
}

export interface ExtractResult {
  /** The archive's path as given. */
  archive: string;
  kind: ArchiveKind | null;
  destDir: string;
  /** True when the archive was unpacked (perhaps with some entries skipped); false when refused or unreadable. */
  ok: boolean;
  /** Why the archive was refused, naming it ("zip bomb? …"); null when ok. Nothing is left in destDir then. */
  refusal: string | null;
  files: number;
  directories: number;
  bytes: number;
  /** Entries deliberately not extracted: links, devices, encrypted entries … with why. */
  skipped: SkippedEntry[];
}

/** Raised inside the readers to stop at once; extractArchive turns it into a refusal. */
export class ArchiveRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArchiveRefusal';
  }
}

export type FileType = 'text' | 'binary' | 'archive' | 'too-large' | 'unreadable';

export interface ScannedFile {
  id: number;
  scanId: number;
  path: string;
  size: number;
  sha256: string | null;
  sha1: string | null;
  type: FileType;
  componentId: number | null;
}

/** One level of a lazily loaded file tree. */
export interface FileTreeEntry {
  name: string;
  /** Relative path from the scanned root. */
  path: string;
  isDirectory: boolean;
  /** For files. */
  fileId: number | null;
  size: number;
  findingCount: number;
}

export interface FileView {
  file: ScannedFile;
  /** Decoded text; null for binary, too-large or unreadable files. */
  text: string | null;
  /** Why the text is not shown. */
  textUnavailableReason: string | null;
  truncated: boolean;
}

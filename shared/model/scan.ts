/** One run of the pipeline over a project's sources. Rows of a scan become visible only once it finished. */
export type ScanStatus = 'running' | 'finished' | 'cancelled' | 'failed' | 'interrupted';

export interface ScanOptions {
  /** Unpack archives found in the tree (zip, jar, whl, tar.gz, tgz, gem, nupkg) and index their content. */
  extractArchives: boolean;
  /** Files larger than this are hashed and recorded but not read for detection. */
  maxFileBytes: number;
  /** Accept schema-invalid SBOMs, importing what can be read and recording each problem as a warning. */
  lenient: boolean;
  /** Reuse results of the previous scan for files whose size and modification time did not change. */
  incremental: boolean;
}

export const defaultScanOptions: ScanOptions = {
  extractArchives: false,
  maxFileBytes: 8 * 1024 * 1024,
  lenient: false,
  incremental: true,
};

export interface ScanStats {
  files: number;
  textFiles: number;
  binaryFiles: number;
  skippedFiles: number;
  reusedFiles: number;
  components: number;
  findings: number;
  warnings: number;
  bytes: number;
}

export interface Scan {
  id: number;
  projectId: number;
  status: ScanStatus;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  toolVersion: string;
  options: ScanOptions;
  stats: ScanStats | null;
  error: string | null;
}

/** A problem met during a scan that did not stop it: unreadable file, invalid manifest, lenient SBOM issue. */
export interface ScanWarning {
  /** Path relative to the source root, or the SBOM file path. */
  path: string;
  /** JSON pointer or "line N" inside the file, when known. */
  location: string | null;
  message: string;
}

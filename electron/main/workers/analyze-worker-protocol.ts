import type { AnalyzeOptions, FileAnalysis, FilePath } from '../engine/2-detect/analyze-file.js';

/** One file to analyse. */
export interface AnalyzeRequest {
  id: number;
  absPath: FilePath;
  opts: AnalyzeOptions;
}

/** Main thread → analyze worker: files in one message (one message per file cost more than detecting most files). */
export interface AnalyzeBatch {
  requests: AnalyzeRequest[];
}

/** One file's outcome. */
export type AnalyzeResponse = { id: number; ok: true; result: FileAnalysis } | { id: number; ok: false; error: string };

/** Analyze worker → main thread: outcomes gathered for a few milliseconds, in the order the files were done. */
export interface AnalyzeResults {
  responses: AnalyzeResponse[];
}

/** Sent once when the worker has loaded the engine and its reference index. */
export interface AnalyzeWorkerReady {
  ready: true;
}

/** Given to each analyze worker when it starts. */
export interface AnalyzeWorkerData {
  /** A KnownContents table shared by the pool's workers. */
  knownContents?: SharedArrayBuffer;
  /**
   * One Int32 the worker sets to the id of the file it is working on (0 between files), so that a worker that
   * hangs or crashes is blamed on the right file even while finished outcomes wait in its outbox.
   */
  current?: SharedArrayBuffer;
}

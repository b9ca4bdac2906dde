import type { AnalyzeOptions, FileAnalysis, FilePath } from '../engine/2-detect/analyze-file.js';

/** Main thread → analyze worker. */
export interface AnalyzeRequest {
  id: number;
  absPath: FilePath;
  opts: AnalyzeOptions;
}

/** Analyze worker → main thread. */
export type AnalyzeResponse = { id: number; ok: true; result: FileAnalysis } | { id: number; ok: false; error: string };

/** Sent once when the worker has loaded the engine and its reference index. */
export interface AnalyzeWorkerReady {
  ready: true;
}

/** Given to each analyze worker when it starts. */
export interface AnalyzeWorkerData {
  /** A KnownContents table shared by the pool's workers. */
  knownContents?: SharedArrayBuffer;
}

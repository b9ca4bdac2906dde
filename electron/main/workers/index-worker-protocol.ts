import type { JobProgress } from '../../../shared/model/job.js';
import type { ProjectSource } from '../../../shared/model/project.js';
import type { ScanOptions, ScanStats } from '../../../shared/model/scan.js';
import type { AppErrorShape } from '../../../shared/api/errors.js';

/** What the main thread gives an index worker: one scan to run. */
export interface IndexWorkerInput {
  workspacePath: string;
  scanId: number;
  projectId: number;
  previousScanId: number | null;
  sources: ProjectSource[];
  options: ScanOptions;
  /** One Int32: set to 1 by the main thread to cancel. Shared memory, so a busy worker sees it at once. */
  cancelFlag: SharedArrayBuffer;
  analyzeWorkers?: number;
}

/** Messages from the index worker to the main thread. */
export type IndexWorkerMessage =
  | { type: 'progress'; progress: JobProgress }
  | { type: 'finished'; stats: ScanStats }
  | { type: 'cancelled' }
  | { type: 'failed'; error: AppErrorShape };

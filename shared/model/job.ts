import type { AppErrorCode } from '../api/errors.js';

/** Long work (scans, imports, exports) runs as a job with progress and cancel. */
export type JobState = 'queued' | 'running' | 'finished' | 'cancelled' | 'failed' | 'interrupted';
export type JobPhase = 'starting' | 'walking' | 'reading' | 'detecting' | 'importing' | 'storing' | 'finishing';

export interface JobProgress {
  phase: JobPhase;
  /** Items done so far in this phase, and the total when known. */
  done: number;
  total: number | null;
  bytes: number;
  currentPath: string | null;
}

export interface Job {
  id: string;
  kind: 'scan';
  title: string;
  projectId: number | null;
  scanId: number | null;
  state: JobState;
  startedAt: string;
  finishedAt: string | null;
  progress: JobProgress;
  error: string | null;
  /** Why it failed, for callers that react differently to bad input and to internal errors. */
  errorCode: AppErrorCode | null;
  summary: string | null;
}

export function isJobDone(state: JobState): boolean {
  return state !== 'queued' && state !== 'running';
}

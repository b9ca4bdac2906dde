import { AppError } from '../../../shared/api/errors.js';
import type { Job } from '../../../shared/model/job.js';
import type { ProjectSource } from '../../../shared/model/project.js';
import type { ScanOptions, ScanStats } from '../../../shared/model/scan.js';
import type { AppContext } from '../app-context.js';
import { latestScanId } from '../db/repositories/projects-repo.js';
import { createScan, endScan, findScan } from '../db/repositories/scans-repo.js';
import type { IndexWorkerInput, IndexWorkerMessage } from './index-worker-protocol.js';
import { startWorker } from './worker-script.js';

/** After a cancel request, a worker that does not stop within this time is terminated. */
const cancelGraceMs = 15_000;

export function summarizeStats(stats: ScanStats): string {
  const reused = stats.reusedFiles > 0 ? ` (${stats.reusedFiles} unchanged)` : '';
  return `${stats.components} components, ${stats.files} files${reused}, ${stats.findings} findings, ${stats.warnings} warnings`;
}

/**
 * Starts one scan in an index worker thread and tracks it as a job. The worker writes the scan's rows with its
 * own connection; the scan row is created and, if the worker dies, closed here.
 */
export function startScanJob(
  ctx: AppContext,
  projectId: number,
  projectName: string,
  sources: ProjectSource[],
  options: ScanOptions,
  analyzeWorkers?: number,
  /** Undo what the request added (new project, new sources) when the scan does not finish. */
  onUnfinished: () => void = () => undefined,
): Job {
  if (ctx.jobs.runningByProject().has(projectId)) {
    throw new AppError('conflict', `a scan of project "${projectName}" is already running`);
  }
  const previousScanId = latestScanId(ctx.db, projectId);
  const scan = createScan(ctx.db, projectId, options, ctx.version);
  const cancelFlag = new SharedArrayBuffer(4);
  let worker: ReturnType<typeof startWorker> | null = null;
  let killTimer: NodeJS.Timeout | null = null;

  const job = ctx.jobs.start({ kind: 'scan', title: `Scan ${projectName}`, projectId, scanId: scan.id }, () => {
    Atomics.store(new Int32Array(cancelFlag), 0, 1);
    killTimer ??= setTimeout(() => void worker?.terminate(), cancelGraceMs);
  });

  const input: IndexWorkerInput = { workspacePath: ctx.workspacePath, scanId: scan.id, projectId, previousScanId, sources, options, cancelFlag, ...(analyzeWorkers ? { analyzeWorkers } : {}) };
  let settled = false;
  const settle = (message: IndexWorkerMessage): void => {
    if (settled) return;
    settled = true;
    if (killTimer) clearTimeout(killTimer);
    if (message.type === 'finished') {
      ctx.jobs.finish(job.id, 'finished', { summary: summarizeStats(message.stats) });
    } else if (message.type === 'cancelled') {
      ctx.jobs.finish(job.id, 'cancelled', { summary: 'cancelled; the previous snapshot is unchanged' });
    } else if (message.type === 'failed') {
      ctx.jobs.finish(job.id, 'failed', { error: message.error.message, errorCode: message.error.code });
    }
    if (message.type !== 'finished') onUnfinished();
    ctx.events.emit('data.changed', { topics: ['projects', 'components', 'findings'] });
  };

  try {
    worker = startWorker('index-worker', { workerData: input });
  } catch (error) {
    endScan(ctx.db, scan.id, 'failed', { error: (error as Error).message });
    settle({ type: 'failed', error: { code: 'internal', message: (error as Error).message } });
    return ctx.jobs.get(job.id)!;
  }
  worker.on('message', (message: IndexWorkerMessage) => {
    if (message.type === 'progress') ctx.jobs.progress(job.id, message.progress);
    else settle(message);
  });
  worker.on('error', (error) => {
    if (findScan(ctx.db, scan.id)?.status === 'running') endScan(ctx.db, scan.id, 'failed', { error: error.message });
    settle({ type: 'failed', error: { code: 'internal', message: `scan worker crashed: ${error.message}` } });
  });
  worker.on('exit', () => {
    if (settled) return;
    const cancelRequested = Atomics.load(new Int32Array(cancelFlag), 0) === 1;
    if (findScan(ctx.db, scan.id)?.status === 'running') {
      endScan(ctx.db, scan.id, cancelRequested ? 'cancelled' : 'interrupted', { error: cancelRequested ? 'cancelled by the user' : 'the scan worker stopped unexpectedly' });
    }
    settle(cancelRequested ? { type: 'cancelled' } : { type: 'failed', error: { code: 'internal', message: 'the scan worker stopped unexpectedly' } });
  });
  return job;
}

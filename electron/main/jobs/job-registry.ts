import { randomUUID } from 'node:crypto';
import type { Job, JobProgress, JobState } from '../../../shared/model/job.js';
import { isJobDone } from '../../../shared/model/job.js';
import type { EventBus } from '../api/events.js';

const progressIntervalMs = 100;

interface Entry {
  job: Job;
  cancel: () => void;
  lastEmit: number;
  pendingEmit: NodeJS.Timeout | null;
  done: Promise<Job>;
  resolve: (job: Job) => void;
}

/**
 * Every long-running piece of work is a job: an id, its latest progress (pushed at most every ~100 ms and
 * pullable at any time), cancellation, and an end state (finished, cancelled, failed or interrupted).
 */
export class JobRegistry {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly events: EventBus) {}

  start(init: Pick<Job, 'kind' | 'title' | 'projectId' | 'scanId'>, cancel: () => void): Job {
    const job: Job = {
      ...init,
      id: randomUUID(),
      state: 'running',
      startedAt: new Date().toISOString(),
      finishedAt: null,
      progress: { phase: 'starting', done: 0, total: null, bytes: 0, currentPath: null },
      error: null,
      errorCode: null,
      summary: null,
    };
    let resolve!: (job: Job) => void;
    const done = new Promise<Job>((r) => (resolve = r));
    this.entries.set(job.id, { job, cancel, lastEmit: 0, pendingEmit: null, done, resolve });
    this.events.emit('job.progress', job);
    return { ...job };
  }

  progress(jobId: string, progress: JobProgress): void {
    const entry = this.entries.get(jobId);
    if (!entry || isJobDone(entry.job.state)) return;
    entry.job.progress = progress;
    const wait = entry.lastEmit + progressIntervalMs - Date.now();
    if (wait <= 0) {
      this.emitProgress(entry);
    } else if (!entry.pendingEmit) {
      entry.pendingEmit = setTimeout(() => this.emitProgress(entry), wait);
    }
  }

  private emitProgress(entry: Entry): void {
    if (entry.pendingEmit) clearTimeout(entry.pendingEmit);
    entry.pendingEmit = null;
    entry.lastEmit = Date.now();
    if (!isJobDone(entry.job.state)) this.events.emit('job.progress', { ...entry.job });
  }

  finish(jobId: string, state: Exclude<JobState, 'queued' | 'running'>, result: { error?: string; errorCode?: Job['errorCode']; summary?: string } = {}): Job | null {
    const entry = this.entries.get(jobId);
    if (!entry || isJobDone(entry.job.state)) return entry ? { ...entry.job } : null;
    if (entry.pendingEmit) clearTimeout(entry.pendingEmit);
    entry.job.state = state;
    entry.job.finishedAt = new Date().toISOString();
    entry.job.error = result.error ?? null;
    entry.job.errorCode = result.errorCode ?? (result.error ? 'internal' : null);
    entry.job.summary = result.summary ?? null;
    const snapshot = { ...entry.job };
    this.events.emit('job.finished', snapshot);
    entry.resolve(snapshot);
    return snapshot;
  }

  cancel(jobId: string): Job | null {
    const entry = this.entries.get(jobId);
    if (!entry) return null;
    if (!isJobDone(entry.job.state)) entry.cancel();
    return { ...entry.job };
  }

  get(jobId: string): Job | null {
    const entry = this.entries.get(jobId);
    return entry ? { ...entry.job } : null;
  }

  list(): Job[] {
    return [...this.entries.values()].map((e) => ({ ...e.job })).sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  }

  /** Resolves when the job ends, whatever the end state. */
  whenDone(jobId: string): Promise<Job> {
    const entry = this.entries.get(jobId);
    return entry ? entry.done : Promise.reject(new Error(`no job ${jobId}`));
  }

  runningByProject(): Map<number, string> {
    const map = new Map<number, string>();
    for (const { job } of this.entries.values()) {
      if (!isJobDone(job.state) && job.projectId !== null) map.set(job.projectId, job.id);
    }
    return map;
  }

  /** Cancels everything still running and waits for it to end (app quit, server stop). */
  async shutdown(): Promise<void> {
    const running = [...this.entries.values()].filter((e) => !isJobDone(e.job.state));
    for (const entry of running) entry.cancel();
    await Promise.all(running.map((e) => e.done));
  }
}

import os from 'node:os';
import type { ResourceLimits, Worker } from 'node:worker_threads';
import type { AnalyzeOptions, FileAnalysis, FilePath } from '../engine/2-detect/analyze-file.js';
import type { AnalyzeBatch, AnalyzeRequest, AnalyzeResults, AnalyzeWorkerData, AnalyzeWorkerReady } from './analyze-worker-protocol.js';
import { startWorker } from './worker-script.js';

export interface AnalyzePoolOptions {
  /** Worker threads; default os.availableParallelism(). */
  size?: number;
  /** Files sent ahead to one worker, so it never waits for the next one; default 32 (it answers in groups of 8). */
  inFlightPerWorker?: number;
  /** A file taking longer than this (ms) gets its worker terminated and replaced; default from its time budget. */
  hardTimeLimitMs?: number;
  /** V8 limits per worker: a worker over them crashes and is replaced. */
  resourceLimits?: ResourceLimits;
  /** Contents already detected (KnownContents buffer): workers skip detecting them again. */
  knownContents?: SharedArrayBuffer;
}

interface Task {
  id: number;
  absPath: FilePath;
  opts: AnalyzeOptions;
  resolve: (result: FileAnalysis) => void;
  /** Was in flight when a worker crashed beside other files: runs alone next, so a second crash names it. */
  solo: boolean;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** Files sent to this worker, in the order it processes them. */
  tasks: Task[];
  /** The id of the file the worker is on (0 between files), written by the worker. */
  current: Int32Array;
  timer: NodeJS.Timeout | null;
  retired: boolean;
}

/** Consecutive worker deaths before ready after which queued files are reported instead of retried forever. */
const MAX_START_FAILURES = 3;

function failed(absPath: FilePath, reason: string): FileAnalysis {
  return { size: 0, sha256: '', sha1: '', type: 'unreadable', encoding: null, findings: [], error: `${absPath}: ${reason}`, timedOut: reason.includes('time limit') };
}

/**
 * Runs analyzeFile on worker threads with a bounded number of files in flight per worker; the rest wait in a queue.
 * A worker that crashes or overruns the hard time limit on a file is replaced, that file is reported unreadable
 * with the reason, and the other files it held are retried, so a scan never hangs on one file.
 */
export class AnalyzePool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closed = false;
  private startFailures = 0;
  private broken: string | null = null;
  private readonly size: number;
  private readonly perWorker: number;

  constructor(private readonly options: AnalyzePoolOptions = {}) {
    this.size = Math.max(1, options.size ?? os.availableParallelism());
    this.perWorker = Math.max(1, options.inFlightPerWorker ?? 32);
    for (let i = 0; i < this.size; i++) this.slots.push(this.spawn());
  }

  /** Why the pool cannot work at all (its workers fail to start), or null. A scan must fail, not go on. */
  get failure(): string | null {
    return this.broken;
  }

  analyze(absPath: FilePath, opts: AnalyzeOptions): Promise<FileAnalysis> {
    if (this.closed) return Promise.resolve(failed(absPath, 'analyze pool is closed'));
    if (this.broken) return Promise.resolve(failed(absPath, this.broken));
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, absPath, opts, resolve, solo: false });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.resolve(failed(task.absPath, 'analyze pool closed before the file was analysed'));
    await Promise.all(
      this.slots.map(async (slot) => {
        slot.retired = true;
        if (slot.timer) clearTimeout(slot.timer);
        for (const task of slot.tasks.splice(0)) task.resolve(failed(task.absPath, 'analyze pool closed during analysis'));
        await slot.worker.terminate();
      }),
    );
  }

  private hardLimit(opts: AnalyzeOptions): number {
    return this.options.hardTimeLimitMs ?? Math.max(10_000, (opts.timeBudgetMs ?? 5_000) * 3 + 5_000);
  }

  /**
   * The clock runs for the oldest file not yet answered (the head of the list), restarted whenever outcomes arrive;
   * the worker sends them at least every 20 ms, so only a file that really takes that long runs it out.
   */
  private armTimer(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    const head = slot.tasks[0];
    if (!head) return;
    const limit = this.hardLimit(head.opts);
    slot.timer = setTimeout(() => this.replace(slot, `analysis exceeded the hard time limit of ${limit} ms; worker replaced`, 'timeout'), limit);
  }

  private spawn(): Slot {
    const current = new SharedArrayBuffer(4);
    const workerData: AnalyzeWorkerData = { current, ...(this.options.knownContents ? { knownContents: this.options.knownContents } : {}) };
    const worker = startWorker('analyze-worker', { workerData, ...(this.options.resourceLimits ? { resourceLimits: this.options.resourceLimits } : {}) });
    const slot: Slot = { worker, ready: false, tasks: [], current: new Int32Array(current), timer: null, retired: false };
    worker.on('message', (message: AnalyzeResults | AnalyzeWorkerReady) => {
      if ('ready' in message) {
        slot.ready = true;
        this.startFailures = 0;
        this.dispatch();
        return;
      }
      for (const response of message.responses) {
        const at = slot.tasks.findIndex((t) => t.id === response.id);
        if (at < 0) continue;
        const [task] = slot.tasks.splice(at, 1);
        task!.resolve(response.ok ? response.result : failed(task!.absPath, `analysis failed: ${response.error}`));
      }
      this.armTimer(slot);
      this.dispatch();
    });
    worker.on('error', (error) => this.replace(slot, `analyze worker crashed: ${error.message}`, 'crash'));
    worker.on('exit', (code) => this.replace(slot, `analyze worker exited with code ${code}`, 'crash'));
    return slot;
  }

  /** Reports the file at fault with the reason, requeues the worker's other files, and starts a fresh worker. */
  private replace(slot: Slot, reason: string, cause: 'timeout' | 'crash'): void {
    if (slot.retired) return;
    slot.retired = true;
    if (slot.timer) clearTimeout(slot.timer);
    const tasks = slot.tasks.splice(0);
    // The worker says which file it is on; failing that, a timeout names the oldest unanswered file and a crash
    // with one file in flight names that file. Files it finished but had not sent yet are simply done again.
    const on = Atomics.load(slot.current, 0);
    const named = on !== 0 ? tasks.findIndex((t) => t.id === on) : -1;
    const atFault = named >= 0 ? tasks.splice(named, 1)[0] : cause === 'timeout' || tasks.length === 1 || tasks[0]?.solo ? tasks.shift() : undefined;
    if (atFault) atFault.resolve(failed(atFault.absPath, reason));
    for (const t of tasks.reverse()) {
      if (cause === 'crash' && named < 0) t.solo = true;
      this.queue.unshift(t);
    }
    void slot.worker.terminate();
    const at = this.slots.indexOf(slot);
    if (this.closed || at < 0) return;
    if (!slot.ready && ++this.startFailures >= MAX_START_FAILURES) {
      this.broken = `analyze workers fail to start: ${reason}`;
      for (const t of this.queue.splice(0)) t.resolve(failed(t.absPath, this.broken));
      return;
    }
    this.slots[at] = this.spawn();
  }

  /** Tops every ready worker up to its share of files, in one message each. */
  private dispatch(): void {
    for (const slot of this.slots) {
      const requests: AnalyzeRequest[] = [];
      while (this.queue.length > 0 && slot.ready && !slot.retired && slot.tasks.length < this.perWorker) {
        if (slot.tasks.some((t) => t.solo)) break;
        const next = this.queue[0]!;
        if (next.solo && slot.tasks.length > 0) break;
        this.queue.shift();
        slot.tasks.push(next);
        if (slot.tasks.length === 1) this.armTimer(slot);
        requests.push({ id: next.id, absPath: next.absPath, opts: next.opts });
      }
      if (requests.length > 0) slot.worker.postMessage({ requests } satisfies AnalyzeBatch);
    }
  }
}

import type { ApiEnvelope } from '../../../shared/api/errors.js';
import type { Worker } from 'node:worker_threads';
import type { QueryResponse, QueryWorkerInput } from './query-worker-protocol.js';
import { startWorker } from './worker-script.js';

/** Runs read-only API calls in a query worker, started on first use and restarted if it dies. */
export class QueryWorkerClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, (envelope: ApiEnvelope<unknown>) => void>();

  constructor(private readonly input: QueryWorkerInput) {}

  call(method: string, params: unknown): Promise<ApiEnvelope<unknown>> {
    const worker = this.ensure();
    const id = this.nextId++;
    // Keep the process alive while an answer is due; an idle worker must not keep a CLI process running.
    worker.ref();
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      worker.postMessage({ id, method, params });
    });
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker('query-worker', { workerData: this.input });
    worker.on('message', (response: QueryResponse) => {
      this.pending.get(response.id)?.(response.envelope);
      this.pending.delete(response.id);
      if (this.pending.size === 0) worker.unref();
    });
    const fail = (reason: string): void => {
      if (this.worker === worker) this.worker = null;
      for (const resolve of this.pending.values()) resolve({ ok: false, error: { code: 'internal', message: `query worker stopped: ${reason}` } });
      this.pending.clear();
    };
    worker.on('error', (error) => fail(error.message));
    worker.on('exit', (code) => fail(`exit code ${code}`));
    this.worker = worker;
    return worker;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }
}

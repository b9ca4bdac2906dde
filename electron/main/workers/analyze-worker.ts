import { parentPort, workerData } from 'node:worker_threads';
import { analyzeFileSync } from '../engine/2-detect/analyze-file.js';
import '../engine/2-detect/licenses/precomputed-index.js';
import { referenceIndex } from '../engine/2-detect/licenses/reference-index.js';
import type { AnalyzeBatch, AnalyzeResponse, AnalyzeResults, AnalyzeWorkerData, AnalyzeWorkerReady } from './analyze-worker-protocol.js';
import { KnownContents } from './known-contents.js';

if (!parentPort) throw new Error('analyze-worker must run in a worker thread');
const port = parentPort;
const data = workerData as AnalyzeWorkerData | undefined;
const known = data?.knownContents ? new KnownContents(data.knownContents) : undefined;
const current = data?.current ? new Int32Array(data.current) : null;

/**
 * Outcomes go out in groups: each message wakes the index thread, and with more threads than cores every wake-up
 * costs a context switch (one message per file cost ~1 s of a 7 s scan). They go out at least every 20 ms, so the
 * pool's clock on the oldest unanswered file stays honest, and whenever the worker runs out of files.
 */
const FLUSH_AFTER_MS = 20;
const FLUSH_AFTER_FILES = 8;

// Load the immutable reference index before the first file, so per-file time budgets measure detection only.
referenceIndex();
port.postMessage({ ready: true } satisfies AnalyzeWorkerReady);

let outbox: AnalyzeResponse[] = [];
let oldest = 0;
let flushScheduled = false;

function flush(): void {
  flushScheduled = false;
  if (outbox.length > 0) port.postMessage({ responses: outbox } satisfies AnalyzeResults);
  outbox = [];
}

port.on('message', (batch: AnalyzeBatch) => {
  for (const request of batch.requests) {
    if (current) Atomics.store(current, 0, request.id);
    let response: AnalyzeResponse;
    try {
      response = { id: request.id, ok: true, result: analyzeFileSync(request.absPath, request.opts, known) };
    } catch (error) {
      response = { id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    if (current) Atomics.store(current, 0, 0);
    if (outbox.length === 0) oldest = performance.now();
    outbox.push(response);
    if (outbox.length >= FLUSH_AFTER_FILES || performance.now() - oldest > FLUSH_AFTER_MS) flush();
  }
  // Files that arrived meanwhile are handled first (they wait in the port); then, with nothing left, the rest goes.
  if (!flushScheduled && outbox.length > 0) {
    flushScheduled = true;
    setImmediate(flush);
  }
});

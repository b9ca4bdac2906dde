import { parentPort, workerData } from 'node:worker_threads';
import { analyzeFileSync } from '../engine/2-detect/analyze-file.js';
import '../engine/2-detect/licenses/precomputed-index.js';
import { referenceIndex } from '../engine/2-detect/licenses/reference-index.js';
import type { AnalyzeRequest, AnalyzeResponse, AnalyzeWorkerData, AnalyzeWorkerReady } from './analyze-worker-protocol.js';
import { KnownContents } from './known-contents.js';

if (!parentPort) throw new Error('analyze-worker must run in a worker thread');
const port = parentPort;
const shared = (workerData as AnalyzeWorkerData | undefined)?.knownContents;
const known = shared ? new KnownContents(shared) : undefined;

// Load the immutable reference index before the first file, so per-file time budgets measure detection only.
referenceIndex();
port.postMessage({ ready: true } satisfies AnalyzeWorkerReady);

port.on('message', (request: AnalyzeRequest) => {
  let response: AnalyzeResponse;
  try {
    response = { id: request.id, ok: true, result: analyzeFileSync(request.absPath, request.opts, known) };
  } catch (error) {
    response = { id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(response);
});

import { parentPort } from 'node:worker_threads';
import { analyzeFileSync } from '../engine/2-detect/analyze-file.js';
import '../engine/2-detect/licenses/precomputed-index.js';
import { referenceIndex } from '../engine/2-detect/licenses/reference-index.js';
import type { AnalyzeRequest, AnalyzeResponse, AnalyzeWorkerReady } from './analyze-worker-protocol.js';

if (!parentPort) throw new Error('analyze-worker must run in a worker thread');
const port = parentPort;

// Load the immutable reference index before the first file, so per-file time budgets measure detection only.
referenceIndex();
port.postMessage({ ready: true } satisfies AnalyzeWorkerReady);

port.on('message', (request: AnalyzeRequest) => {
  let response: AnalyzeResponse;
  try {
    response = { id: request.id, ok: true, result: analyzeFileSync(request.absPath, request.opts) };
  } catch (error) {
    response = { id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(response);
});

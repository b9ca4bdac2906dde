import { parentPort, workerData } from 'node:worker_threads';
import { isAppError } from '../../../shared/api/errors.js';
import { openWorkspace } from '../db/connection.js';
import { endScan } from '../db/repositories/scans-repo.js';
import { previousFilesOf, storedLicenseFindingsOf } from '../db/repositories/files-repo.js';
import { storeSbomDocument } from '../db/repositories/sbom-documents-repo.js';
import { DETECTOR_VERSION } from '../engine/2-detect/licenses/index.js';
import { IndexWriter } from '../engine/3-store/index-writer.js';
import { runScan, ScanCancelledError } from '../engine/run-scan.js';
import { AnalyzePool } from './analyze-pool.js';
import type { IndexWorkerInput, IndexWorkerMessage } from './index-worker-protocol.js';

/** Worker entry: runs one scan with its own database connection and its own pool of analysis workers. */
async function main(input: IndexWorkerInput): Promise<IndexWorkerMessage> {
  const cancelled = new Int32Array(input.cancelFlag);
  const isCancelled = (): boolean => Atomics.load(cancelled, 0) === 1;
  const db = openWorkspace(input.workspacePath);
  const pool = new AnalyzePool(input.analyzeWorkers ? { size: input.analyzeWorkers } : {});
  try {
    const writer = new IndexWriter(db, input.scanId, DETECTOR_VERSION);
    const stats = await runScan(input.sources, input.options, {
      writer,
      previousFiles: (sourcePath) => (input.previousScanId ? previousFilesOf(db, input.previousScanId, sourcePath) : new Map()),
      analyze: async (absPath, options) => {
        const analysis = await pool.analyze(absPath, options);
        if (pool.failure) throw new Error(pool.failure);
        return analysis;
      },
      storedLicenseFindings: (sha256) => storedLicenseFindingsOf(db, sha256),
      progress: (progress) => parentPort!.postMessage({ type: 'progress', progress } satisfies IndexWorkerMessage),
      isCancelled,
      onSbom: (filePath, doc) => storeSbomDocument(db, input.scanId, filePath, doc),
    });
    endScan(db, input.scanId, 'finished', { stats });
    return { type: 'finished', stats };
  } catch (error) {
    if (error instanceof ScanCancelledError) {
      endScan(db, input.scanId, 'cancelled', { error: 'cancelled by the user' });
      return { type: 'cancelled' };
    }
    const shape = isAppError(error) ? error.toShape() : { code: 'internal' as const, message: (error as Error).stack ?? String(error) };
    endScan(db, input.scanId, 'failed', { error: shape.message });
    return { type: 'failed', error: shape };
  } finally {
    await pool.close();
    db.close();
  }
}

main(workerData as IndexWorkerInput).then(
  (message) => parentPort!.postMessage(message),
  (error: unknown) => parentPort!.postMessage({ type: 'failed', error: { code: 'internal', message: String(error) } } satisfies IndexWorkerMessage),
);

import { parentPort, workerData } from 'node:worker_threads';
import { isAppError, type AppErrorShape } from '../../../shared/api/errors.js';
import type { JobProgress } from '../../../shared/model/job.js';
import { openWorkspace } from '../db/connection.js';
import { endScan } from '../db/repositories/scans-repo.js';
import { previousFilesOf, storedLicenseFindingsOf } from '../db/repositories/files-repo.js';
import { storeSbomDocument } from '../db/repositories/sbom-documents-repo.js';
import { DETECTOR_VERSION } from '../engine/2-detect/licenses/index.js';
import { IndexWriter } from '../engine/3-store/index-writer.js';
import { runScan, ScanCancelledError } from '../engine/run-scan.js';
import { AnalyzePool } from './analyze-pool.js';
import { KnownContents } from './known-contents.js';
import type { WritableDb } from '../db/db-types.js';
import type { IndexWorkerInput, IndexWorkerMessage } from './index-worker-protocol.js';

/** A clear message for what stopped a scan; storage failures name the workspace file. */
function describeFailure(error: unknown, workspacePath: string): AppErrorShape {
  if (isAppError(error)) return error.toShape();
  const code = (error as { code?: string }).code ?? '';
  if (code === 'SQLITE_FULL') {
    return { code: 'internal', message: `${workspacePath}: the disk is full (or the workspace reached its size limit); the scan was stopped and the previous snapshot is unchanged` };
  }
  if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN') {
    return { code: 'internal', message: `${workspacePath}: cannot write the workspace (${code}: ${(error as Error).message}); the previous snapshot is unchanged` };
  }
  return { code: 'internal', message: (error as Error).stack ?? String(error) };
}

/**
 * Contents of the workspace whose findings the current detector stored: files with the same content in this
 * scan are not detected again. Contents over the size limit or unreadable are left out (a higher limit may now
 * let them be read).
 */
function knownContentsOf(db: WritableDb): KnownContents {
  const hashes = db.prepare("SELECT sha256 FROM contents WHERE detector_version = ? AND type = 'text'").pluck().all(DETECTOR_VERSION) as string[];
  const known = KnownContents.create(Math.max(hashes.length * 2, 200_000));
  for (const hash of hashes) known.add(hash);
  return known;
}

/** Posts progress at most every 50 ms, and at once when the phase changes (the main thread throttles further). */
function throttledProgress(): (progress: JobProgress) => void {
  let last = 0;
  let phase: JobProgress['phase'] | null = null;
  return (progress) => {
    const now = performance.now();
    if (progress.phase === phase && now - last < 50) return;
    last = now;
    phase = progress.phase;
    parentPort!.postMessage({ type: 'progress', progress } satisfies IndexWorkerMessage);
  };
}

/** Worker entry: runs one scan with its own database connection and its own pool of analysis workers. */
async function main(input: IndexWorkerInput): Promise<IndexWorkerMessage> {
  const cancelled = new Int32Array(input.cancelFlag);
  const isCancelled = (): boolean => Atomics.load(cancelled, 0) === 1;
  const db = openWorkspace(input.workspacePath);
  // Started on the first file that needs reading: a re-scan of an unchanged tree never pays for it.
  let started: AnalyzePool | null = null;
  const pool = (): AnalyzePool =>
    (started ??= new AnalyzePool({ ...(input.analyzeWorkers ? { size: input.analyzeWorkers } : {}), knownContents: knownContentsOf(db).buffer }));
  // A first or full scan reads every file: start the workers now, so they load while the tree is walked.
  const readsEverything = input.previousScanId === null || !input.options.incremental;
  if (readsEverything && input.sources.some((source) => source.kind === 'folder')) pool();
  try {
    const writer = new IndexWriter(db, input.scanId, DETECTOR_VERSION);
    const stats = await runScan(input.sources, input.options, {
      writer,
      previousFiles: (sourcePath) => (input.previousScanId ? previousFilesOf(db, input.previousScanId, sourcePath, DETECTOR_VERSION) : new Map()),
      copyUnchangedFiles: (sourcePath, excluded) => (input.previousScanId ? writer.copyUnchangedFiles(input.previousScanId, sourcePath, excluded) : 0),
      analyze: async (absPath, options) => {
        const analysis = await pool().analyze(absPath, options);
        if (pool().failure) throw new Error(pool().failure!);
        return analysis;
      },
      storedLicenseFindings: (sha256) => storedLicenseFindingsOf(db, sha256),
      progress: throttledProgress(),
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
    const shape = describeFailure(error, input.workspacePath);
    try {
      endScan(db, input.scanId, 'failed', { error: shape.message });
    } catch {
      // The workspace cannot take even this write (disk full): the scan stays 'running' with no owner and is
      // marked interrupted, its rows removed, when the workspace is next opened. Readers never see it.
    }
    return { type: 'failed', error: shape };
  } finally {
    await (started as AnalyzePool | null)?.close();
    db.close();
  }
}

main(workerData as IndexWorkerInput).then(
  (message) => parentPort!.postMessage(message),
  (error: unknown) => parentPort!.postMessage({ type: 'failed', error: { code: 'internal', message: String(error) } } satisfies IndexWorkerMessage),
);

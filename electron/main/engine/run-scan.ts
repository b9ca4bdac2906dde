import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { JobProgress } from '../../../shared/model/job.js';
import type { ProjectSource } from '../../../shared/model/project.js';
import type { ScanOptions, ScanStats } from '../../../shared/model/scan.js';
import { AppError } from '../../../shared/api/errors.js';
import { expandArchives } from './1-walk/archive-expander.js';
import { archiveKind } from './1-walk/archives/index.js';
import { walkTreeAsync, type WalkedFile } from './1-walk/repo-walker.js';
import { AnalysisAhead } from './analysis-ahead.js';
import { BoundedTasks } from './bounded-tasks.js';
import type { FileAnalysis } from './2-detect/analyze-file.js';
import { isLicenseFileName, licenseMismatches, type LicenseFileEvidence } from './2-detect/inventory/license-mismatch.js';
import { mergeSources, type SourceInventory } from './2-detect/inventory/merge-sources.js';
import { buildInventory, type ParsedManifest } from './2-detect/inventory/package-inventory.js';
import { sbomInventory } from './2-detect/inventory/sbom-inventory.js';
import { manifestKind, parseManifest } from './2-detect/packages/index.js';
import type { SbomDocument } from './2-detect/sbom/types.js';
import type { IndexWriter } from './3-store/index-writer.js';
import type { ContentRecord, FileRecord, WarningRecord } from './3-store/records.js';
import { logger } from '../log/logger.js';

export class ScanCancelledError extends Error {
  constructor() {
    super('scan cancelled');
    this.name = 'ScanCancelledError';
  }
}

export interface PreviousFile {
  size: number;
  mtimeMs: number | null;
  sha256: string | null;
  type: FileRecord['type'];
  /** Its content was detected by the current detector: reusable as is. */
  current: boolean;
  /** The key of the component it belonged to. */
  componentKey: string | null;
}

export interface ScanPorts {
  writer: IndexWriter;
  /** The previous finished scan's files of a source, for incremental re-scans. */
  previousFiles(sourcePath: string): Map<string, PreviousFile>;
  /**
   * Copies the previous scan's rows of a source into this scan in one statement, all but `excluded` paths (the
   * changed, removed or re-assigned files, written one by one instead). Returns the number copied.
   */
  copyUnchangedFiles(sourcePath: string, excluded: string[]): number;
  /** Reads, hashes, decodes and detects one file (in a worker pool). */
  analyze(absPath: string | Buffer, options: { maxFileBytes: number }): Promise<FileAnalysis>;
  /** License-file findings already stored for a content (reused files are not read again). */
  storedLicenseFindings(sha256: string): { license: string }[];
  /** Called on every step; the caller throttles. */
  progress(progress: JobProgress): void;
  isCancelled(): boolean;
  /** The imported SBOM document, for the caller to keep (vulnerabilities, services …). */
  onSbom?(filePath: string, doc: SbomDocument): void;
}

const manifestSizeLimit = 32 * 1024 * 1024;
const writeBatchSize = 5000;

interface FolderPlan {
  source: ProjectSource;
  files: WalkedFile[];
  roots: Map<string, string>;
  previous: Map<string, PreviousFile>;
  ahead: AnalysisAhead;
}

/** Unchanged since the previous scan (same size and modification time): its stored results are reused. */
function isUnchanged(file: WalkedFile, old: PreviousFile | undefined): old is PreviousFile {
  return old !== undefined && old.current && old.size === file.size && old.mtimeMs === file.mtimeMs;
}

/**
 * One scan of a project: walk each folder and read its manifests, import each SBOM, merge them into one
 * inventory, then read, hash and detect every file (reusing unchanged files of the previous scan) and store it.
 */
export async function runScan(sources: ProjectSource[], options: ScanOptions, ports: ScanPorts): Promise<ScanStats> {
  const cleanups: (() => void)[] = [];
  try {
    return await scanSources(sources, options, ports, cleanups);
  } finally {
    for (const cleanup of cleanups) cleanup();
  }
}

async function scanSources(sources: ProjectSource[], options: ScanOptions, ports: ScanPorts, cleanups: (() => void)[]): Promise<ScanStats> {
  let mark = performance.now();
  const lap = (what: string): void => {
    const now = performance.now();
    logger.debug(`scan: ${what} ${(now - mark).toFixed(0)} ms`);
    mark = now;
  };
  const stats: ScanStats = {
    files: 0, textFiles: 0, binaryFiles: 0, skippedFiles: 0, reusedFiles: 0, components: 0, findings: 0, warnings: 0, bytes: 0,
  };
  const warnings: WarningRecord[] = [];
  const inventories: SourceInventory[] = [];
  const folders: FolderPlan[] = [];
  const checkCancel = (): void => {
    if (ports.isCancelled()) throw new ScanCancelledError();
  };

  for (const source of sources) {
    checkCancel();
    if (source.kind === 'sbom') {
      ports.progress({ phase: 'importing', done: 0, total: null, bytes: 0, currentPath: source.path });
      const doc = await readSbomSource(source.path, options);
      ports.onSbom?.(source.path, doc);
      const inventory = sbomInventory(source.path, doc);
      inventories.push(inventory);
      warnings.push(...inventory.warnings);
      continue;
    }
    ports.progress({ phase: 'walking', done: 0, total: null, bytes: 0, currentPath: source.path });
    const previous = options.incremental ? ports.previousFiles(source.path) : new Map<string, PreviousFile>();
    const ahead = new AnalysisAhead(ports.analyze, { maxFileBytes: options.maxFileBytes });
    const walk = await walkTreeAsync(source.path, {
      shouldStop: ports.isCancelled,
      onDirectory: (rel, filesSoFar) => ports.progress({ phase: 'walking', done: filesSoFar, total: null, bytes: 0, currentPath: rel }),
      onFile: (file) => {
        if (!isUnchanged(file, previous.get(file.relPath))) ahead.offer(file);
      },
    });
    checkCancel();
    warnings.push(...walk.warnings.map((w) => ({ path: w.relPath, location: null, message: w.message })));
    if (options.extractArchives) {
      const expanded = await expandArchives(walk.files, ports.isCancelled, (rel) =>
        ports.progress({ phase: 'walking', done: walk.files.length, total: null, bytes: 0, currentPath: rel }),
      );
      cleanups.push(expanded.cleanup);
      checkCancel();
      walk.files.push(...expanded.files);
      warnings.push(...expanded.warnings.map((w) => ({ path: w.relPath, location: null, message: w.message })));
    }

    lap(`walked ${walk.files.length} files`);
    const manifests: ParsedManifest[] = [];
    const manifestFiles = walk.files.filter((f) => manifestKind(f.relPath) !== null);
    for (const [index, file] of manifestFiles.entries()) {
      checkCancel();
      ports.progress({ phase: 'reading', done: index, total: manifestFiles.length, bytes: 0, currentPath: file.relPath });
      if (file.size > manifestSizeLimit) {
        warnings.push({ path: file.relPath, location: null, message: `manifest larger than ${manifestSizeLimit} bytes; not parsed` });
        continue;
      }
      let content: string;
      try {
        content = readFileSync(file.absPath, 'utf8');
      } catch (error) {
        warnings.push({ path: file.relPath, location: null, message: `cannot read manifest: ${(error as Error).message}` });
        continue;
      }
      manifests.push({ path: file.relPath, result: parseManifest(file.relPath, content) });
    }
    lap(`parsed ${manifests.length} manifests`);
    const inventory = buildInventory(source.path, path.basename(source.path), manifests);
    inventories.push(inventory);
    warnings.push(...inventory.warnings);
    folders.push({ source, files: walk.files, roots: inventory.roots, previous, ahead });
  }

  const merged = mergeSources(inventories);
  ports.writer.writeComponents(merged.components, merged.edges);
  stats.components = merged.components.length;
  const componentsByKey = new Map(merged.components.map((c) => [c.key, c]));
  lap(`stored ${merged.components.length} components`);

  const licenseEvidence: LicenseFileEvidence[] = [];
  /** License findings of the contents detected in this scan, for later copies of the same content. */
  const licensesSeen = new Map<string, { license: string | null; kind: string }[]>();
  const total = folders.reduce((n, f) => n + f.files.length, 0);
  let done = 0;
  for (const folder of folders) {
    const { previous, ahead } = folder;
    const locate = componentLocator(folder.roots);
    const pendingFiles: FileRecord[] = [];
    const pendingContents: ContentRecord[] = [];
    const flush = (): void => {
      if (pendingContents.length > 0) ports.writer.writeContents(pendingContents.splice(0));
      if (pendingFiles.length > 0) ports.writer.writeFiles(pendingFiles.splice(0));
    };
    const noteLicenseFile = (file: WalkedFile, componentKey: string | null, licenses: { license: string | null; kind: string }[]): void => {
      if (componentKey === null || !isLicenseFileName(path.posix.basename(file.relPath))) return;
      const component = componentsByKey.get(componentKey);
      if (!component || path.posix.dirname(file.relPath).replace(/^\.$/, '') !== (component.rootPath ?? '\0')) return;
      for (const l of licenses) {
        if (l.license && l.kind !== 'copyright' && l.kind !== 'unknown-license') {
          licenseEvidence.push({ componentKey, componentName: component.name, declaredExpression: component.declared.expression, path: file.relPath, license: l.license });
        }
      }
    };

    const copied = new Set<string>();
    const knownLicenseFiles: { file: WalkedFile; componentKey: string | null; sha256: string }[] = [];
    const countReused = (file: WalkedFile, old: PreviousFile): void => {
      stats.files++;
      stats.reusedFiles++;
      stats.bytes += file.size;
      if (old.type === 'text') stats.textFiles++;
      else if (old.type === 'binary' || old.type === 'archive') stats.binaryFiles++;
      else stats.skippedFiles++;
      if (old.sha256 && isLicenseFileName(path.posix.basename(file.relPath))) {
        noteLicenseFile(file, old.componentKey, ports.storedLicenseFindings(old.sha256).map((f) => ({ ...f, kind: 'license-text' })));
      }
    };

    const record = (file: WalkedFile, componentKey: string | null, analysis: FileAnalysis | null, reused: PreviousFile | null): void => {
      const analysed = analysis?.type ?? reused!.type;
      const type = analysed === 'binary' && archiveKind(file.relPath) !== null ? 'archive' : analysed;
      // An unreadable file has no content to name: its hash would be that of nothing.
      const sha256 = analysis ? (analysis.type === 'unreadable' ? null : analysis.sha256 || null) : reused!.sha256;
      stats.files++;
      stats.bytes += file.size;
      if (type === 'text') stats.textFiles++;
      else if (type === 'binary' || type === 'archive') stats.binaryFiles++;
      else stats.skippedFiles++;
      if (analysis) {
        // A known content's findings are stored already (by an earlier file or scan).
        if (sha256 && !analysis.known) {
          pendingContents.push({
            sha256, sha1: analysis.sha1 || null, size: analysis.size, type: analysis.type,
            encoding: analysis.encoding, error: analysis.error, findings: analysis.findings,
          });
        }
        if (analysis.error) warnings.push({ path: file.relPath, location: null, message: analysis.error });
        if (analysis.known && sha256) {
          // Detected before: in this scan, or in an earlier one. Another worker may still be detecting it for
          // the first copy, whose outcome has not arrived yet: such license files are settled after the loop.
          const seen = licensesSeen.get(sha256);
          if (seen) noteLicenseFile(file, componentKey, seen);
          else if (isLicenseFileName(path.posix.basename(file.relPath))) knownLicenseFiles.push({ file, componentKey, sha256 });
        } else {
          const licenses = analysis.findings.filter((f) => f.license !== null && f.kind !== 'copyright');
          if (sha256 && licenses.length > 0) licensesSeen.set(sha256, licenses);
          noteLicenseFile(file, componentKey, analysis.findings);
        }
      } else {
        stats.reusedFiles++;
        if (sha256 && isLicenseFileName(path.posix.basename(file.relPath))) {
          noteLicenseFile(file, componentKey, ports.storedLicenseFindings(sha256).map((f) => ({ ...f, kind: 'license-text' })));
        }
      }
      pendingFiles.push({ sourcePath: folder.source.path, path: file.relPath, size: file.size, mtimeMs: file.mtimeMs, sha256, type, componentKey });
      if (pendingFiles.length >= writeBatchSize) flush();
    };

    // Bounded concurrency: enough in flight to keep every worker busy, never the whole tree in memory.
    const inFlight = new BoundedTasks(512);
    for (const file of folder.files) {
      checkCancel();
      const componentKey = locate(file.relPath);
      const old = previous.get(file.relPath);
      if (isUnchanged(file, old)) {
        if (componentKey === old.componentKey) {
          // Unchanged and still in the same component: copied below in one statement with the others.
          copied.add(file.relPath);
          countReused(file, old);
        } else {
          record(file, componentKey, null, old);
        }
        done++;
        continue;
      }
      const started = ahead.claim(file.relPath) ?? ports.analyze(file.absPath, { maxFileBytes: options.maxFileBytes });
      const task = started.then((analysis) => {
        record(file, componentKey, analysis, null);
        done++;
        ports.progress({ phase: 'detecting', done, total, bytes: stats.bytes, currentPath: file.relPath });
      });
      await inFlight.add(task);
      if (done % 200 === 0) ports.progress({ phase: 'detecting', done, total, bytes: stats.bytes, currentPath: file.relPath });
    }
    await inFlight.drain();
    flush();
    for (const { file, componentKey, sha256 } of knownLicenseFiles) {
      noteLicenseFile(file, componentKey, licensesSeen.get(sha256) ?? ports.storedLicenseFindings(sha256).map((f) => ({ ...f, kind: 'license-text' })));
    }
    if (copied.size > 0) {
      const excluded = [...previous.keys()].filter((p) => !copied.has(p));
      ports.copyUnchangedFiles(folder.source.path, excluded);
    }
  }
  checkCancel();
  lap(`analysed and stored ${stats.files} files (${stats.reusedFiles} reused)`);

  ports.progress({ phase: 'storing', done: 0, total: null, bytes: stats.bytes, currentPath: null });
  const componentFindings = [...merged.findings, ...licenseMismatches(licenseEvidence)];
  ports.writer.writeComponentFindings(componentFindings);
  ports.writer.writeWarnings(warnings);
  stats.findings = ports.writer.materializeFileFindings() + componentFindings.length;
  stats.warnings = warnings.length;
  lap(`stored ${stats.findings} findings`);
  return stats;
}

/** Files belong to the nearest enclosing package root; lookups are cached per directory. */
function componentLocator(roots: Map<string, string>): (relPath: string) => string | null {
  const cache = new Map<string, string | null>();
  const forDirectory = (dir: string): string | null => {
    const cached = cache.get(dir);
    if (cached !== undefined) return cached;
    const own = roots.get(dir);
    const result = own ?? (dir === '' ? null : forDirectory(parentDir(dir)));
    cache.set(dir, result);
    return result;
  };
  return (relPath) => forDirectory(parentDir(relPath));
}

function parentDir(relPath: string): string {
  const slash = relPath.lastIndexOf('/');
  return slash < 0 ? '' : relPath.slice(0, slash);
}

/** Loaded on demand: the SBOM readers bring the schema validators (libxml2 in WebAssembly, ajv) with them. */
async function readSbomSource(file: string, options: ScanOptions): Promise<SbomDocument> {
  const { readSbom, SbomRejectedError } = await import('./2-detect/sbom/index.js');
  let bytes: Buffer;
  try {
    if (!statSync(file).isFile()) throw new Error('not a regular file');
    bytes = readFileSync(file);
  } catch (error) {
    throw new AppError('unreadable-input', `${file}: cannot read (${(error as Error).message})`);
  }
  try {
    return readSbom(bytes, file, { lenient: options.lenient });
  } catch (error) {
    if (error instanceof SbomRejectedError) throw new AppError('invalid-sbom', error.message, { file, problems: error.problems });
    throw error;
  }
}

import type { FileAnalysis } from './2-detect/analyze-file.js';
import type { WalkedFile } from './1-walk/repo-walker.js';

type Analyze = (absPath: string | Buffer, options: { maxFileBytes: number }) => Promise<FileAnalysis>;

/**
 * Files sent to the analysis workers while the walk, the manifests and the inventory still run on this thread,
 * so the workers are busy from the first directory on. Each is claimed later, in file order, when the file's
 * component is known. At most `limit` wait unclaimed: their results are held in memory until then.
 */
export class AnalysisAhead {
  private readonly started = new Map<string, Promise<FileAnalysis>>();

  constructor(
    private readonly analyze: Analyze,
    private readonly options: { maxFileBytes: number },
    private readonly limit = 4096,
  ) {}

  offer(file: WalkedFile): void {
    if (this.started.size < this.limit) this.started.set(file.relPath, this.analyze(file.absPath, this.options));
  }

  /** The analysis started for this file, if any; each is handed out once. */
  claim(relPath: string): Promise<FileAnalysis> | undefined {
    const started = this.started.get(relPath);
    if (started) this.started.delete(relPath);
    return started;
  }
}

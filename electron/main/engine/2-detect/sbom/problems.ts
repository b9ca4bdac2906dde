import { SbomRejectedError } from './errors.js';
import type { SbomProblem } from './types.js';

/** Collects the problems of one document, so every reader reports them the same way. */
export class ProblemLog {
  readonly problems: SbomProblem[] = [];

  constructor(readonly file: string) {}

  error(location: string | null, message: string): void {
    this.problems.push({ file: this.file, location, message, severity: 'error' });
  }

  warning(location: string | null, message: string): void {
    this.problems.push({ file: this.file, location, message, severity: 'warning' });
  }

  get hasErrors(): boolean {
    return this.problems.some((problem) => problem.severity === 'error');
  }

  /** Stops reading now: the document cannot be read at all. */
  reject(location: string | null, message: string): never {
    this.error(location, message);
    throw new SbomRejectedError(this.file, this.problems);
  }
}

/** RFC 6901 pointer from path segments. */
export function jsonPointer(segments: readonly (string | number)[]): string {
  return segments.map((segment) => `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

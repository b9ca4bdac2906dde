import { AppError } from '../../../../../shared/api/errors.js';
import type { SbomProblem } from './types.js';

const LISTED_PROBLEMS = 5;

/** The document cannot be read, or (strict read) breaks its schema. Carries every problem found. */
export class SbomRejectedError extends AppError {
  readonly file: string;
  readonly problems: SbomProblem[];

  constructor(file: string, problems: SbomProblem[]) {
    super('invalid-sbom', describeRejection(file, problems), { file, problems });
    this.name = 'SbomRejectedError';
    this.file = file;
    this.problems = problems;
  }
}

function describeRejection(file: string, problems: SbomProblem[]): string {
  const errors = problems.filter((problem) => problem.severity === 'error');
  const listed = (errors.length > 0 ? errors : problems).slice(0, LISTED_PROBLEMS);
  const lines = listed.map((problem) => `  - ${problem.location ? `${problem.location}: ` : ''}${problem.message}`);
  const more = errors.length > listed.length ? `\n  … and ${errors.length - listed.length} more` : '';
  return `SBOM rejected: ${file}\n${lines.join('\n')}${more}`;
}

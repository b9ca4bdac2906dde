import { parseArgs } from 'node:util';
import { isAppError } from '../../../shared/api/errors.js';
import { startScan } from '../services/projects-service.js';
import { findProject } from '../db/repositories/projects-repo.js';
import { CliError, usageError } from './cli-error.js';
import { openCliContext } from './open-context.js';
import { ProgressBar } from './progress-bar.js';

export async function scanCommand(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        project: { type: 'string' },
        extract: { type: 'boolean', default: false },
        lenient: { type: 'boolean', default: false },
        full: { type: 'boolean', default: false },
        'max-file-size': { type: 'string' },
        workers: { type: 'string' },
      },
    });
  } catch (error) {
    throw usageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0) throw usageError('scan: give at least one folder or SBOM file');
  const maxFileBytes = values['max-file-size'] === undefined ? undefined : Number(values['max-file-size']);
  if (maxFileBytes !== undefined && (!Number.isInteger(maxFileBytes) || maxFileBytes <= 0)) {
    throw usageError(`--max-file-size: expected a positive number of bytes, got "${values['max-file-size']}"`);
  }
  const workers = values.workers === undefined ? undefined : Number(values.workers);

  const ctx = openCliContext(values.db);
  const bar = new ProgressBar();
  try {
    let started;
    try {
      started = startScan(ctx, {
        paths: positionals,
        ...(values.project ? { projectName: values.project } : {}),
        options: {
          extractArchives: values.extract,
          lenient: values.lenient,
          incremental: !values.full,
          ...(maxFileBytes ? { maxFileBytes } : {}),
        },
        ...(workers ? { analyzeWorkers: workers } : {}),
      });
    } catch (error) {
      if (isAppError(error)) throw new CliError(error.message, error.code === 'internal' ? 1 : 2);
      throw error;
    }
    const unsubscribe = ctx.events.subscribe((message) => {
      if (message.name === 'job.progress' && message.payload.id === started.jobId) bar.update(message.payload);
    });
    const interrupt = (): void => {
      ctx.jobs.cancel(started.jobId);
    };
    process.once('SIGINT', interrupt);
    const job = await ctx.jobs.whenDone(started.jobId);
    process.off('SIGINT', interrupt);
    unsubscribe();
    bar.clear();
    const project = findProject(ctx.db, started.projectId);
    const seconds = ((Date.parse(job.finishedAt!) - Date.parse(job.startedAt)) / 1000).toFixed(1);
    if (job.state === 'finished') {
      process.stdout.write(`${project?.name ?? 'project'}: ${job.summary} in ${seconds} s (workspace ${ctx.workspacePath})\n`);
      return 0;
    }
    if (job.state === 'cancelled') {
      process.stderr.write(`${project?.name ?? 'project'}: scan cancelled; the previous snapshot is unchanged\n`);
      return 1;
    }
    const badInput = job.errorCode === 'unreadable-input' || job.errorCode === 'invalid-sbom' || job.errorCode === 'bad-request';
    throw new CliError(`scan failed: ${job.error ?? 'unknown error'}`, badInput ? 2 : 1);
  } finally {
    bar.clear();
    await ctx.close();
  }
}

import { AppError } from '../../../shared/api/errors.js';
import type { ApiHandlers } from '../api/handler-types.js';

export const jobsHandlers = {
  'jobs.list': (_params, ctx) => ctx.jobs.list(),
  'jobs.cancel': ({ jobId }, ctx) => {
    const job = ctx.jobs.cancel(jobId);
    if (!job) throw new AppError('not-found', `no job ${jobId}`);
    return job;
  },
} satisfies Partial<ApiHandlers>;

import { create } from 'zustand';
import type { Job } from '../../../shared/model/job';
import { isJobDone } from '../../../shared/model/job';
import { invoke, onEvent } from '../api/api-client';

interface JobsState {
  jobs: Record<string, Job>;
  /** Finished jobs the user has not dismissed yet. */
  dismissed: Set<string>;
  load(): Promise<void>;
  cancel(jobId: string): Promise<void>;
  dismiss(jobId: string): void;
}

export const useJobsStore = create<JobsState>((set, get) => ({
  jobs: {},
  dismissed: new Set(),
  async load() {
    const jobs = await invoke('jobs.list');
    set({ jobs: Object.fromEntries(jobs.map((j) => [j.id, j])) });
  },
  async cancel(jobId) {
    const job = await invoke('jobs.cancel', { jobId });
    set({ jobs: { ...get().jobs, [job.id]: job } });
  },
  dismiss(jobId) {
    set({ dismissed: new Set([...get().dismissed, jobId]) });
  },
}));

function upsert(job: Job): void {
  const current = useJobsStore.getState().jobs[job.id];
  // A late progress event must not resurrect a finished job.
  if (current && isJobDone(current.state) && !isJobDone(job.state)) return;
  useJobsStore.setState({ jobs: { ...useJobsStore.getState().jobs, [job.id]: job } });
}

onEvent('job.progress', upsert);
onEvent('job.finished', upsert);

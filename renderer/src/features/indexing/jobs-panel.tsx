import { isJobDone, type Job } from '../../../../shared/model/job';
import { ProgressMeter } from '../../components/feedback/progress-meter';
import { formatBytes } from '../../lib/format';
import { useJobsStore } from '../../stores/jobs-store';

const phaseLabels: Record<Job['progress']['phase'], string> = {
  starting: 'Starting',
  walking: 'Listing files',
  reading: 'Reading manifests',
  detecting: 'Detecting licenses',
  importing: 'Importing SBOM',
  storing: 'Storing results',
  finishing: 'Finishing',
};

function JobRow({ job }: { job: Job }) {
  const cancel = useJobsStore((s) => s.cancel);
  const dismiss = useJobsStore((s) => s.dismiss);
  const done = isJobDone(job.state);
  const { progress } = job;
  return (
    <div className={`job job-${job.state}`} data-testid="job" data-state={job.state}>
      <div className="job-title">
        <strong>{job.title}</strong>
        <span className="job-state">{done ? job.state : phaseLabels[progress.phase]}</span>
      </div>
      {!done && (
        <>
          <ProgressMeter done={progress.done} total={progress.total} label={`${job.title} progress`} />
          <div className="job-detail">
            {progress.total !== null ? `${progress.done.toLocaleString()} / ${progress.total.toLocaleString()}` : progress.done > 0 ? progress.done.toLocaleString() : ''}
            {progress.bytes > 0 && ` · ${formatBytes(progress.bytes)}`}
            {progress.currentPath && <span className="job-path" title={progress.currentPath}> · {progress.currentPath}</span>}
          </div>
        </>
      )}
      {done && <div className="job-detail">{job.error ?? job.summary}</div>}
      <div className="job-actions">
        {!done ? (
          <button type="button" onClick={() => void cancel(job.id)}>
            Cancel
          </button>
        ) : (
          <button type="button" onClick={() => dismiss(job.id)} aria-label={`Dismiss ${job.title}`}>
            Dismiss
          </button>
        )}
      </div>
    </div>
  );
}

/** Running and recently finished jobs, with progress and cancel; always visible at the bottom of the window. */
export function JobsPanel() {
  const jobs = useJobsStore((s) => s.jobs);
  const dismissed = useJobsStore((s) => s.dismissed);
  const visible = Object.values(jobs)
    .filter((j) => !dismissed.has(j.id))
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt))
    .slice(0, 4);
  if (visible.length === 0) return null;
  return (
    <section className="jobs-panel" aria-label="Jobs" aria-live="polite">
      {visible.map((job) => (
        <JobRow key={job.id} job={job} />
      ))}
    </section>
  );
}

import type { Job } from '../../../shared/model/job.js';

const phaseLabels: Record<Job['progress']['phase'], string> = {
  starting: 'Starting',
  walking: 'Listing files',
  reading: 'Reading manifests',
  detecting: 'Detecting',
  importing: 'Importing SBOM',
  storing: 'Storing',
  finishing: 'Finishing',
};

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/** A one-line progress bar redrawn in place on a terminal (stderr), silent when stderr is not a terminal. */
export class ProgressBar {
  private lastLength = 0;
  private readonly enabled: boolean;

  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {
    this.enabled = stream.isTTY === true;
  }

  update(job: Job): void {
    if (!this.enabled) return;
    const { phase, done, total, bytes, currentPath } = job.progress;
    const width = 24;
    let bar = '';
    if (total !== null && total > 0) {
      const filled = Math.round((Math.min(done, total) / total) * width);
      bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`;
    } else if (done > 0) {
      bar = `${done}`;
    }
    const columns = this.stream.columns ?? 100;
    let line = `${phaseLabels[phase]} ${bar}${bytes > 0 ? ` ${formatBytes(bytes)}` : ''}`;
    if (currentPath) line += ` ${currentPath}`;
    if (line.length > columns - 1) line = line.slice(0, columns - 2) + '…';
    this.stream.write(`\r${line}${' '.repeat(Math.max(0, this.lastLength - line.length))}`);
    this.lastLength = line.length;
  }

  clear(): void {
    if (!this.enabled || this.lastLength === 0) return;
    this.stream.write(`\r${' '.repeat(this.lastLength)}\r`);
    this.lastLength = 0;
  }
}

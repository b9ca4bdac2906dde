import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { AppError } from '../../../shared/api/errors.js';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One interactive session (desktop app or `clearance serve`) per workspace: a second one would show stale data
 * and race on decisions. Short CLI commands do not take the lock; SQLite's WAL serialises their writes.
 * A lock left by a crashed process (same host, pid gone) is taken over.
 */
export function acquireWorkspaceLock(workspaceFile: string, owner: string): () => void {
  const lockFile = `${workspaceFile}.lock`;
  const me = JSON.stringify({ pid: process.pid, host: hostname(), owner, since: new Date().toISOString() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, me);
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          unlinkSync(lockFile);
        } catch {
          // already gone: nothing to release
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new AppError('unreadable-input', `${lockFile}: cannot create the workspace lock (${(error as Error).message})`);
      }
      let holder: { pid?: number; host?: string; owner?: string } = {};
      try {
        holder = JSON.parse(readFileSync(lockFile, 'utf8')) as typeof holder;
      } catch {
        // unreadable lock: treat as stale
      }
      const stale = holder.host === hostname() && typeof holder.pid === 'number' && !isAlive(holder.pid);
      if (!stale && holder.pid !== undefined) {
        throw new AppError(
          'workspace-locked',
          `${workspaceFile}: already open in another Clearance session (${holder.owner ?? 'unknown'}, pid ${holder.pid} on ${holder.host}). Close it first, or open another workspace with --db.`,
          { lockFile, holder },
        );
      }
      try {
        unlinkSync(lockFile);
      } catch {
        // raced with another process: retry
      }
    }
  }
  throw new AppError('workspace-locked', `${workspaceFile}: could not take the workspace lock ${lockFile}`);
}

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { AppContext, PlatformPort } from '../app-context.js';
import { EventBus } from '../api/events.js';
import { appVersion, defaultResourcesDir } from '../app-paths.js';
import { openWorkspace } from '../db/connection.js';
import { recoverInterruptedScans } from '../db/repositories/scans-repo.js';
import { JobRegistry } from '../jobs/job-registry.js';
import { QueryWorkerClient } from '../workers/query-worker-client.js';

export interface ContextOptions {
  workspacePath: string;
  platform: PlatformPort;
  resourcesDir?: string;
}

/** Opens the workspace (migrating it, recovering scans a killed process left running) and composes services. */
export function createAppContext(options: ContextOptions): AppContext & { close(): Promise<void> } {
  const workspacePath = path.resolve(options.workspacePath);
  mkdirSync(path.dirname(workspacePath), { recursive: true });
  const db = openWorkspace(workspacePath);
  recoverInterruptedScans(db);
  const events = new EventBus();
  const jobs = new JobRegistry(events);
  const resourcesDir = options.resourcesDir ?? defaultResourcesDir;
  const queries = new QueryWorkerClient({ workspacePath, resourcesDir, version: appVersion });
  return {
    db,
    workspacePath,
    version: appVersion,
    events,
    jobs,
    platform: options.platform,
    resourcesDir,
    queries,
    async close() {
      await jobs.shutdown();
      await queries.close();
      db.close();
    },
  };
}

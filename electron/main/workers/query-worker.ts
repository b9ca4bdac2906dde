import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../../shared/api/errors.js';
import type { AppContext } from '../app-context.js';
import { dispatch } from '../api/dispatch.js';
import { EventBus } from '../api/events.js';
import { openWorkspaceReadonly } from '../db/connection.js';
import type { WritableDb } from '../db/db-types.js';
import { JobRegistry } from '../jobs/job-registry.js';
import type { QueryRequest, QueryResponse, QueryWorkerInput } from './query-worker-protocol.js';

/**
 * Worker entry: answers the read-only methods of `offloadedMethods` with its own read-only connection, through the
 * same dispatch and handlers as the main thread, so a large query never holds up the app's other calls.
 */
const input = workerData as QueryWorkerInput;
// Read-only at the SQLite level: a handler that tried to write would fail loudly, never corrupt.
const db = openWorkspaceReadonly(input.workspacePath) as unknown as WritableDb;
const events = new EventBus();
const unavailable = async (): Promise<never> => {
  throw new AppError('unsupported', 'not available in a query worker');
};
const ctx: AppContext = {
  db,
  workspacePath: input.workspacePath,
  version: input.version,
  events,
  jobs: new JobRegistry(events),
  platform: { mode: 'browser', canPickPaths: false, pickPaths: unavailable, revealPath: unavailable },
  resourcesDir: input.resourcesDir,
};

parentPort!.on('message', (request: QueryRequest) => {
  void dispatch(ctx, request.method, request.params).then((envelope) => parentPort!.postMessage({ id: request.id, envelope } satisfies QueryResponse));
});

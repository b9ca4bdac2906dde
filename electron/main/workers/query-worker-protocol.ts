import type { ApiEnvelope } from '../../../shared/api/errors.js';

/** Read-only API methods heavy enough at 100,000 findings to be answered off the main thread. */
export const offloadedMethods: ReadonlySet<string> = new Set(['review.findings', 'review.queue', 'policy.evaluate', 'findings.list', 'components.list']);

export interface QueryWorkerInput {
  workspacePath: string;
  resourcesDir: string;
  version: string;
}

export interface QueryRequest {
  id: number;
  method: string;
  params: unknown;
}

export interface QueryResponse {
  id: number;
  envelope: ApiEnvelope<unknown>;
}

import type { ApiEnvelope } from '../../shared/api/errors.js';
import type { WritableDb } from './db/db-types.js';
import type { EventBus } from './api/events.js';
import type { JobRegistry } from './jobs/job-registry.js';

/** What only the host can do: native dialogs and the file manager. Electron and headless hosts implement it. */
export interface PlatformPort {
  mode: 'electron' | 'browser';
  canPickPaths: boolean;
  pickPaths(kind: 'folder' | 'sbom'): Promise<string[]>;
  revealPath(path: string): Promise<void>;
}

/** Everything a service needs, composed once by the host (desktop app, `clearance serve`, CLI, tests). */
export interface AppContext {
  db: WritableDb;
  workspacePath: string;
  version: string;
  events: EventBus;
  jobs: JobRegistry;
  platform: PlatformPort;
  /** Folder holding the bundled resources (sample workspace, policies …). */
  resourcesDir: string;
  /** Answers heavy read-only methods off the main thread (absent inside the query worker itself). */
  queries?: { call(method: string, params: unknown): Promise<ApiEnvelope<unknown>> };
}

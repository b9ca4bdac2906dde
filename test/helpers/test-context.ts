import path from 'node:path';
import { afterEach } from 'vitest';
import type { Job } from '../../shared/model/job.js';
import type { ScanOptions } from '../../shared/model/scan.js';
import type { AppContext } from '../../electron/main/app-context.js';
import { createAppContext } from '../../electron/main/host/create-context.js';
import { headlessPlatform } from '../../electron/main/host/headless-platform.js';
import { startScan } from '../../electron/main/services/projects-service.js';
import { makeTempDir } from './temp-dir.js';

export type TestContext = AppContext & { close(): Promise<void> };

const open: TestContext[] = [];

/** A real app context over a fresh workspace file in a temp folder, closed after the test. */
export function makeTestContext(workspace?: string): TestContext {
  const ctx = createAppContext({ workspacePath: workspace ?? path.join(makeTempDir('clearance-ws-'), 'workspace.sqlite'), platform: headlessPlatform });
  open.push(ctx);
  return ctx;
}

afterEach(async () => {
  while (open.length > 0) await open.pop()!.close();
});

/** Starts a scan through the same service the app and CLI use, and waits for its job to end. */
export async function scanAndWait(
  ctx: AppContext,
  paths: string[],
  options: Partial<ScanOptions> & { projectName?: string; projectId?: number; workers?: number } = {},
): Promise<{ job: Job; projectId: number }> {
  const { projectName, projectId, workers, ...scanOptions } = options;
  const started = startScan(ctx, {
    paths,
    ...(projectName ? { projectName } : {}),
    ...(projectId ? { projectId } : {}),
    options: scanOptions,
    analyzeWorkers: workers ?? 2,
  });
  const job = await ctx.jobs.whenDone(started.jobId);
  return { job, projectId: started.projectId };
}

import { existsSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/api/errors.js';
import type { ApiHandlers } from '../api/handler-types.js';
import type { AppContext } from '../app-context.js';
import { latestSchemaVersion } from '../db/migrate.js';
import { findProjectByName } from '../db/repositories/projects-repo.js';
import { startScan } from './projects-service.js';

export const sampleProjectName = 'Sample: acme-webshop';

function samplePaths(ctx: AppContext): { folder: string; sbom: string } {
  const root = path.join(ctx.resourcesDir, 'sample');
  return { folder: path.join(root, 'acme-webshop'), sbom: path.join(root, 'supplier-payment-sdk.cdx.json') };
}

export const appHandlers = {
  'app.info': (_params, ctx) => {
    const sample = samplePaths(ctx);
    return {
      version: ctx.version,
      mode: ctx.platform.mode,
      workspacePath: ctx.workspacePath,
      schemaVersion: latestSchemaVersion,
      canPickPaths: ctx.platform.canPickPaths,
      sample: { path: sample.folder, available: existsSync(sample.folder), opened: findProjectByName(ctx.db, sampleProjectName) !== null },
    };
  },
  'sample.open': (_params, ctx) => {
    const sample = samplePaths(ctx);
    if (!existsSync(sample.folder)) throw new AppError('not-found', `the sample workspace is missing from this installation (${sample.folder})`);
    const existing = findProjectByName(ctx.db, sampleProjectName);
    return startScan(ctx, {
      paths: [sample.folder, sample.sbom],
      ...(existing ? { projectId: existing.id } : { projectName: sampleProjectName }),
    });
  },
  'platform.pickPaths': async ({ kind }, ctx) => {
    if (!ctx.platform.canPickPaths) throw new AppError('unsupported', 'file dialogs are not available in browser mode; type or paste the path instead');
    return { paths: await ctx.platform.pickPaths(kind) };
  },
  'platform.revealPath': async ({ path: target }, ctx) => {
    await ctx.platform.revealPath(target);
    return null;
  },
} satisfies Partial<ApiHandlers>;

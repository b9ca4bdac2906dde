import path from 'node:path';
import { AppError } from '../../../shared/api/errors.js';
import type { ProjectSummary } from '../../../shared/model/project.js';
import { defaultScanOptions, type ScanOptions } from '../../../shared/model/scan.js';
import type { ApiHandlers } from '../api/handler-types.js';
import type { AppContext } from '../app-context.js';
import {
  addProjectSources,
  createProject,
  deleteProject,
  findProject,
  latestScanId,
  removeProjectSources,
  findProjectByName,
  findProjectBySourcePath,
  renameProject,
  setDistributionModel,
  summarizeProjects,
  uniqueProjectName,
} from '../db/repositories/projects-repo.js';
import { listSbomDocuments } from '../db/repositories/sbom-documents-repo.js';
import { listScans, listScanWarnings } from '../db/repositories/scans-repo.js';
import { startScanJob } from '../workers/index-worker-client.js';
import { classifySources } from './scan-sources.js';

export function projectSummary(ctx: AppContext, projectId: number): ProjectSummary {
  const summary = summarizeProjects(ctx.db, ctx.jobs.runningByProject()).find((p) => p.id === projectId);
  if (!summary) throw new AppError('not-found', `no project with id ${projectId}`);
  return summary;
}

export interface ScanRequest {
  paths: string[];
  projectId?: number;
  projectName?: string;
  options?: Partial<ScanOptions>;
  analyzeWorkers?: number;
}

/**
 * Adds the given folders and SBOMs to a project (a new one unless an id is given) and re-scans all of the
 * project's sources as one snapshot. Inputs are checked before anything is written.
 */
export function startScan(ctx: AppContext, request: ScanRequest): { jobId: string; projectId: number } {
  const sources = classifySources(request.paths);
  const options: ScanOptions = { ...defaultScanOptions, ...request.options };
  const { project, allSources, created, added } = ctx.db.transaction(() => {
    let created = false;
    let project = request.projectId !== undefined ? findProject(ctx.db, request.projectId) : null;
    if (request.projectId !== undefined && !project) throw new AppError('not-found', `no project with id ${request.projectId}`);
    // A named project is reused (re-scan by name, as the CLI's --project does); otherwise a new one is made.
    if (!project && request.projectName) project = findProjectByName(ctx.db, request.projectName);
    if (!project && !request.projectName) project = findProjectBySourcePath(ctx.db, sources[0]!.path);
    if (!project) {
      project = createProject(ctx.db, request.projectName ?? uniqueProjectName(ctx.db, path.basename(sources[0]!.path)));
      created = true;
    }
    const known = new Set(project.sources.map((s) => s.path));
    addProjectSources(ctx.db, project.id, sources);
    return { project, allSources: findProject(ctx.db, project.id)!.sources, created, added: sources.filter((s) => !known.has(s.path)) };
  }).immediate();
  ctx.events.emit('data.changed', { topics: ['projects'] });
  // A source that could not be scanned is not kept: the project stays as it was before this request.
  const undo = (): void => {
    if (created && latestScanId(ctx.db, project.id) === null) deleteProject(ctx.db, project.id);
    else removeProjectSources(ctx.db, project.id, added.map((s) => s.path));
  };
  const job = startScanJob(ctx, project.id, project.name, allSources, options, request.analyzeWorkers, undo);
  return { jobId: job.id, projectId: project.id };
}

export const projectsHandlers = {
  'projects.list': (_params, ctx) => summarizeProjects(ctx.db, ctx.jobs.runningByProject()),
  'projects.get': ({ projectId }, ctx) => projectSummary(ctx, projectId),
  'projects.rename': ({ projectId, name }, ctx) => {
    projectSummary(ctx, projectId);
    const clash = ctx.db.prepare('SELECT id FROM projects WHERE name = ? AND id <> ?').get(name, projectId);
    if (clash) throw new AppError('conflict', `a project named "${name}" already exists`);
    renameProject(ctx.db, projectId, name);
    ctx.events.emit('data.changed', { topics: ['projects'] });
    return projectSummary(ctx, projectId);
  },
  'projects.setDistribution': ({ projectId, distributionModel }, ctx) => {
    projectSummary(ctx, projectId);
    setDistributionModel(ctx.db, projectId, distributionModel);
    ctx.events.emit('data.changed', { topics: ['projects', 'policy'] });
    return projectSummary(ctx, projectId);
  },
  'projects.remove': ({ projectId }, ctx) => {
    const summary = projectSummary(ctx, projectId);
    if (summary.runningJobId) throw new AppError('conflict', `project "${summary.name}" is being scanned; cancel the scan first`);
    deleteProject(ctx.db, projectId);
    ctx.events.emit('data.changed', { topics: ['projects', 'components', 'findings'] });
    return null;
  },
  'scans.start': (params, ctx) => startScan(ctx, params),
  'scans.list': ({ projectId }, ctx) => listScans(ctx.db, projectId),
  'scans.warnings': ({ scanId }, ctx) => listScanWarnings(ctx.db, scanId),
  'scans.documents': ({ scanId }, ctx) => listSbomDocuments(ctx.db, scanId),
} satisfies Partial<ApiHandlers>;

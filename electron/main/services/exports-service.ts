import { AppError } from '../../../shared/api/errors.js';
import type { ExportedDocument } from '../../../shared/api/contract.js';
import type { ApiHandlers } from '../api/handler-types.js';
import type { AppContext } from '../app-context.js';
import { listComponents } from '../db/repositories/components-repo.js';
import { buildExportModel } from '../db/repositories/export-repo.js';
import type { ExportDecision } from '../engine/6-report/export-model.js';
import { decisionsInForceFor } from './decisions-service.js';
import { iterateFindings } from '../db/repositories/findings-repo.js';
import { findProject, listProjects } from '../db/repositories/projects-repo.js';
import { findingToJsonLine } from '../engine/6-report/findings-jsonl.js';
import { writeCycloneDx, writeSpdx } from '../engine/6-report/formats/index.js';
import { addImportedSbomSections } from './exports-sbom-sections.js';

export type SbomExportFormat = 'cyclonedx-json' | 'cyclonedx-xml' | 'spdx-json' | 'spdx-tag-value' | 'spdx-jsonld';

function scopeName(ctx: AppContext, projectId: number | undefined): { ids: number[] | null; name: string } {
  if (projectId === undefined) {
    if (listProjects(ctx.db).length === 0) throw new AppError('not-found', 'the workspace has no projects to export; scan a folder or import an SBOM first');
    return { ids: null, name: 'clearance-workspace' };
  }
  const project = findProject(ctx.db, projectId);
  if (!project) throw new AppError('not-found', `no project with id ${projectId}`);
  return { ids: [projectId], name: project.name };
}

function fileSafe(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'export';
}

/** The decision in force for every exported component, in the writers' terms. */
function decisionsByComponent(ctx: AppContext, projectIds: number[] | null): Map<number, { concluded: string | null; decision: ExportDecision }> {
  const components = projectIds === null ? listComponents(ctx.db) : projectIds.flatMap((id) => listComponents(ctx.db, id));
  const result = new Map<number, { concluded: string | null; decision: ExportDecision }>();
  for (const [id, match] of decisionsInForceFor(ctx.db, components)) {
    if (!match) continue;
    const d = match.decision;
    result.set(id, {
      concluded: d.concludedLicense,
      decision: {
        id: d.uid,
        state: d.state,
        concludedLicense: d.concludedLicense,
        rationale: d.rationale,
        reviewer: `${d.reviewer.name} <${d.reviewer.email}>`,
        decidedAt: d.decidedAt,
      },
    });
  }
  return result;
}

/** An SBOM of the latest scan of one project, or of every project, in the requested format. */
export function exportSbom(ctx: AppContext, projectId: number | undefined, format: SbomExportFormat, spec: '1.5' | '1.6' | '1.7' = '1.6'): ExportedDocument {
  const scope = scopeName(ctx, projectId);
  const model = buildExportModel(ctx.db, scope.ids, { name: 'Clearance', version: ctx.version }, scope.name, decisionsByComponent(ctx, scope.ids));
  addImportedSbomSections(ctx.db, scope.ids, model);
  const base = fileSafe(scope.name);
  switch (format) {
    case 'cyclonedx-json':
      return { fileName: `${base}.cdx.json`, mediaType: 'application/vnd.cyclonedx+json', content: writeCycloneDx(model, { spec, format: 'json' }) };
    case 'cyclonedx-xml':
      return { fileName: `${base}.cdx.xml`, mediaType: 'application/vnd.cyclonedx+xml', content: writeCycloneDx(model, { spec, format: 'xml' }) };
    case 'spdx-json':
      return { fileName: `${base}.spdx.json`, mediaType: 'application/spdx+json', content: writeSpdx(model, { format: 'json' }) };
    case 'spdx-tag-value':
      return { fileName: `${base}.spdx`, mediaType: 'text/spdx', content: writeSpdx(model, { format: 'tag-value' }) };
    case 'spdx-jsonld':
      return { fileName: `${base}.spdx3.jsonld`, mediaType: 'application/ld+json', content: writeSpdx(model, { format: 'jsonld' }) };
  }
}

/** Every finding as JSON Lines (docs/findings-format.md). */
export function* findingLines(ctx: AppContext, projectId: number | undefined): Generator<string> {
  const scope = scopeName(ctx, projectId);
  for (const finding of iterateFindings(ctx.db, scope.ids?.[0] ?? null)) yield findingToJsonLine(finding);
}

export const exportsHandlers = {
  'exports.sbom': ({ projectId, format, spec }, ctx) => exportSbom(ctx, projectId, format, spec),
  'exports.findings': ({ projectId }, ctx) => {
    const scope = scopeName(ctx, projectId);
    const lines = [...findingLines(ctx, projectId)];
    return { fileName: `${fileSafe(scope.name)}.findings.jsonl`, mediaType: 'application/x-ndjson', content: lines.length ? `${lines.join('\n')}\n` : '' };
  },
} satisfies Partial<ApiHandlers>;

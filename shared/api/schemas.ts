import { z } from 'zod';
import { reviewParamSchemas } from './review-contract.js';

/**
 * Runtime validators for every method's params. The contract's param types are inferred from these, so a
 * method's params are written once and checked at the boundary of both transports.
 */
const id = z.number().int().positive();
const none = z.undefined().or(z.null()).or(z.object({}).strict());

const distributionModel = z.enum(['internal', 'saas', 'binary', 'source']);
const scanOptions = z
  .object({
    extractArchives: z.boolean(),
    maxFileBytes: z.number().int().positive(),
    lenient: z.boolean(),
    incremental: z.boolean(),
  })
  .partial()
  .strict();

const findingsQuery = z
  .object({
    projectId: id.optional(),
    componentId: id.optional(),
    fileId: id.optional(),
    kinds: z.array(z.string()).optional(),
    license: z.string().optional(),
    search: z.string().max(500).optional(),
    sort: z
      .object({ column: z.enum(['path', 'kind', 'license', 'score', 'component']), desc: z.boolean() })
      .optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(5000).default(200),
  })
  .strict();

export const paramSchemas = {
  'app.info': none,
  'projects.list': none,
  'projects.get': z.object({ projectId: id }).strict(),
  'projects.rename': z.object({ projectId: id, name: z.string().trim().min(1).max(200) }).strict(),
  'projects.setDistribution': z.object({ projectId: id, distributionModel }).strict(),
  'projects.remove': z.object({ projectId: id }).strict(),
  'scans.start': z
    .object({
      paths: z.array(z.string().min(1)).min(1),
      projectId: id.optional(),
      projectName: z.string().trim().min(1).max(200).optional(),
      options: scanOptions.optional(),
    })
    .strict(),
  'scans.list': z.object({ projectId: id }).strict(),
  'scans.warnings': z.object({ scanId: id }).strict(),
  'scans.documents': z.object({ scanId: id }).strict(),
  'sample.open': none,
  'components.list': z.object({ projectId: id.optional() }).strict(),
  'components.get': z.object({ componentId: id }).strict(),
  'files.tree': z.object({ scanId: id, dir: z.string(), componentId: id.optional() }).strict(),
  'files.get': z.object({ fileId: id }).strict(),
  'findings.list': findingsQuery,
  'licenses.reference': z.object({ licenseId: z.string().min(1).max(200) }).strict(),
  'licenses.compare': z.object({ findingId: id, licenseId: z.string().min(1).max(200).optional() }).strict(),
  'jobs.list': none,
  'jobs.cancel': z.object({ jobId: z.string().min(1) }).strict(),
  'exports.sbom': z
    .object({
      projectId: id.optional(),
      format: z.enum(['cyclonedx-json', 'cyclonedx-xml', 'spdx-json', 'spdx-tag-value', 'spdx-jsonld']),
      spec: z.enum(['1.5', '1.6', '1.7']).optional(),
    })
    .strict(),
  'exports.findings': z.object({ projectId: id.optional() }).strict(),
  'platform.pickPaths': z.object({ kind: z.enum(['folder', 'sbom']) }).strict(),
  'platform.revealPath': z.object({ path: z.string().min(1) }).strict(),
  ...reviewParamSchemas,
} as const;

export type ParamSchemas = typeof paramSchemas;

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { QueueStatus } from '../../../shared/api/review-contract.js';
import { AppError } from '../../../shared/api/errors.js';
import type { ApiHandlers } from '../api/handler-types.js';
import type { AppContext } from '../app-context.js';
import { listDecisions } from '../db/repositories/decisions-repo.js';
import { listPolicyVersions } from '../db/repositories/policy-repo.js';
import { setCurrentReviewer } from '../db/repositories/reviewers-repo.js';
import { evaluateExpression } from '../engine/4-evaluate/expression-verdict.js';
import { identityOrThrow, reviewerInfo, signingKey } from '../engine/5-review/reviewer-session.js';
import { importDecisionLines } from '../engine/5-review/trail-import.js';
import {
  decisionsForComponent,
  exportDecisionLines,
  previewBulk,
  recordDecisions,
  resolveSubject,
  verifyWorkspaceTrail,
} from './decisions-service.js';
import { reviewFindings } from './review-findings-service.js';
import { currentPolicy, evaluateProject, policyState, reviewProject, savePolicy, sortQueue, validatePolicy } from './policy-service.js';

function changed(ctx: AppContext, topics: ('decisions' | 'policy' | 'components')[]): void {
  ctx.events.emit('data.changed', { topics });
}

const allStatuses: QueueStatus[] = ['undecided', 'changed', 'expired', 'conflict', 'pending', 'decided'];

/** Handlers of the review domain (policy, decisions, review queue, reviewer): see shared/api/review-contract.ts. */
export const reviewHandlers = {
  'policy.get': (params, ctx) => policyState(ctx.db, params && 'version' in params ? params.version : undefined, ctx.resourcesDir),
  'policy.versions': (_params, ctx) => listPolicyVersions(ctx.db),
  'policy.validate': ({ text }, ctx) => validatePolicy(text, ctx.resourcesDir),
  'policy.save': ({ text, comment, savedBy }, ctx) => {
    const result = savePolicy(ctx.db, text, { ...(comment ? { comment } : {}), ...(savedBy ? { savedBy } : {}) }, ctx.resourcesDir);
    if (result.ok) changed(ctx, ['policy']);
    return result;
  },
  'policy.evaluate': ({ projectId }, ctx) => evaluateProject(ctx.db, projectId, undefined, ctx.resourcesDir),
  'policy.explain': ({ expression, distributionModel }, ctx) => evaluateExpression(currentPolicy(ctx.db, ctx.resourcesDir).policy, distributionModel, expression),

  'decisions.record': ({ subject, supersedesUid, ...input }, ctx) => {
    const [decision] = recordDecisions(ctx.db, [{ resolved: resolveSubject(ctx.db, subject), input, supersedesUid }], ctx.resourcesDir);
    changed(ctx, ['decisions', 'components']);
    return decision!;
  },
  'decisions.recordBulk': ({ subjects, preview, ...input }, ctx) => {
    const resolved = subjects.map((s) => resolveSubject(ctx.db, s));
    const items = previewBulk(ctx.db, resolved, input);
    if (preview) return { preview: true, items, recorded: [] };
    const toRecord = resolved.filter((_, i) => items[i]!.change !== 'unchanged').map((r) => ({ resolved: r, input }));
    const recorded = recordDecisions(ctx.db, toRecord, ctx.resourcesDir);
    if (recorded.length > 0) changed(ctx, ['decisions', 'components']);
    return { preview: false, items, recorded };
  },
  'decisions.list': (params, ctx) =>
    listDecisions(ctx.db, {
      subjectKey: params && 'subjectKey' in params ? params.subjectKey : undefined,
      projectId: params && 'projectId' in params ? params.projectId : undefined,
      includeSuperseded: params && 'includeSuperseded' in params ? params.includeSuperseded : false,
    }).map(({ consistent: _consistent, ...d }) => d),
  'decisions.history': ({ subjectKey }, ctx) =>
    listDecisions(ctx.db, { subjectKey, includeSuperseded: true }).map(({ consistent: _consistent, ...d }) => d),
  'decisions.forComponent': ({ componentId }, ctx) => decisionsForComponent(ctx.db, componentId),
  'decisions.verify': (_params, ctx) => verifyWorkspaceTrail(ctx.db),
  'decisions.export': (_params, ctx) => {
    const lines = exportDecisionLines(ctx.db);
    const stamp = new Date().toISOString().slice(0, 10);
    return { fileName: `decisions-${stamp}.jsonl`, mediaType: 'application/jsonl', content: lines.map((l) => `${l}\n`).join(''), count: lines.length };
  },
  'decisions.import': ({ path: file, content, fileName }, ctx) => {
    if ((file === undefined) === (content === undefined)) throw new AppError('bad-request', 'give either a path or the content of a decisions file');
    let text = content ?? '';
    if (file !== undefined) {
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        throw new AppError('unreadable-input', `${file}: cannot read (${(error as Error).message})`);
      }
    }
    const report = importDecisionLines(ctx.db, text, fileName ?? (file ? path.basename(file) : 'pasted.jsonl'));
    if (report.imported > 0) changed(ctx, ['decisions', 'components']);
    return report;
  },
  'review.queue': ({ projectId, include, statuses, offset, limit }, ctx) => {
    const kinds = include ?? ['components', 'findings'];
    const { items } = reviewProject(ctx.db, projectId, { findings: kinds.includes('findings'), resourcesDir: ctx.resourcesDir });
    const countsByStatus = Object.fromEntries(allStatuses.map((s) => [s, 0])) as Record<QueueStatus, number>;
    for (const item of items) countsByStatus[item.status]++;
    const wanted = new Set(statuses ?? allStatuses.filter((s) => s !== 'decided'));
    const shown = sortQueue(items.filter((i) => wanted.has(i.status) && kinds.includes(i.kind === 'component' ? 'components' : 'findings')));
    return { items: shown.slice(offset, offset + limit), total: shown.length, countsByStatus };
  },
  'review.findings': (query, ctx) => reviewFindings(ctx.db, query, ctx.resourcesDir),
  'reviewer.get': (_params, ctx) => reviewerInfo(ctx.db),
  'reviewer.set': (identity, ctx) => {
    setCurrentReviewer(ctx.db, identity);
    return reviewerInfo(ctx.db);
  },
  'reviewer.unlock': ({ passphrase }, ctx) => {
    signingKey(ctx.db, identityOrThrow(ctx.db, undefined), passphrase);
    return reviewerInfo(ctx.db);
  },
} satisfies Partial<ApiHandlers>;

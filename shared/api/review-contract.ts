import { z } from 'zod';
import type { Decision, DecisionMatch, ImportReport, TrailVerification } from '../model/decision.js';
import { decisionStates } from '../model/decision.js';
import type {
  AppliedDecisionSummary,
  ExpressionVerdict,
  PolicyAction,
  PolicyEvaluation,
  PolicyProblem,
  PolicySaveResult,
  PolicySeverity,
  PolicyState,
  PolicyVersionInfo,
} from '../model/policy.js';
import { distributionModels, obligationKinds } from '../model/policy.js';
import type { ComponentSummary } from '../model/component.js';
import type { Finding } from '../model/finding.js';
import { findingKinds } from '../model/finding.js';

/**
 * The review domain's slice of the API contract (policy, decisions, review queue, reviewer): params schemas and
 * result types, merged into the one contract by schemas.ts and contract.ts.
 */
const id = z.number().int().positive();
const none = z.undefined().or(z.null()).or(z.object({}).strict());
/** A finding's review status: its own queue status, else its component's, else `not-needed` (nothing to decide). */
export const findingStatuses = ['conflict', 'changed', 'expired', 'undecided', 'pending', 'decided', 'not-needed'] as const;
export type FindingStatus = (typeof findingStatuses)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/, 'expected a date as YYYY-MM-DD');

/** What a decision is about. Give ids (componentId, findingId) from the app, or purl/key/pattern from elsewhere. */
export const decisionSubjectParams = z
  .object({
    type: z.enum(['component', 'component-range', 'finding', 'path']),
    componentId: id.optional(),
    findingId: id.optional(),
    purl: z.string().min(1).max(2000).optional(),
    key: z.string().min(1).max(2000).optional(),
    range: z.string().min(1).max(200).optional(),
    pattern: z.string().min(1).max(1000).optional(),
    projectId: id.optional(),
  })
  .strict();
export type DecisionSubjectParams = z.output<typeof decisionSubjectParams>;

const reviewerParams = z.object({ name: z.string().trim().min(1).max(200), email: z.string().trim().min(3).max(320) }).strict();

const decisionFields = {
  state: z.enum(decisionStates),
  concludedLicense: z.string().max(2000).nullish(),
  rationale: z.string().max(20000).nullish(),
  obligations: z.array(z.enum(obligationKinds)).optional(),
  expiresAt: isoDate.nullish(),
  reviewer: reviewerParams.optional(),
  /** Unlocks (or creates) the reviewer's signing key; not needed once `reviewer.unlock` was called. */
  passphrase: z.string().max(1000).optional(),
};

export const reviewParamSchemas = {
  'policy.get': z.object({ version: id.optional() }).strict().or(none),
  'policy.versions': none,
  'policy.validate': z.object({ text: z.string().max(2_000_000) }).strict(),
  'policy.save': z.object({ text: z.string().max(2_000_000), comment: z.string().max(2000).optional(), savedBy: z.string().max(300).optional() }).strict(),
  'policy.evaluate': z.object({ projectId: id }).strict(),
  'policy.explain': z.object({ expression: z.string().max(2000).nullable(), distributionModel: z.enum(distributionModels) }).strict(),
  'decisions.record': z.object({ subject: decisionSubjectParams, supersedesUid: z.string().optional(), ...decisionFields }).strict(),
  'decisions.recordBulk': z
    .object({ subjects: z.array(decisionSubjectParams).min(1).max(10_000), preview: z.boolean().default(false), ...decisionFields })
    .strict(),
  'decisions.list': z
    .object({ subjectKey: z.string().optional(), projectId: id.optional(), includeSuperseded: z.boolean().default(false) })
    .strict()
    .or(none),
  'decisions.history': z.object({ subjectKey: z.string().min(1) }).strict(),
  'decisions.forComponent': z.object({ componentId: id }).strict(),
  'decisions.verify': none,
  'decisions.export': none,
  'decisions.import': z
    .object({ path: z.string().min(1).optional(), content: z.string().max(200_000_000).optional(), fileName: z.string().max(500).optional() })
    .strict(),
  'review.queue': z
    .object({
      projectId: id,
      include: z.array(z.enum(['components', 'findings'])).optional(),
      statuses: z.array(z.enum(['undecided', 'changed', 'expired', 'conflict', 'pending', 'decided'])).optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(5000).default(200),
    })
    .strict(),
  'review.findings': z
    .object({
      projectId: id.optional(),
      componentId: id.optional(),
      kinds: z.array(z.enum(findingKinds)).optional(),
      statuses: z.array(z.enum(findingStatuses)).optional(),
      /** Case-insensitive substrings of the license, the component name, the path; `search` looks in all three. */
      license: z.string().max(500).optional(),
      component: z.string().max(500).optional(),
      path: z.string().max(1000).optional(),
      search: z.string().max(500).optional(),
      groupBy: z.enum(['component', 'license', 'status']).optional(),
      /** Group keys whose rows are left out of the page (the group still counts). */
      collapsed: z.array(z.string().max(2000)).max(20_000).optional(),
      sort: z.object({ column: z.enum(['path', 'kind', 'license', 'component', 'status', 'score']), desc: z.boolean() }).optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(5000).default(200),
    })
    .strict(),
  'reviewer.get': none,
  'reviewer.set': reviewerParams,
  'reviewer.unlock': z.object({ passphrase: z.string().min(1).max(1000) }).strict(),
} satisfies Record<string, z.ZodType>;

export type QueueStatus = 'undecided' | 'changed' | 'expired' | 'conflict' | 'pending' | 'decided';


/** A finding with where it stands in review. */
export interface ReviewedFinding extends Finding {
  projectId: number;
  status: FindingStatus;
  /** Whose decision (or queue entry) gives the status: the finding's own, its component's, or none. */
  statusFrom: 'finding' | 'component' | null;
  decision: AppliedDecisionSummary | null;
  /** The policy's action for the finding (or its component); null when the policy has nothing to say. */
  policyAction: PolicyAction | null;
  policyReason: string | null;
  /** For 'changed': what differs from what the decision recorded. */
  changes: string[];
}

export interface FindingGroup {
  /** `component:<id>`, `license:<id or empty>`, `status:<status>`. */
  key: string;
  label: string;
  componentId: number | null;
  count: number;
  countsByStatus: Partial<Record<FindingStatus, number>>;
}

export interface ReviewFindingsPage {
  rows: ReviewedFinding[];
  /** Rows matching the filter, collapsed groups left out (what the table scrolls through). */
  total: number;
  /** Over the filter without its status condition: for the status chips. */
  countsByStatus: Record<FindingStatus, number>;
  /** Over the filter without its kind condition. */
  countsByKind: Record<string, number>;
  /** Every group of the filtered set in display order (empty unless groupBy). */
  groups: FindingGroup[];
}

/** One thing a reviewer should look at: a component or a finding, why, and what the policy says. */
export interface ReviewQueueItem {
  kind: 'component' | 'finding';
  /** The component's or the finding's id in the latest scan. */
  id: number;
  subjectKey: string;
  label: string;
  componentId: number | null;
  path: string | null;
  license: string | null;
  status: QueueStatus;
  /** Not in the project's previous scan. */
  isNew: boolean;
  /** For 'changed': what differs from what the decision recorded. */
  changes: string[];
  decision: AppliedDecisionSummary | null;
  policy: { action: PolicyAction; severity: PolicySeverity; reason: string; ruleId: string; allowedChoices: string[] };
}

export interface ReviewQueuePage {
  items: ReviewQueueItem[];
  total: number;
  /** Over every item of the project, whatever the filter: for tabs and badges. */
  countsByStatus: Record<QueueStatus, number>;
}

export interface ReviewerInfo {
  name: string | null;
  email: string | null;
  keyFingerprint: string | null;
  /** none: no key yet (made on the first decision); locked: a passphrase is needed; unlocked: ready to sign. */
  keyStatus: 'none' | 'locked' | 'unlocked';
}

export interface BulkDecisionItem {
  subjectKey: string;
  label: string;
  current: { uid: string; state: string; concludedLicense: string | null } | null;
  change: 'new' | 'supersede' | 'unchanged';
}

export interface ComponentDecisions {
  component: ComponentSummary;
  current: DecisionMatch | null;
  /** Every decision on this component's subject key, newest first, superseded ones included. */
  history: Decision[];
  concludedLicense: string | null;
}

export interface ReviewApiResults {
  'policy.get': PolicyState;
  'policy.versions': PolicyVersionInfo[];
  'policy.validate': { ok: boolean; problems: PolicyProblem[] };
  'policy.save': PolicySaveResult;
  'policy.evaluate': PolicyEvaluation;
  'policy.explain': ExpressionVerdict;
  'decisions.record': Decision;
  'decisions.recordBulk': { preview: boolean; items: BulkDecisionItem[]; recorded: Decision[] };
  'decisions.list': Decision[];
  'decisions.history': Decision[];
  'decisions.forComponent': ComponentDecisions;
  'decisions.verify': TrailVerification;
  'decisions.export': { fileName: string; mediaType: string; content: string; count: number };
  'decisions.import': ImportReport;
  'review.queue': ReviewQueuePage;
  'review.findings': ReviewFindingsPage;
  'reviewer.get': ReviewerInfo;
  'reviewer.set': ReviewerInfo;
  'reviewer.unlock': ReviewerInfo;
}

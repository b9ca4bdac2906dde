import type { DistributionModel } from './project.js';

/** How a license is classified by the OSPO policy. Every SPDX id has a shipped default (docs/policy.md). */
export const licenseCategories = [
  'permissive',
  'public-domain',
  'weak-copyleft',
  'strong-copyleft',
  'network-copyleft',
  'non-commercial-or-proprietary',
  'unknown',
] as const;
export type LicenseCategory = (typeof licenseCategories)[number];

export const policyActions = ['allow', 'review', 'deny'] as const;
/** What the policy says about a license or component for one distribution model. */
export type PolicyAction = (typeof policyActions)[number];

export const obligationKinds = ['attribution', 'source-offer', 'notice', 'state-changes'] as const;
export type Obligation = (typeof obligationKinds)[number];

export const distributionModels = ['internal', 'saas', 'binary', 'source'] as const satisfies readonly DistributionModel[];

/** A per-license action: one action for every model, or one per model (models left out use the category action). */
export type LicenseOverride = PolicyAction | Partial<Record<DistributionModel, PolicyAction>>;

/** The policy after validation and merging with the shipped defaults: every field present. */
export interface PolicyDocument {
  name: string;
  description: string | null;
  /** License id (or LicenseRef-…) → category, overriding the shipped classification. */
  categories: Record<string, LicenseCategory>;
  /** Exception id → the category a license takes when combined WITH it (default: the license's own category). */
  exceptions: Record<string, LicenseCategory>;
  actions: Record<DistributionModel, Record<LicenseCategory, PolicyAction>>;
  /** License id, or "id WITH exception", → action. */
  licenses: Record<string, LicenseOverride>;
  components: { allow: string[]; deny: string[] };
  obligations: { categories: Record<LicenseCategory, Obligation[]>; licenses: Record<string, Obligation[]> };
}

export interface PolicyProblem {
  /** Where in the document: "actions.binary.strong-copyleft", "" for the whole file. */
  path: string;
  line: number | null;
  column: number | null;
  message: string;
}

export interface PolicyVersionInfo {
  /** 1, 2, 3 … in the workspace; null when no policy was ever saved and the shipped default is in force. */
  version: number | null;
  savedAt: string | null;
  savedBy: string | null;
  comment: string | null;
  sha256: string;
}

export interface PolicyState extends PolicyVersionInfo {
  /** The YAML as saved (or the shipped default). */
  text: string;
  /** The policy in force, merged with the shipped defaults. */
  policy: PolicyDocument;
}

export type PolicySaveResult =
  | { ok: true; version: number; state: PolicyState }
  | { ok: false; problems: PolicyProblem[] };

export type PolicySeverity = 'error' | 'warning' | 'info';

/** Which rule decided: the id names a place in the policy ("actions.binary.strong-copyleft", "components.deny[0]"). */
export interface FiredRule {
  kind: 'component-deny-list' | 'component-allow-list' | 'license-override' | 'category-action' | 'no-license' | 'invalid-expression' | 'decision';
  id: string;
}

/** The verdict on one license (one leaf of an expression). */
export interface LicenseVerdict {
  license: string;
  exception: string | null;
  category: LicenseCategory;
  /** Where the category came from: the shipped classification, the policy's categories, or an exception rule. */
  categorySource: 'default' | 'policy' | 'exception-rule';
  action: PolicyAction;
  rule: FiredRule;
  reason: string;
  obligations: Obligation[];
}

/** The verdict on an SPDX expression: AND needs every part, OR needs one allowed choice. */
export interface ExpressionVerdict {
  expression: string | null;
  action: PolicyAction;
  severity: PolicySeverity;
  rule: FiredRule;
  reason: string;
  licenses: LicenseVerdict[];
  /** For expressions with OR: the choices that are allowed (each a full expression), so the app can offer them. */
  allowedChoices: string[];
  obligations: Obligation[];
}

export interface AppliedDecisionSummary {
  uid: string;
  state: string;
  concludedLicense: string | null;
  via: 'direct' | 'version-range' | 'path-pattern' | 'other-project';
  carriedOverFrom: string | null;
  changed: boolean;
  expired: boolean;
}

/** One component's result of evaluating the policy. */
export interface PolicyResult extends ExpressionVerdict {
  componentId: number;
  componentKey: string;
  name: string;
  version: string | null;
  purl: string | null;
  projectId: number;
  /** Which license was evaluated: the concluded one, declared + detected, or none at all. */
  licenseSource: 'concluded' | 'declared-and-detected' | 'none';
  /** The policy's own verdict, before any decision. */
  policyAction: PolicyAction;
  decision: AppliedDecisionSummary | null;
}

export interface PolicyEvaluation {
  projectId: number;
  projectName: string;
  distributionModel: DistributionModel;
  policyVersion: number | null;
  results: PolicyResult[];
  counts: Record<PolicyAction, number>;
}

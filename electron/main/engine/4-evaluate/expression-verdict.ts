import type { DistributionModel } from '../../../../shared/model/project.js';
import type {
  ExpressionVerdict,
  FiredRule,
  LicenseCategory,
  LicenseVerdict,
  Obligation,
  PolicyAction,
  PolicyDocument,
} from '../../../../shared/model/policy.js';
import { parseExpression, type ExpressionNode } from '../../../../shared/spdx/expression.js';
import { shippedCategoryOf } from './license-categories.js';
import { actionRank, actionWords, categoryNounWords, categoryWords, modelWords, severityOf } from './wording.js';

type Leaf = Extract<ExpressionNode, { license: string }>;

function leafId(leaf: Leaf): string {
  return leaf.plus ? `${leaf.license}+` : leaf.license;
}

function leafText(leaf: Leaf): string {
  return leaf.exception ? `${leafId(leaf)} WITH ${leaf.exception}` : leafId(leaf);
}

function render(node: ExpressionNode, parent: 'and' | 'or' | null = null): string {
  if ('license' in node) return leafText(node);
  const text = `${render(node.left, node.conjunction)} ${node.conjunction.toUpperCase()} ${render(node.right, node.conjunction)}`;
  return parent !== null && parent !== node.conjunction ? `(${text})` : text;
}

/** The category of one license, with where it came from (policy, exception rule, or the shipped classification). */
export function categorize(policy: PolicyDocument, leaf: { license: string; plus?: boolean; exception?: string | null }): {
  category: LicenseCategory;
  source: LicenseVerdict['categorySource'];
} {
  const id = leaf.plus ? `${leaf.license}+` : leaf.license;
  if (leaf.exception && policy.exceptions[leaf.exception]) return { category: policy.exceptions[leaf.exception]!, source: 'exception-rule' };
  const own = policy.categories[id] ?? (leaf.plus ? policy.categories[`${leaf.license}-or-later`] : undefined);
  if (own) return { category: own, source: 'policy' };
  return { category: shippedCategoryOf(leaf.license, leaf.plus ?? false)?.category ?? 'unknown', source: 'default' };
}

/** Obligations arise when software is handed to others: on distribution, and for network copyleft also as SaaS. */
function obligationsApply(model: DistributionModel, category: LicenseCategory): boolean {
  if (model === 'binary' || model === 'source') return true;
  return model === 'saas' && category === 'network-copyleft';
}

function leafVerdict(policy: PolicyDocument, model: DistributionModel, leaf: Leaf): LicenseVerdict {
  const id = leafId(leaf);
  const text = leafText(leaf);
  const { category, source } = categorize(policy, leaf);
  const categoryPart =
    source === 'exception-rule'
      ? `${text} counts as ${categoryNounWords[category]} (exception rule for ${leaf.exception})`
      : source === 'policy'
        ? `${text} is ${categoryWords[category]} (policy categories)`
        : `${text} is ${categoryWords[category]}`;

  let action: PolicyAction = policy.actions[model][category];
  let rule: FiredRule = { kind: 'category-action', id: `actions.${model}.${category}` };
  let reason = `${categoryPart}; ${modelWords[model]} ${categoryNounWords[category]} is ${actionWords[action]}`;
  for (const key of leaf.exception ? [text, id] : [id]) {
    const override = policy.licenses[key];
    const overridden = typeof override === 'string' ? override : override?.[model];
    if (!overridden) continue;
    action = overridden;
    rule = { kind: 'license-override', id: typeof override === 'string' ? `licenses.${key}` : `licenses.${key}.${model}` };
    reason = `${categoryPart}; the policy sets ${key} to ${actionWords[action]} ${modelWords[model]} (${rule.id})`;
    break;
  }
  const obligations = obligationsApply(model, category)
    ? (policy.obligations.licenses[text] ?? policy.obligations.licenses[id] ?? policy.obligations.categories[category])
    : [];
  return { license: id, exception: leaf.exception ?? null, category, categorySource: source, action, rule, reason, obligations: [...obligations] };
}

interface NodeVerdict {
  action: PolicyAction;
  rule: FiredRule;
  reason: string;
  licenses: LicenseVerdict[];
  allowedChoices: string[];
  obligations: Obligation[];
}

function union(lists: Obligation[][]): Obligation[] {
  return [...new Set(lists.flat())];
}

function evaluateNode(policy: PolicyDocument, model: DistributionModel, node: ExpressionNode): NodeVerdict {
  if ('license' in node) {
    const verdict = leafVerdict(policy, model, node);
    return { ...verdict, licenses: [verdict], allowedChoices: verdict.action === 'allow' ? [leafText(node)] : [] };
  }
  const left = evaluateNode(policy, model, node.left);
  const right = evaluateNode(policy, model, node.right);
  const licenses = [...left.licenses, ...right.licenses];
  if (node.conjunction === 'and') {
    // Every part applies at once: the worst part decides.
    const worst = actionRank[right.action] > actionRank[left.action] ? right : left;
    const blocking = [left, right].filter((p) => p.action !== 'allow');
    const reason = blocking.length === 0 ? `every part is allowed: ${[left.reason, right.reason].join('; ')}` : blocking.map((p) => p.reason).join('; and ');
    return {
      action: worst.action,
      rule: worst.rule,
      reason,
      licenses,
      allowedChoices: worst.action === 'allow' ? [render(node)] : [],
      obligations: union([left.obligations, right.obligations]),
    };
  }
  // A choice: the best option decides, and every allowed option is offered.
  const best = actionRank[right.action] < actionRank[left.action] ? right : left;
  const allowedChoices = [...left.allowedChoices, ...right.allowedChoices];
  const reason =
    best.action === 'allow'
      ? `a choice: allowed if you choose ${allowedChoices.join(' or ')} (${best.reason})`
      : `a choice where no option is allowed: ${[left.reason, right.reason].join('; or ')}`;
  return { action: best.action, rule: best.rule, reason, licenses, allowedChoices, obligations: best.obligations };
}

function unknownVerdict(policy: PolicyDocument, model: DistributionModel, kind: 'no-license' | 'invalid-expression', what: string, expression: string | null): ExpressionVerdict {
  const action = policy.actions[model].unknown;
  return {
    expression,
    action,
    severity: severityOf(action),
    rule: { kind, id: `actions.${model}.unknown` },
    reason: `${what}; ${modelWords[model]} ${categoryNounWords.unknown} is ${actionWords[action]}`,
    licenses: [],
    allowedChoices: [],
    obligations: [],
  };
}

/**
 * The policy's verdict on an SPDX expression for one distribution model. AND needs every part allowed, OR needs
 * one allowed choice (and lists them), WITH takes the policy's exception rule. No license, or text that is not
 * an SPDX expression, counts as 'unknown'.
 */
export function evaluateExpression(policy: PolicyDocument, model: DistributionModel, expression: string | null): ExpressionVerdict {
  if (expression === null || expression.trim() === '') return unknownVerdict(policy, model, 'no-license', 'no license found', null);
  const parsed = parseExpression(expression);
  if (!parsed.ok) return unknownVerdict(policy, model, 'invalid-expression', `"${expression}" is not a valid SPDX expression`, expression);
  const verdict = evaluateNode(policy, model, parsed.node);
  return { expression: parsed.normalized, ...verdict, severity: severityOf(verdict.action) };
}

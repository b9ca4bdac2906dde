import { readFileSync } from 'node:fs';
import path from 'node:path';
import spdxCorrect from 'spdx-correct';
import { isMap, LineCounter, parseDocument, type Document } from 'yaml';
import { AppError } from '../../../../shared/api/errors.js';
import {
  distributionModels,
  licenseCategories,
  type LicenseOverride,
  type PolicyDocument,
  type PolicyProblem,
} from '../../../../shared/model/policy.js';
import { isExceptionId } from '../../../../shared/spdx/catalog.js';
import { parseExpression } from '../../../../shared/spdx/expression.js';
import { defaultResourcesDir } from '../../app-paths.js';
import { policiesDir, shippedCategoryOf } from './license-categories.js';
import { describeIssue, policyFileSchema, type PolicyFile } from './policy-schema.js';
import { purlPatternProblem } from './purl-patterns.js';

export type PolicyParseResult = { ok: true; policy: PolicyDocument } | { ok: false; problems: PolicyProblem[] };

type Path = (string | number)[];

function locate(doc: Document, lines: LineCounter, at: Path, keyOf?: string): { line: number | null; column: number | null } {
  let node = at.length === 0 ? doc.contents : doc.getIn(at, true);
  if (keyOf !== undefined && isMap(node)) {
    const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === keyOf);
    node = (pair?.key as typeof node) ?? node;
  }
  const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
  if (!range) return { line: null, column: null };
  const pos = lines.linePos(range[0]);
  return { line: pos.line, column: pos.col };
}

function isLicenseId(id: string): boolean {
  return /^(LicenseRef|DocumentRef)-[A-Za-z0-9.:-]+$/.test(id) || shippedCategoryOf(id) !== null;
}

function licenseIdProblem(id: string): string | null {
  if (isLicenseId(id)) return null;
  const suggestion = spdxCorrect(id);
  return `"${id}" is not an SPDX license id${suggestion && suggestion !== id ? ` (did you mean ${suggestion}?)` : ''}; use LicenseRef-… for your own`;
}

/** A per-license key: a license id, or "id WITH exception". */
function licenseKeyProblem(key: string): string | null {
  const parsed = parseExpression(key);
  if (!parsed.ok) return parsed.error;
  if (!('license' in parsed.node)) return `"${key}" must name one license (optionally WITH an exception), not a combination`;
  return licenseIdProblem(parsed.node.plus ? `${parsed.node.license}+` : parsed.node.license);
}

function keysOf(value: unknown): string[] {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : [];
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Checks that need the SPDX lists: license and exception ids, purl patterns. Works on raw data, so it can
 * report alongside structural problems. */
function semanticProblems(file: Record<string, unknown>): { path: Path; message: string; key?: string }[] {
  const problems: { path: Path; message: string; key?: string }[] = [];
  const obligations = file['obligations'] as Record<string, unknown> | undefined;
  const components = file['components'] as Record<string, unknown> | undefined;
  for (const id of keysOf(file['categories'])) {
    const problem = licenseIdProblem(id);
    if (problem) problems.push({ path: ['categories'], key: id, message: problem });
  }
  for (const id of keysOf(file['exceptions'])) {
    if (!isExceptionId(id)) problems.push({ path: ['exceptions'], key: id, message: `"${id}" is not an SPDX exception id` });
  }
  for (const key of keysOf(file['licenses'])) {
    const problem = licenseKeyProblem(key);
    if (problem) problems.push({ path: ['licenses'], key, message: problem });
  }
  for (const key of keysOf(keysOf(obligations).includes('licenses') ? obligations!['licenses'] : null)) {
    const problem = licenseKeyProblem(key);
    if (problem) problems.push({ path: ['obligations', 'licenses'], key, message: problem });
  }
  for (const list of ['allow', 'deny'] as const) {
    stringsOf(keysOf(components).includes(list) ? components![list] : null).forEach((pattern, i) => {
      const problem = purlPatternProblem(pattern);
      if (problem) problems.push({ path: ['components', list, i], message: problem });
    });
  }
  return problems;
}

function located(doc: Document, lines: LineCounter, problems: { path: Path; message: string; key?: string }[]): PolicyProblem[] {
  return problems.map((p) => ({
    path: [...p.path, ...(p.key !== undefined ? [p.key] : [])].join('.'),
    ...locate(doc, lines, p.path, p.key),
    message: p.message,
  }));
}

function merge(base: PolicyDocument, file: PolicyFile): PolicyDocument {
  const actions = structuredClone(base.actions);
  for (const model of distributionModels) {
    for (const [category, action] of Object.entries(file.actions?.[model] ?? {})) {
      if (action) actions[model][category as keyof (typeof actions)[typeof model]] = action;
    }
  }
  const obligationCategories = structuredClone(base.obligations.categories);
  for (const [category, list] of Object.entries(file.obligations?.categories ?? {})) {
    if (list) obligationCategories[category as keyof typeof obligationCategories] = list;
  }
  return {
    name: file.name ?? base.name,
    description: file.description === undefined ? base.description : file.description,
    categories: { ...base.categories, ...(file.categories ?? {}) },
    exceptions: { ...base.exceptions, ...(file.exceptions ?? {}) },
    actions,
    licenses: { ...base.licenses, ...((file.licenses ?? {}) as Record<string, LicenseOverride>) },
    components: {
      allow: file.components?.allow ?? base.components.allow,
      deny: file.components?.deny ?? base.components.deny,
    },
    obligations: { categories: obligationCategories, licenses: { ...base.obligations.licenses, ...(file.obligations?.licenses ?? {}) } },
  };
}

/** An empty policy: used as the base when reading the shipped default, which must then say everything. */
function emptyPolicy(): PolicyDocument {
  const blank = Object.fromEntries(licenseCategories.map((c) => [c, undefined])) as never;
  return {
    name: '',
    description: null,
    categories: {},
    exceptions: {},
    actions: Object.fromEntries(distributionModels.map((m) => [m, { ...(blank as object) }])) as PolicyDocument['actions'],
    licenses: {},
    components: { allow: [], deny: [] },
    obligations: { categories: { ...(blank as object) } as PolicyDocument['obligations']['categories'], licenses: {} },
  };
}

function completenessProblems(policy: PolicyDocument): { path: Path; message: string }[] {
  const problems: { path: Path; message: string }[] = [];
  for (const model of distributionModels) {
    for (const category of licenseCategories) {
      if (!policy.actions[model][category]) problems.push({ path: ['actions', model], message: `actions.${model}.${category} is missing` });
    }
  }
  for (const category of licenseCategories) {
    if (!policy.obligations.categories[category]) problems.push({ path: ['obligations', 'categories'], message: `obligations.categories.${category} is missing` });
  }
  return problems;
}

/**
 * Reads a policy file (YAML), reporting every problem with its place (path, line, column) rather than stopping
 * at the first, and merges it over `base` (the shipped default). With `base` null the file must be complete.
 */
export function parsePolicyText(text: string, base: PolicyDocument | null): PolicyParseResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => {
        const pos = e.linePos?.[0];
        return { path: '', line: pos?.line ?? null, column: pos?.col ?? null, message: `YAML: ${e.message.split('\n')[0]}` };
      }),
    };
  }
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  if (data === null || data === undefined || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, problems: [{ path: '', line: 1, column: 1, message: 'a policy is a YAML mapping (see docs/policy.md); this file has none' }] };
  }
  const semantic = semanticProblems(data as Record<string, unknown>);
  const parsed = policyFileSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    const structural = parsed.error.issues.map((issue) => {
      const at = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
      return { path: [...at, ...(key !== undefined ? [key] : [])].join('.'), ...locate(doc, lines, at, key), message: describeIssue(issue) };
    });
    const problems = [...structural, ...located(doc, lines, semantic)];
    return { ok: false, problems: problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) };
  }
  const policy = merge(base ?? emptyPolicy(), parsed.data);
  const found = [...semantic, ...(base === null ? completenessProblems(policy) : [])];
  if (found.length > 0) return { ok: false, problems: located(doc, lines, found) };
  return { ok: true, policy };
}

export function defaultPolicyText(resourcesDir = defaultResourcesDir): string {
  const file = path.join(policiesDir(resourcesDir), 'default-policy.yaml');
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new AppError('internal', `${file}: cannot read the shipped default policy (${(error as Error).message})`);
  }
}

const defaultCache = new Map<string, PolicyDocument>();

/** The shipped default policy, complete; a broken shipped file is an internal error naming each problem. */
export function defaultPolicy(resourcesDir = defaultResourcesDir): PolicyDocument {
  const cached = defaultCache.get(resourcesDir);
  if (cached) return cached;
  const result = parsePolicyText(defaultPolicyText(resourcesDir), null);
  if (!result.ok) {
    const where = path.join(policiesDir(resourcesDir), 'default-policy.yaml');
    throw new AppError('internal', `${where}: ${result.problems.map((p) => `line ${p.line}: ${p.message}`).join('; ')}`);
  }
  defaultCache.set(resourcesDir, result.policy);
  return result.policy;
}

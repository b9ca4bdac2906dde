import { z } from 'zod';
import {
  distributionModels,
  licenseCategories,
  obligationKinds,
  policyActions,
  type LicenseCategory,
} from '../../../../shared/model/policy.js';

/**
 * The policy file's structure (docs/policy.md). Every part is optional: what a saved policy leaves out comes from
 * the shipped default. YAML's empty values (`categories:`) are read as "nothing here".
 */
const category = z.enum(licenseCategories);
const action = z.enum(policyActions);
const obligation = z.enum(obligationKinds);

function optionalRecordOf<T extends z.ZodType>(keys: readonly string[], value: T) {
  return z
    .object(Object.fromEntries(keys.map((k) => [k, value.optional()])) as Record<string, z.ZodOptional<T>>)
    .strict()
    .nullish();
}

const perCategoryActions = optionalRecordOf(licenseCategories, action);
const perModelActions = z.object(Object.fromEntries(distributionModels.map((m) => [m, action.optional()]))).strict();

export const policyFileSchema = z
  .object({
    format: z.literal(1).optional(),
    name: z.string().min(1).optional(),
    description: z.string().nullish(),
    categories: z.record(z.string(), category).nullish(),
    exceptions: z.record(z.string(), category).nullish(),
    actions: z.object(Object.fromEntries(distributionModels.map((m) => [m, perCategoryActions]))).strict().nullish(),
    licenses: z.record(z.string(), z.union([action, perModelActions])).nullish(),
    components: z.object({ allow: z.array(z.string()).nullish(), deny: z.array(z.string()).nullish() }).strict().nullish(),
    obligations: z
      .object({
        categories: optionalRecordOf(licenseCategories, z.array(obligation)),
        licenses: z.record(z.string(), z.array(obligation)).nullish(),
      })
      .strict()
      .nullish(),
  })
  .strict();

export type PolicyFile = z.output<typeof policyFileSchema>;

const names: Record<string, string> = {
  category: `one of ${licenseCategories.join(', ')}`,
  action: `one of ${policyActions.join(', ')}`,
};

/** A zod issue in words a policy author understands. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const got = 'input' in issue && issue.input !== undefined ? ` (found ${JSON.stringify(issue.input)})` : '';
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown ${issue.keys.length === 1 ? 'key' : 'keys'} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_value': {
      const values = issue.values.map(String);
      const kind = values.includes('permissive') ? names['category'] : values.includes('allow') ? names['action'] : `one of ${values.join(', ')}`;
      return `expected ${kind}${got}`;
    }
    case 'invalid_union':
      return `expected ${names['action']}, or a mapping from distribution model (${distributionModels.join(', ')}) to action${got}`;
    case 'invalid_type':
      return `expected ${issue.expected === 'record' || issue.expected === 'object' ? 'a mapping' : issue.expected === 'array' ? 'a list' : issue.expected}${got}`;
    default:
      return issue.message;
  }
}

export function isCategory(value: string): value is LicenseCategory {
  return (licenseCategories as readonly string[]).includes(value);
}

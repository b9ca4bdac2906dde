import { describe, expect, it } from 'vitest';
import { defaultPolicy, defaultPolicyText, parsePolicyText } from '../../../../electron/main/engine/4-evaluate/policy-loader.js';
import { distributionModels, licenseCategories } from '../../../../shared/model/policy.js';

describe('policy files', () => {
  it('the shipped default is complete: an action for every model and category', () => {
    const policy = defaultPolicy();
    for (const model of distributionModels) {
      for (const category of licenseCategories) expect(policy.actions[model][category], `${model}.${category}`).toMatch(/^(allow|review|deny)$/);
    }
    expect(parsePolicyText(defaultPolicyText(), null).ok).toBe(true);
  });

  it('merges a partial file over the default', () => {
    const parsed = parsePolicyText('name: Acme\nactions:\n  saas:\n    strong-copyleft: review\n', defaultPolicy());
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.policy.name).toBe('Acme');
    expect(parsed.policy.actions.saas['strong-copyleft']).toBe('review');
    expect(parsed.policy.actions.saas['network-copyleft']).toBe(defaultPolicy().actions.saas['network-copyleft']);
  });

  it('reports every problem with its line and column', () => {
    const text = [
      'format: 1',
      'actions:',
      '  binary:',
      '    strong-copyleft: maybe',
      '  cloud:',
      '    permissive: allow',
      'exceptions:',
      '  Classpath-exeption-2.0: weak-copyleft',
      'components:',
      '  deny: ["com.oracle:*"]',
      'obligations:',
      '  categories:',
      '    permissive: [attribution, credits]',
    ].join('\n');
    const parsed = parsePolicyText(text, defaultPolicy());
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => `${p.line}:${p.column} ${p.path}: ${p.message}`)).toEqual([
      '4:22 actions.binary.strong-copyleft: expected one of allow, review, deny (found "maybe")',
      '5:3 actions.cloud: unknown key "cloud"',
      '8:3 exceptions.Classpath-exeption-2.0: "Classpath-exeption-2.0" is not an SPDX exception id',
      '10:10 components.deny.0: "com.oracle:*" is not a purl pattern: it must start with "pkg:" (e.g. pkg:npm/%40acme/*)',
      '13:31 obligations.categories.permissive.1: expected one of attribution, source-offer, notice, state-changes (found "credits")',
    ]);
  });

  it('reports YAML syntax errors and empty files instead of throwing', () => {
    const broken = parsePolicyText('actions:\n  binary: [unclosed\n', defaultPolicy());
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.problems[0]!.message).toMatch(/^YAML: /);
    const empty = parsePolicyText('', defaultPolicy());
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.problems[0]!.message).toMatch(/a policy is a YAML mapping/);
  });
});

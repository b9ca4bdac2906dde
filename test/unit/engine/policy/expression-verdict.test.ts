import { describe, expect, it } from 'vitest';
import { evaluateExpression } from '../../../../electron/main/engine/4-evaluate/expression-verdict.js';
import { defaultPolicy, parsePolicyText } from '../../../../electron/main/engine/4-evaluate/policy-loader.js';
import { compilePolicy, evaluateComponent } from '../../../../electron/main/engine/4-evaluate/policy-evaluator.js';
import type { PolicyDocument } from '../../../../shared/model/policy.js';

function policyFrom(yaml: string): PolicyDocument {
  const parsed = parsePolicyText(yaml, defaultPolicy());
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.policy;
}

describe('evaluating SPDX expressions against the policy', () => {
  const policy = defaultPolicy();

  it('explains a single license with its category and the model', () => {
    const verdict = evaluateExpression(policy, 'binary', 'GPL-3.0-only');
    expect(verdict).toMatchObject({ action: 'deny', severity: 'error', rule: { kind: 'category-action', id: 'actions.binary.strong-copyleft' } });
    expect(verdict.reason).toBe('GPL-3.0-only is strong copyleft; for distributed binaries strong copyleft is denied');
    expect(evaluateExpression(policy, 'saas', 'GPL-3.0-only').action).toBe('allow');
    expect(evaluateExpression(policy, 'saas', 'AGPL-3.0-only').action).toBe('deny');
  });

  it('passes OR when one choice is allowed and lists the allowed choices', () => {
    const verdict = evaluateExpression(policy, 'binary', 'GPL-2.0-only OR MIT OR Apache-2.0');
    expect(verdict.action).toBe('allow');
    expect(verdict.allowedChoices).toEqual(['MIT', 'Apache-2.0']);
    expect(evaluateExpression(policy, 'binary', 'GPL-2.0-only OR AGPL-3.0-only')).toMatchObject({ action: 'deny', allowedChoices: [] });
    expect(evaluateExpression(policy, 'binary', '(MIT AND BSD-2-Clause) OR GPL-2.0-only').allowedChoices).toEqual(['MIT AND BSD-2-Clause']);
  });

  it('needs every part of AND, naming the part that blocks', () => {
    const verdict = evaluateExpression(policy, 'binary', 'MIT AND GPL-2.0-only');
    expect(verdict.action).toBe('deny');
    expect(verdict.reason).toBe('GPL-2.0-only is strong copyleft; for distributed binaries strong copyleft is denied');
    expect(verdict.licenses.map((l) => [l.license, l.category])).toEqual([
      ['MIT', 'permissive'],
      ['GPL-2.0-only', 'strong-copyleft'],
    ]);
  });

  it('applies exception rules to WITH (Classpath makes GPL weak copyleft by default)', () => {
    const verdict = evaluateExpression(policy, 'binary', 'GPL-2.0-only WITH Classpath-exception-2.0');
    expect(verdict.action).toBe('allow');
    expect(verdict.licenses[0]).toMatchObject({ category: 'weak-copyleft', categorySource: 'exception-rule' });
    // An exception without a rule leaves the license's own category.
    expect(evaluateExpression(policy, 'binary', 'GPL-3.0-or-later WITH Bison-exception-2.2').action).toBe('deny');
  });

  it('treats no license, LicenseRef- and non-SPDX text as unknown', () => {
    expect(evaluateExpression(policy, 'binary', null)).toMatchObject({ action: 'review', rule: { kind: 'no-license' } });
    expect(evaluateExpression(policy, 'binary', 'LicenseRef-acme-eula').licenses[0]!.category).toBe('unknown');
    expect(evaluateExpression(policy, 'binary', 'Apache 2')).toMatchObject({ action: 'review', rule: { kind: 'invalid-expression' } });
  });

  it('follows per-license overrides, category overrides and obligations from the policy', () => {
    const custom = policyFrom(`
categories:
  LicenseRef-acme-eula: permissive
licenses:
  MPL-2.0: { binary: deny }
  "GPL-2.0-only WITH Classpath-exception-2.0": review
obligations:
  licenses:
    LicenseRef-acme-eula: [notice]
`);
    expect(evaluateExpression(custom, 'binary', 'MPL-2.0')).toMatchObject({ action: 'deny', rule: { kind: 'license-override', id: 'licenses.MPL-2.0.binary' } });
    expect(evaluateExpression(custom, 'saas', 'MPL-2.0').rule.id).toBe('actions.saas.weak-copyleft');
    expect(evaluateExpression(custom, 'binary', 'GPL-2.0-only WITH Classpath-exception-2.0').rule.id).toBe('licenses.GPL-2.0-only WITH Classpath-exception-2.0');
    expect(evaluateExpression(custom, 'binary', 'LicenseRef-acme-eula')).toMatchObject({ action: 'allow', obligations: ['notice'] });
    expect(evaluateExpression(custom, 'internal', 'Apache-2.0').obligations).toEqual([]);
    expect(evaluateExpression(custom, 'binary', 'Apache-2.0').obligations).toEqual(['attribution', 'notice', 'state-changes']);
  });

  it('puts the component deny list before the license, and the allow list after it', () => {
    const compiled = compilePolicy(policyFrom('components:\n  allow: ["pkg:npm/@acme/*"]\n  deny: ["pkg:maven/com.oracle/*"]\n'));
    const component = (purl: string, declared: string) => ({
      id: 1, key: purl, purl, name: 'x', version: '1', projectId: 1, declared: { expression: declared, verbatim: declared }, detected: [],
    });
    const oracle = evaluateComponent(compiled, 'internal', component('pkg:maven/com.oracle/ojdbc8@19.3', 'MIT'), null);
    expect(oracle).toMatchObject({ action: 'deny', rule: { kind: 'component-deny-list', id: 'components.deny[0]' } });
    const ours = evaluateComponent(compiled, 'binary', component('pkg:npm/%40acme/core@2.0.0', 'GPL-3.0-only'), null);
    expect(ours).toMatchObject({ action: 'allow', rule: { kind: 'component-allow-list' } });
  });

  it('evaluates declared AND detected licenses, without turning a declared choice into AND', () => {
    const compiled = compilePolicy(defaultPolicy());
    const dual = evaluateComponent(compiled, 'binary', {
      id: 1, key: 'k', purl: null, name: 'dual', version: '1', projectId: 1,
      declared: { expression: 'MIT OR GPL-2.0-only', verbatim: null }, detected: ['MIT', 'GPL-2.0-only'],
    }, null);
    expect(dual).toMatchObject({ expression: 'MIT OR GPL-2.0-only', action: 'allow' });
    const hidden = evaluateComponent(compiled, 'binary', {
      id: 2, key: 'k2', purl: null, name: 'hidden', version: '1', projectId: 1,
      declared: { expression: 'MIT', verbatim: 'MIT' }, detected: ['MIT', 'AGPL-3.0-only'],
    }, null);
    expect(hidden).toMatchObject({ expression: 'MIT AND AGPL-3.0-only', action: 'deny' });
  });
});

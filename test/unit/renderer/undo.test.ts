import { describe, expect, it } from 'vitest';
import type { Decision } from '../../../shared/model/decision';
import { undoPlan } from '../../../renderer/src/features/review/undo';

function decision(uid: string, fields: Partial<Decision>): Decision {
  return {
    format: 'clearance-decision/1', uid, subjectKey: 'finding:k1', subject: { type: 'finding', key: 'k1', kind: 'license-text', path: 'LICENSE', license: 'MIT', projectName: 'shop' },
    state: 'approved', concludedLicense: null, rationale: null, obligations: [], expiresAt: null,
    reviewer: { name: 'A', email: 'a@example.com', keyFingerprint: 'f' }, decidedAt: '2026-01-01T00:00:00Z', policyVersion: 1,
    supersedesUid: null, snapshot: null, id: 1, seq: 1, projectId: 1, origin: 'local', prevHash: '0', hash: 'h', signature: 's', supersededBy: null,
    ...fields,
  };
}

describe('undo', () => {
  const subject = { type: 'finding' as const, findingId: 7 };

  it('restores the decision that the undone one replaced, as a new decision superseding it', () => {
    const earlier = decision('dec_1', { state: 'approved-with-conditions', concludedLicense: 'MIT', rationale: 'attribution in NOTICE', obligations: ['attribution'] });
    const mistaken = decision('dec_2', { state: 'rejected', rationale: 'oops', supersedesUid: 'dec_1' });
    const plan = undoPlan({ label: 'LICENSE', subject, recorded: mistaken }, [mistaken, earlier]);
    expect(plan.kind).toBe('restore');
    if (plan.kind !== 'restore') return;
    expect(plan.restores.uid).toBe('dec_1');
    expect(plan.params).toMatchObject({
      subject, supersedesUid: 'dec_2', state: 'approved-with-conditions', concludedLicense: 'MIT', obligations: ['attribution'], expiresAt: null,
    });
    expect(plan.params.rationale).toBe('attribution in NOTICE\n\nUndo of dec_2: restores dec_1.');
  });

  it('says why a first decision cannot be undone (the trail has no "undecided" record)', () => {
    const first = decision('dec_9', { state: 'approved' });
    const plan = undoPlan({ label: 'node_modules/a/LICENSE', subject, recorded: first }, [first]);
    expect(plan).toMatchObject({ kind: 'impossible' });
    if (plan.kind === 'impossible') expect(plan.reason).toMatch(/had no decision before "Approved"/);
  });

  it('gives a rationale even when the restored decision had none (an approval)', () => {
    const earlier = decision('dec_1', { state: 'approved' });
    const later = decision('dec_2', { state: 'needs-legal-review', rationale: 'ask legal', supersedesUid: 'dec_1' });
    const plan = undoPlan({ label: 'x', subject, recorded: later }, [later, earlier]);
    expect(plan.kind === 'restore' && plan.params).toMatchObject({ state: 'approved', rationale: 'Undo of dec_2: restores dec_1.' });
  });
});

import type { ComponentDecisions } from '../../../../shared/api/review-contract';
import type { ComponentDetail } from '../../../../shared/model/component';
import type { PolicyResult } from '../../../../shared/model/policy';
import { CurrentDecision } from '../review/current-decision';
import { DecisionForm } from '../review/decision-form';
import { DecisionHistory } from '../review/decision-history';
import { PolicyResultPanel } from '../review/policy-result-panel';

interface Props {
  component: ComponentDetail;
  projectName: string | null;
  latestScanAt: string | null;
  decisions: ComponentDecisions | null;
  policy: PolicyResult | null;
  onRecorded(): void;
}

/** Where the component stands (decision in force, policy result), the decision form and the history. */
export function ComponentReview({ component, projectName, latestScanAt, decisions, policy, onRecorded }: Props) {
  const current = decisions?.current ?? null;
  return (
    <section className="review-panel" aria-label="Review">
      <div className="two-columns">
        <div>
          <h2>Decision in force</h2>
          <CurrentDecision match={current} latestScanAt={latestScanAt} />
          <h2>Policy</h2>
          <PolicyResultPanel result={policy} />
        </div>
        <DecisionForm
          key={current?.decision.uid ?? 'none'}
          component={{ id: component.id, key: component.key, purl: component.purl, name: component.name, version: component.version, projectName, projectId: component.projectId, rootPath: component.rootPath }}
          current={current?.decision ?? null}
          allowedChoices={policy?.allowedChoices ?? []}
          onRecorded={onRecorded}
        />
      </div>
      <h2>Decision history</h2>
      <DecisionHistory decisions={decisions?.history ?? []} emptyText="No decision was ever recorded for this component." />
    </section>
  );
}

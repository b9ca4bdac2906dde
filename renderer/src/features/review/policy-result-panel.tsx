import type { PolicyResult } from '../../../../shared/model/policy';

const sourceLabels: Record<PolicyResult['licenseSource'], string> = {
  concluded: 'the concluded license',
  'declared-and-detected': 'the declared and detected licenses',
  none: 'no license found',
};

/** The policy's verdict on a component, why, which rule fired, and the verdict per license. */
export function PolicyResultPanel({ result }: { result: PolicyResult | null }) {
  if (!result) return <p className="muted">No policy result: the component is not in the project's latest scan.</p>;
  return (
    <div className="policy-result" aria-label="Policy result">
      <p>
        <span className={`action action-${result.action}`}>{result.action}</span> {result.reason}
      </p>
      <p className="muted small">
        Evaluated: {result.expression ? <code>{result.expression}</code> : 'nothing'} ({sourceLabels[result.licenseSource]}) · rule <code>{result.rule.id}</code>
        {result.policyAction !== result.action && <> · the policy alone says <strong>{result.policyAction}</strong></>}
      </p>
      {result.licenses.length > 0 && (
        <table className="plain-table compact" aria-label="Verdict per license">
          <thead>
            <tr>
              <th>License</th>
              <th>Category</th>
              <th>Action</th>
              <th>Why</th>
            </tr>
          </thead>
          <tbody>
            {result.licenses.map((l) => (
              <tr key={`${l.license} ${l.exception ?? ''}`}>
                <td>
                  <code>{l.exception ? `${l.license} WITH ${l.exception}` : l.license}</code>
                </td>
                <td>{l.category}</td>
                <td>
                  <span className={`action action-${l.action}`}>{l.action}</span>
                </td>
                <td className="small">{l.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {result.obligations.length > 0 && <p className="small">Obligations when shipped: {result.obligations.join(', ')}</p>}
    </div>
  );
}

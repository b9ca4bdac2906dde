import type { DecisionMatch } from '../../../../shared/model/decision';
import { formatDate } from '../../lib/format';
import { stateLabels } from './decision-draft';

/** The decision in force and how it applies: made here, carried over, changed since, expired, in conflict. */
export function CurrentDecision({ match, latestScanAt }: { match: DecisionMatch | null; latestScanAt: string | null }) {
  if (!match) return <p className="muted">Not decided yet.</p>;
  const d = match.decision;
  // Keys survive re-scans: a decision older than the latest scan was carried over to it.
  const fromEarlierScan = match.via === 'direct' && latestScanAt !== null && d.decidedAt < latestScanAt;
  return (
    <div className="current-decision" data-testid="current-decision">
      <p>
        <span className={`state state-${d.state}`}>{stateLabels[d.state]}</span>
        {d.concludedLicense && <> · concluded <code>{d.concludedLicense}</code></>} · by {d.reviewer.name}, {formatDate(d.decidedAt)}
      </p>
      {match.carriedOverFrom && <p className="carried">Carried over: {match.carriedOverFrom.replace(/^carried over from /, 'from ')}</p>}
      {fromEarlierScan && <p className="carried">Carried over from the scan before {formatDate(latestScanAt)}: the component kept its key.</p>}
      {match.via === 'path-pattern' && <p className="carried">Applies through a path pattern.</p>}
      {match.changed && (
        <div className="form-error" role="status">
          Changed since the decision — it no longer settles the policy result:
          <ul>
            {match.changes.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </div>
      )}
      {match.expired && <p className="form-error">This exception expired on {d.expiresAt}.</p>}
      {match.conflicts.length > 0 && (
        <p className="form-error">
          In conflict with {match.conflicts.map((c) => `${stateLabels[c.state]}${c.concludedLicense ? ` (${c.concludedLicense})` : ''} by ${c.reviewer.name}`).join('; ')}.
        </p>
      )}
    </div>
  );
}

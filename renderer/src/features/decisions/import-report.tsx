import type { Decision, ImportReport } from '../../../../shared/model/decision';
import { formatDate } from '../../lib/format';
import { stateLabels } from '../review/decision-draft';
import { scopeOf } from '../review/decision-history';
import { VerifyPanel } from './verify-panel';

function DecisionCell({ d }: { d: Decision }) {
  return (
    <td>
      <span className={`state state-${d.state}`}>{stateLabels[d.state]}</span>
      {d.concludedLicense && <> · <code>{d.concludedLicense}</code></>}
      {d.rationale && <div className="rationale">{d.rationale}</div>}
      <div className="muted small">
        {d.reviewer.name} &lt;{d.reviewer.email}&gt; · {formatDate(d.decidedAt)} · {d.origin}
      </div>
    </td>
  );
}

/** What an import did: counts, rejected lines, the shared file's own chain, and conflicts side by side. */
export function ImportReportView({ report }: { report: ImportReport }) {
  return (
    <section className="import-report" aria-label="Import report">
      <h2>Imported {report.file}</h2>
      <p data-testid="import-summary">
        {report.imported} imported · {report.duplicates} already present · {report.conflicts.length} conflicts · {report.rejected.length} rejected
      </p>
      <h3>The file's own chain</h3>
      <VerifyPanel result={report.fileTrail} testId="file-trail-result" />
      {report.rejected.length > 0 && (
        <>
          <h3>Rejected lines</h3>
          <ul>
            {report.rejected.map((r) => (
              <li key={r.line}>
                line {r.line}: {r.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      {report.conflicts.length > 0 && (
        <>
          <h3>Conflicts</h3>
          <p className="muted">
            Both decisions are kept; the local one stays in force and the subject shows as “Conflict” in the review queue until a reviewer
            records a decision that settles it.
          </p>
          <table className="plain-table conflicts" aria-label="Conflicts">
            <thead>
              <tr>
                <th>Subject</th>
                <th>Local (in force)</th>
                <th>Incoming</th>
              </tr>
            </thead>
            <tbody>
              {report.conflicts.map(({ local, incoming }) => (
                <tr key={incoming.uid} data-testid="conflict-row">
                  <td>{scopeOf(local)}</td>
                  <DecisionCell d={local} />
                  <DecisionCell d={incoming} />
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

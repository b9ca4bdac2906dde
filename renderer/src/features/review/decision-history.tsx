import type { Decision } from '../../../../shared/model/decision';
import { formatDate } from '../../lib/format';
import { stateLabels } from './decision-draft';

/** What a decision was about, in words: this version, a range, a path pattern, a finding; and where. */
export function scopeOf(d: Decision): string {
  const s = d.subject;
  const where = 'projectName' in s && s.projectName ? ` in ${s.projectName}` : ' in every project';
  if (s.type === 'component') return `${s.name ?? s.key}${s.version ? `@${s.version}` : ''}${where}`;
  if (s.type === 'component-range') return `${s.basePurl} ${s.range}${where}`;
  if (s.type === 'finding') return `finding ${s.kind ?? ''} at ${s.path ?? '?'}${where}`;
  return `files matching ${s.pattern} in ${s.projectName}`;
}

/** Decisions newest first; superseded ones are struck through and say what replaced them. */
export function DecisionHistory({ decisions, emptyText }: { decisions: Decision[]; emptyText: string }) {
  if (decisions.length === 0) return <p className="muted">{emptyText}</p>;
  return (
    <ol className="decision-history" aria-label="Decision history">
      {decisions.map((d) => (
        <li key={d.uid} className={d.supersededBy ? 'superseded' : 'current'} data-testid="history-entry">
          <div>
            <span className={`state state-${d.state}`}>{stateLabels[d.state]}</span>
            {d.concludedLicense && <> · concluded <code>{d.concludedLicense}</code></>}
            {d.expiresAt && <> · until {d.expiresAt}</>}
            {d.supersededBy ? <span className="muted"> · superseded by {d.supersededBy.slice(0, 12)}…</span> : <span className="badge">current</span>}
          </div>
          {d.rationale && <div className="rationale">{d.rationale}</div>}
          <div className="muted small">
            {d.reviewer.name} &lt;{d.reviewer.email}&gt; · {formatDate(d.decidedAt)} · {scopeOf(d)}
            {d.obligations.length > 0 && <> · obligations: {d.obligations.join(', ')}</>}
            {d.origin !== 'local' && <> · {d.origin}</>} · <code title={d.uid}>{d.uid.slice(0, 12)}…</code>
          </div>
        </li>
      ))}
    </ol>
  );
}

import { useState } from 'react';
import type { Finding } from '../../../../shared/model/finding';
import { routeHref } from '../../stores/route-store';
import { LicenseDiff } from '../files/license-diff';

const comparableKinds = new Set(['license-text', 'license-notice']);

/** Every finding of the component, linked to its evidence in the file viewer; license texts can be compared here. */
export function ComponentFindings({ findings, total }: { findings: Finding[]; total: number }) {
  const [comparing, setComparing] = useState<number | null>(null);
  return (
    <>
      <h2>
        Findings <span className="muted">({total})</span>
      </h2>
      {findings.length === 0 ? (
        <p className="muted">No findings.</p>
      ) : (
        <ul className="finding-list">
          {findings.map((f) => (
            <li key={f.id}>
              <span className={`kind kind-${f.kind}`}>{f.kind}</span> {f.license && <strong>{f.license}</strong>}{' '}
              {f.fileId ? (
                <a href={routeHref('file', f.fileId, { finding: f.id })}>
                  {f.path}
                  {f.startLine ? `:${f.startLine}` : ''}
                </a>
              ) : (
                <span className="muted">{f.path}</span>
              )}
              {f.kind !== 'copyright' && f.kind !== 'declared' && <span className="muted"> {Math.round(f.score * 100)}%{f.modified ? ' · modified' : ''}</span>}
              {comparableKinds.has(f.kind) && f.license && (
                <button type="button" className="link-button" onClick={() => setComparing(comparing === f.id ? null : f.id)} aria-expanded={comparing === f.id}>
                  {comparing === f.id ? 'Hide the comparison' : 'Compare with the SPDX text'}
                </button>
              )}
              {(f.kind === 'copyright' || f.kind === 'license-mismatch' || f.kind === 'declared') && <div className="finding-text">{f.text}</div>}
              {comparing === f.id && <LicenseDiff findingId={f.id} />}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

import { useEffect, useState } from 'react';
import type { LicenseComparison } from '../../../../shared/api/contract';
import { errorMessage, invoke } from '../../api/api-client';

/**
 * The finding's text against the SPDX reference text: what the file adds is marked as inserted, what it
 * lacks as deleted — an auditor sees at a glance whether a "MIT" file is really MIT.
 */
export function LicenseDiff({ findingId }: { findingId: number }) {
  const [comparison, setComparison] = useState<LicenseComparison | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setComparison(null);
    setError(null);
    invoke('licenses.compare', { findingId }).then(setComparison, (e: unknown) => setError(errorMessage(e)));
  }, [findingId]);
  if (error) return <p className="muted">{error}</p>;
  if (!comparison) return <p className="muted">Comparing with the SPDX text…</p>;
  const added = comparison.segments.filter((s) => s.kind === 'added').reduce((n, s) => n + s.text.length, 0);
  const removed = comparison.segments.filter((s) => s.kind === 'removed').reduce((n, s) => n + s.text.length, 0);
  return (
    <div className="license-diff" aria-label={`Differences from the SPDX text of ${comparison.licenseId}`}>
      <p>
        Compared with the SPDX text of <strong>{comparison.licenseId}</strong>:{' '}
        {added === 0 && removed === 0 ? 'no differences beyond what the SPDX matching guidelines allow.' : `${added} characters only in the file, ${removed} only in the reference.`}
      </p>
      <pre className="diff-text">
        {comparison.segments.map((segment, index) =>
          segment.kind === 'same' ? (
            <span key={index}>{segment.text}</span>
          ) : segment.kind === 'added' ? (
            <ins key={index} title="only in the file">{segment.text}</ins>
          ) : (
            <del key={index} title="only in the SPDX reference text">{segment.text}</del>
          ),
        )}
      </pre>
    </div>
  );
}

import { useEffect, useMemo, useState } from 'react';
import type { QueueStatus } from '../../../../shared/api/review-contract';
import type { ComponentSummary } from '../../../../shared/model/component';
import { errorMessage, invoke } from '../../api/api-client';
import { ModalDialog } from '../../components/feedback/modal-dialog';
import { BulkDecisionDialog } from '../review/bulk-decision-dialog';
import { compileBulkFilter, defaultBulkFilter, problemKinds, type BulkFilter } from '../review/bulk-filter';

interface Props {
  components: ComponentSummary[];
  statuses: Map<number, QueueStatus>;
  projectId: number | undefined;
  onClose(): void;
}

/** Problem findings per component id (unknown licenses, mismatches, manifest errors, warnings), read from the server. */
async function problemCounts(projectId: number | undefined): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  for (let offset = 0; ; offset += 5000) {
    const page = await invoke('review.findings', { ...(projectId !== undefined ? { projectId } : {}), kinds: [...problemKinds], offset, limit: 5000 });
    for (const f of page.rows) if (f.componentId !== null) counts.set(f.componentId, (counts.get(f.componentId) ?? 0) + 1);
    if (offset + page.rows.length >= page.total || page.rows.length === 0) return counts;
  }
}

/** A bulk decision on a filter, e.g. approve every component declared and detected MIT with no other finding. */
export function BulkFilterDialog({ components, statuses, projectId, onClose }: Props) {
  const [filter, setFilter] = useState<BulkFilter>(defaultBulkFilter);
  const [problems, setProblems] = useState<Map<number, number> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [next, setNext] = useState(false);
  useEffect(() => {
    problemCounts(projectId).then(setProblems, (e: unknown) => setError(errorMessage(e)));
  }, [projectId]);
  const compiled = useMemo(() => compileBulkFilter(filter), [filter]);
  const matching = useMemo(
    () =>
      compiled.ok && problems
        ? components.filter((c) => compiled.test({ component: c, status: statuses.get(c.id) ?? null, problems: problems.get(c.id) ?? 0 }))
        : [],
    [compiled, problems, components, statuses],
  );
  const update = (patch: Partial<BulkFilter>) => setFilter((f) => ({ ...f, ...patch }));

  if (next) {
    return (
      <BulkDecisionDialog
        title={`Decide on ${matching.length} components matching the filter`}
        subjects={matching.map((c) => ({ subject: { type: 'component', componentId: c.id }, label: `${c.name}${c.version ? `@${c.version}` : ''}` }))}
        initial={{ state: 'approved', concludedLicense: compiled.ok ? filter.license : '' }}
        onClose={onClose}
        onRecorded={onClose}
      />
    );
  }
  return (
    <ModalDialog label="Bulk decision by filter" onClose={onClose} wide>
      <h2>Bulk decision by filter</h2>
      <label htmlFor="bulk-filter-license">Declared license is</label>
      <input id="bulk-filter-license" value={filter.license} onChange={(e) => update({ license: e.target.value })} spellCheck={false} />
      {!compiled.ok && <p className="form-error">{compiled.error}</p>}
      <label className="check">
        <input type="checkbox" checked={filter.detectedSame} onChange={(e) => update({ detectedSame: e.target.checked })} /> and the detected licenses are exactly this
      </label>
      <label className="check">
        <input type="checkbox" checked={filter.noOtherFindings} onChange={(e) => update({ noOtherFindings: e.target.checked })} /> and it has no other finding (unknown
        license, mismatch, manifest error, another license)
      </label>
      <label className="check">
        <input type="checkbox" checked={filter.onlyUndecided} onChange={(e) => update({ onlyUndecided: e.target.checked })} /> and it is not decided yet
      </label>
      {error && <p className="form-error" role="alert">{error}</p>}
      {!problems && !error ? (
        <p className="muted" role="status">Reading the findings…</p>
      ) : (
        <>
          <p data-testid="bulk-filter-count">
            {matching.length} of {components.length} components match.
          </p>
          <ul className="preview-list">
            {matching.slice(0, 200).map((c) => (
              <li key={c.id} data-testid="bulk-filter-match">
                {c.name}
                {c.version ? `@${c.version}` : ''} <span className="muted">{c.declared.expression}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={matching.length === 0} onClick={() => setNext(true)}>
          Continue to the decision…
        </button>
      </div>
    </ModalDialog>
  );
}

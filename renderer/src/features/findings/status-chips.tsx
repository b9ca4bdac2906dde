import { findingStatuses, type FindingStatus } from '../../../../shared/api/review-contract';
import { statusHints, statusLabels } from '../review/status-labels';
import { openStatuses } from './findings-query';

interface Props {
  counts: Partial<Record<FindingStatus, number>>;
  selected: FindingStatus[];
  onChange(statuses: FindingStatus[]): void;
}

/** Counts per review status over the current filter; each chip filters by its status. */
export function StatusChips({ counts, selected, onChange }: Props) {
  const open = openStatuses.reduce((n, s) => n + (counts[s] ?? 0), 0);
  const isOpenSet = selected.length === openStatuses.length && openStatuses.every((s) => selected.includes(s));
  return (
    <div className="status-chips" role="group" aria-label="Counts per status">
      <button type="button" className={`chip${selected.length === 0 ? ' on' : ''}`} aria-pressed={selected.length === 0} onClick={() => onChange([])}>
        All
      </button>
      <button type="button" className={`chip${isOpenSet ? ' on' : ''}`} aria-pressed={isOpenSet} onClick={() => onChange(openStatuses)} data-testid="chip-needs-review">
        Needs review <span className="chip-count">{open.toLocaleString()}</span>
      </button>
      {findingStatuses.map((status) => {
        const on = selected.length === 1 && selected[0] === status;
        return (
          <button
            key={status}
            type="button"
            className={`chip status-${status}${on ? ' on' : ''}`}
            aria-pressed={on}
            title={statusHints[status]}
            onClick={() => onChange(on ? [] : [status])}
            data-testid={`chip-${status}`}
          >
            {statusLabels[status]} <span className="chip-count">{(counts[status] ?? 0).toLocaleString()}</span>
          </button>
        );
      })}
    </div>
  );
}

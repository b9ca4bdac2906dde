import type { ReactNode } from 'react';
import { findingKinds, type FindingKind } from '../../../../shared/model/finding';
import { findingStatuses, type FindingStatus } from '../../../../shared/api/review-contract';
import { DebouncedInput } from '../../components/form/debounced-input';
import { statusLabels } from '../review/status-labels';
import type { FindingsViewState } from './findings-query';

/** The filter under each filterable column header (all applied on the server). */
export function columnFilters(view: FindingsViewState, countsByKind: Record<string, number>, onChange: (view: FindingsViewState) => void): Record<string, ReactNode> {
  const text = (field: 'license' | 'path' | 'component', label: string) => (
    <DebouncedInput aria-label={`Filter by ${label}`} placeholder="filter…" value={view[field]} onCommit={(value) => onChange({ ...view, [field]: value })} />
  );
  return {
    status: (
      <select
        aria-label="Filter by status"
        value={view.statuses.length === 1 ? view.statuses[0] : view.statuses.length === 0 ? '' : 'several'}
        onChange={(e) => e.target.value !== 'several' && onChange({ ...view, statuses: e.target.value ? [e.target.value as FindingStatus] : [] })}
      >
        <option value="">any</option>
        {view.statuses.length > 1 && <option value="several">several</option>}
        {findingStatuses.map((s) => (
          <option key={s} value={s}>
            {statusLabels[s]}
          </option>
        ))}
      </select>
    ),
    kind: (
      <select
        aria-label="Filter by kind"
        value={view.kinds.length === 1 ? view.kinds[0] : view.kinds.length === 0 ? '' : 'several'}
        onChange={(e) => e.target.value !== 'several' && onChange({ ...view, kinds: e.target.value ? [e.target.value as FindingKind] : [] })}
      >
        <option value="">any</option>
        {view.kinds.length > 1 && <option value="several">several</option>}
        {findingKinds.map((k) => (
          <option key={k} value={k}>
            {k} ({countsByKind[k] ?? 0})
          </option>
        ))}
      </select>
    ),
    license: text('license', 'license'),
    path: text('path', 'path'),
    component: text('component', 'component'),
  };
}

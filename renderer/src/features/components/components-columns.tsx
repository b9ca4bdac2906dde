import type { ColumnDef } from '@tanstack/react-table';
import type { QueueStatus } from '../../../../shared/api/review-contract';
import type { ComponentSummary } from '../../../../shared/model/component';
import { routeHref } from '../../stores/route-store';
import { statusLabels } from '../review/status-labels';

/** Columns of the components table, with a selection column and the review status. */
export function componentColumns(
  statuses: Map<number, QueueStatus>,
  isSelected: (id: number) => boolean,
  toggle: (id: number) => void,
): ColumnDef<ComponentSummary, unknown>[] {
  return [
    {
      id: 'select',
      header: () => <span className="sr-only">Selected</span>,
      size: 36,
      enableSorting: false,
      cell: (info) => (
        <input
          type="checkbox"
          aria-label={`Select ${info.row.original.name}`}
          checked={isSelected(info.row.original.id)}
          onChange={() => toggle(info.row.original.id)}
          onClick={(e) => e.stopPropagation()}
        />
      ),
    },
    {
      id: 'name',
      header: 'Component',
      accessorFn: (c) => c.name,
      cell: (info) => <a href={routeHref('component', info.row.original.id)}>{info.row.original.name}</a>,
    },
    { id: 'version', header: 'Version', accessorFn: (c) => c.version ?? '', size: 110 },
    { id: 'ecosystem', header: 'Ecosystem', accessorFn: (c) => c.ecosystem, size: 100, filterFn: 'equals' },
    {
      id: 'status',
      header: 'Status',
      size: 130,
      accessorFn: (c) => statuses.get(c.id) ?? '',
      cell: (info) => {
        const status = statuses.get(info.row.original.id);
        return status ? <span className={`status status-${status}`} data-testid="component-status">{statusLabels[status]}</span> : <span className="muted">…</span>;
      },
    },
    {
      id: 'declared',
      header: 'Declared',
      accessorFn: (c) => c.declared.expression ?? c.declared.verbatim ?? '',
      cell: (info) => {
        const d = info.row.original.declared;
        if (!d.verbatim) return <span className="muted">none</span>;
        return <span title={d.normalised ? `normalised from "${d.verbatim}"` : d.verbatim}>{d.expression ?? <em>{d.verbatim}</em>}{d.normalised ? ' *' : ''}</span>;
      },
    },
    { id: 'detected', header: 'Detected', accessorFn: (c) => c.detected.join(', ') },
    { id: 'concluded', header: 'Concluded', size: 150, accessorFn: (c) => c.concluded ?? '' },
    { id: 'findings', header: 'Findings', accessorFn: (c) => c.findingCount, size: 80 },
    { id: 'origins', header: 'Seen in', accessorFn: (c) => c.origins.join(', '), size: 130 },
  ];
}

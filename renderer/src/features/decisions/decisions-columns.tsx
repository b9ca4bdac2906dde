import type { ColumnDef } from '@tanstack/react-table';
import type { Decision } from '../../../../shared/model/decision';
import { formatDate } from '../../lib/format';
import { stateLabels } from '../review/decision-draft';
import { scopeOf } from '../review/decision-history';

export const decisionColumns: ColumnDef<Decision, unknown>[] = [
  { id: 'seq', header: '#', size: 60, accessorFn: (d) => d.seq },
  {
    id: 'state',
    header: 'State',
    size: 170,
    accessorFn: (d) => d.state,
    cell: (i) => <span className={`state state-${i.row.original.state}`}>{stateLabels[i.row.original.state]}</span>,
  },
  { id: 'subject', header: 'Subject', accessorFn: scopeOf, cell: (i) => <span title={scopeOf(i.row.original)}>{scopeOf(i.row.original)}</span> },
  { id: 'license', header: 'Concluded', size: 170, accessorFn: (d) => d.concludedLicense ?? '' },
  { id: 'rationale', header: 'Rationale', accessorFn: (d) => d.rationale ?? '', cell: (i) => <span className="clip" title={i.row.original.rationale ?? ''}>{i.row.original.rationale ?? ''}</span> },
  { id: 'reviewer', header: 'Reviewer', size: 160, accessorFn: (d) => d.reviewer.name },
  { id: 'decidedAt', header: 'Decided', size: 170, accessorFn: (d) => d.decidedAt, cell: (i) => formatDate(i.row.original.decidedAt) },
  {
    id: 'current',
    header: 'In the trail',
    size: 150,
    accessorFn: (d) => (d.supersededBy ? 'superseded' : 'current'),
    cell: (i) => (i.row.original.supersededBy ? <span className="muted">superseded</span> : 'current'),
  },
  { id: 'origin', header: 'Origin', size: 140, accessorFn: (d) => d.origin },
];

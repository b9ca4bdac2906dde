import type { ColumnDef } from '@tanstack/react-table';
import type { ReviewedFinding } from '../../../../shared/api/review-contract';
import { routeHref } from '../../stores/route-store';
import { stateLabels } from '../review/decision-draft';
import { statusHints, statusLabels } from '../review/status-labels';
import type { DisplayRow } from './grouping';

export function rowKey(row: DisplayRow): string {
  return row.type === 'group' ? row.group.key : `finding:${row.finding.id}`;
}

/** Kinds whose score says how closely the words match a license (the others are facts: 100 % says nothing). */
const scoredKinds = new Set(['license-text', 'license-notice', 'license-reference', 'spdx-tag', 'unknown-license']);

const ofFinding = <V,>(get: (f: ReviewedFinding) => V, fallback: V) => (row: DisplayRow) => (row.type === 'finding' ? get(row.finding) : fallback);

function StatusCell({ f }: { f: ReviewedFinding }) {
  const title = `${statusHints[f.status]}${f.statusFrom === 'component' ? ' (through its component)' : ''}${f.changes.length ? `: ${f.changes.join('; ')}` : ''}`;
  return (
    <span className={`status status-${f.status}`} title={title} data-testid="finding-status">
      {statusLabels[f.status]}
      {f.statusFrom === 'component' && <span className="muted"> ·c</span>}
    </span>
  );
}

/** Columns of the findings table; `isSelected`/`toggle` drive the selection column. */
export function findingsColumns(isSelected: (key: string) => boolean, toggle: (key: string) => void): ColumnDef<DisplayRow, unknown>[] {
  return [
    {
      id: 'select',
      header: () => <span className="sr-only">Selected</span>,
      size: 36,
      enableSorting: false,
      cell: (i) => (
        <input type="checkbox" aria-label="Select row" checked={isSelected(rowKey(i.row.original))} onChange={() => toggle(rowKey(i.row.original))} onClick={(e) => e.stopPropagation()} />
      ),
    },
    { id: 'status', header: 'Status', size: 150, accessorFn: ofFinding((f) => f.status, ''), cell: (i) => i.row.original.type === 'finding' && <StatusCell f={i.row.original.finding} /> },
    {
      id: 'kind',
      header: 'Kind',
      size: 140,
      accessorFn: ofFinding((f) => f.kind, ''),
      cell: (i) => i.row.original.type === 'finding' && <span className={`kind kind-${i.row.original.finding.kind}`}>{i.row.original.finding.kind}</span>,
    },
    { id: 'license', header: 'License', size: 190, accessorFn: ofFinding((f) => f.license ?? '', '') },
    {
      // How closely the file matches the license (a text's alignment score; 80 % marks a reading by convention).
      id: 'score',
      header: 'Match',
      size: 130,
      // Weakest matches first: they are the ones to read.
      sortDescFirst: false,
      accessorFn: ofFinding((f) => f.score, 0),
      cell: (i) => {
        if (i.row.original.type !== 'finding') return null;
        const f = i.row.original.finding;
        if (!scoredKinds.has(f.kind) || f.license === null) return <span className="muted">—</span>;
        return (
          <span className={f.modified ? 'match-modified' : undefined} title={f.modified ? 'Modified or partial: compare it with the SPDX text in the file view' : undefined}>
            {Math.round(f.score * 100)}%{f.modified ? ' · modified' : ''}
          </span>
        );
      },
    },
    {
      id: 'path',
      header: 'Where',
      accessorFn: ofFinding((f) => f.path ?? '', ''),
      cell: (i) => {
        if (i.row.original.type !== 'finding') return null;
        const f = i.row.original.finding;
        const where = `${f.path ?? ''}${f.startLine ? `:${f.startLine}` : ''}`;
        return f.fileId ? <a href={routeHref('file', f.fileId, { finding: f.id })}>{where}</a> : <span>{where || <span className="muted">(component)</span>}</span>;
      },
    },
    {
      id: 'component',
      header: 'Component',
      size: 170,
      accessorFn: ofFinding((f) => f.componentName ?? '', ''),
      cell: (i) => {
        if (i.row.original.type !== 'finding') return null;
        const f = i.row.original.finding;
        return f.componentId ? <a href={routeHref('component', f.componentId)}>{f.componentName}</a> : <span className="muted">—</span>;
      },
    },
    {
      id: 'policy',
      header: 'Policy',
      size: 80,
      enableSorting: false,
      cell: (i) => {
        if (i.row.original.type !== 'finding') return null;
        const f = i.row.original.finding;
        return f.policyAction ? <span className={`action action-${f.policyAction}`} title={f.policyReason ?? ''} data-testid="finding-policy">{f.policyAction}</span> : <span className="muted">—</span>;
      },
    },
    {
      id: 'decision',
      header: 'Decision',
      size: 210,
      enableSorting: false,
      cell: (i) => {
        if (i.row.original.type !== 'finding') return null;
        const d = i.row.original.finding.decision;
        if (!d) return <span className="muted">—</span>;
        const state = stateLabels[d.state as keyof typeof stateLabels] ?? d.state;
        return (
          <span title={d.carriedOverFrom ?? undefined}>
            {state}
            {d.concludedLicense ? ` · ${d.concludedLicense}` : ''}
            {d.carriedOverFrom ? ' · carried over' : ''}
          </span>
        );
      },
    },
  ];
}

import type { ColumnDef, ColumnFiltersState } from '@tanstack/react-table';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ComponentSummary } from '../../../../shared/model/component';
import { errorMessage, invoke, onEvent } from '../../api/api-client';
import { VirtualTable } from '../../components/data-table/virtual-table';
import { EmptyState } from '../../components/feedback/empty-state';
import { ErrorBanner } from '../../components/feedback/error-banner';
import { useProjectsStore } from '../../stores/projects-store';
import { routeHref, useRouteStore } from '../../stores/route-store';

const columns: ColumnDef<ComponentSummary, unknown>[] = [
  {
    id: 'name',
    header: 'Component',
    accessorFn: (c) => c.name,
    cell: (info) => <a href={routeHref('component', info.row.original.id)}>{info.row.original.name}</a>,
  },
  { id: 'version', header: 'Version', accessorFn: (c) => c.version ?? '', size: 120 },
  { id: 'ecosystem', header: 'Ecosystem', accessorFn: (c) => c.ecosystem, size: 110, filterFn: 'equals' },
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
  { id: 'files', header: 'Files', accessorFn: (c) => c.fileCount, size: 80 },
  { id: 'findings', header: 'Findings', accessorFn: (c) => c.findingCount, size: 90 },
  { id: 'origins', header: 'Seen in', accessorFn: (c) => c.origins.join(', '), size: 160 },
];

export function ComponentsView() {
  const route = useRouteStore((s) => s.route);
  const navigate = useRouteStore((s) => s.navigate);
  const projects = useProjectsStore((s) => s.projects);
  const loadProjects = useProjectsStore((s) => s.load);
  const projectId = route.query['project'] ? Number(route.query['project']) : undefined;
  const [components, setComponents] = useState<ComponentSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [ecosystem, setEcosystem] = useState('');

  const load = useCallback(async () => {
    try {
      setComponents(await invoke('components.list', projectId !== undefined ? { projectId } : {}));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [projectId]);
  useEffect(() => {
    void load();
    void loadProjects();
    return onEvent('data.changed', ({ topics }) => {
      if (topics.includes('components')) void load();
    });
  }, [load, loadProjects]);

  const ecosystems = useMemo(() => [...new Set((components ?? []).map((c) => c.ecosystem))].sort(), [components]);
  const filters: ColumnFiltersState = ecosystem ? [{ id: 'ecosystem', value: ecosystem }] : [];

  return (
    <div className="view">
      <header className="view-header">
        <h1>Components</h1>
        <div className="filters">
          <label>
            Project{' '}
            <select value={projectId ?? ''} onChange={(e) => navigate('components', null, { project: e.target.value || undefined })}>
              <option value="">All projects</option>
              {projects.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Ecosystem{' '}
            <select value={ecosystem} onChange={(e) => setEcosystem(e.target.value)}>
              <option value="">All</option>
              {ecosystems.map((e) => (
                <option key={e} value={e}>
                  {e}
                </option>
              ))}
            </select>
          </label>
          <input type="search" aria-label="Filter components" placeholder="Filter by name, version, license…" value={search} onChange={(e) => setSearch(e.target.value)} />
          {components && <span className="count">{components.length.toLocaleString()} components</span>}
        </div>
      </header>
      {error && <ErrorBanner message={error} onRetry={() => void load()} />}
      {components && components.length === 0 && (
        <EmptyState title="No components yet">
          <p>
            Add a folder or import an SBOM on the <a href={routeHref('projects')}>Projects</a> page; its components appear here when the scan finishes.
          </p>
        </EmptyState>
      )}
      {components && components.length > 0 && (
        <VirtualTable
          label="components"
          data={components}
          columns={columns}
          globalFilter={search}
          columnFilters={filters}
          getRowId={(c) => String(c.id)}
          onRowOpen={(c) => navigate('component', c.id)}
        />
      )}
    </div>
  );
}

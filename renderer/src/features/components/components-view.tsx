import type { ColumnFiltersState } from '@tanstack/react-table';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ComponentSummary } from '../../../../shared/model/component';
import { errorMessage, invoke, onEvent } from '../../api/api-client';
import { VirtualTable } from '../../components/data-table/virtual-table';
import { EmptyState } from '../../components/feedback/empty-state';
import { ErrorBanner } from '../../components/feedback/error-banner';
import { useProjectsStore } from '../../stores/projects-store';
import { routeHref, useRouteStore } from '../../stores/route-store';
import { BulkDecisionDialog } from '../review/bulk-decision-dialog';
import { BulkFilterDialog } from './bulk-filter-dialog';
import { componentColumns } from './components-columns';
import { useComponentStatuses } from './use-component-statuses';

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
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [bulk, setBulk] = useState<'selection' | 'filter' | null>(null);
  const projectIds = useMemo(() => (projectId !== undefined ? [projectId] : projects.filter((p) => p.latestScanId !== null).map((p) => p.id)), [projectId, projects]);
  const statuses = useComponentStatuses(projectIds);
  const columns = useMemo(
    () =>
      componentColumns(statuses, (id) => selected.has(id), (id) =>
        setSelected((current) => {
          const next = new Set(current);
          if (next.has(id)) next.delete(id);
          else next.add(id);
          return next;
        }),
      ),
    [statuses, selected],
  );

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
            <select value={projectId ?? ''} onChange={(e) => (setSelected(new Set()), navigate('components', null, { project: e.target.value || undefined }))}>
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
      {components && components.length > 0 && (
        <div className="selection-bar">
          {selected.size > 0 && (
            <>
              <span>{selected.size} selected</span>
              <button type="button" className="primary" onClick={() => setBulk('selection')}>
                Decide on selection…
              </button>
              <button type="button" onClick={() => setSelected(new Set())}>
                Clear selection
              </button>
            </>
          )}
          <button type="button" onClick={() => setBulk('filter')}>
            Bulk decision by filter…
          </button>
        </div>
      )}
      {bulk === 'filter' && components && <BulkFilterDialog components={components} statuses={statuses} projectId={projectId} onClose={() => setBulk(null)} />}
      {bulk === 'selection' && components && (
        <BulkDecisionDialog
          title={`Decide on ${selected.size} selected components`}
          subjects={components.filter((c) => selected.has(c.id)).map((c) => ({ subject: { type: 'component', componentId: c.id }, label: `${c.name}${c.version ? `@${c.version}` : ''}` }))}
          onClose={() => setBulk(null)}
          onRecorded={() => {
            setBulk(null);
            setSelected(new Set());
          }}
        />
      )}
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
          isRowSelected={(c) => selected.has(c.id)}
          rowTestId="component-row"
          onRowOpen={(c) => navigate('component', c.id)}
        />
      )}
    </div>
  );
}

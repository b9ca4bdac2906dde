import type { SortingState } from '@tanstack/react-table';
import { useEffect, useMemo, useRef, useState } from 'react';
import { onEvent } from '../../api/api-client';
import { VirtualTable } from '../../components/data-table/virtual-table';
import { EmptyState } from '../../components/feedback/empty-state';
import { ErrorBanner } from '../../components/feedback/error-banner';
import { useShortcuts } from '../../lib/use-shortcuts';
import { useFindingsStore } from '../../stores/findings-store';
import { useProjectsStore } from '../../stores/projects-store';
import { useRouteStore } from '../../stores/route-store';
import { QuickDecisionDialog } from '../review/quick-decision-dialog';
import { columnFilters } from './column-filters';
import { findingsColumns, rowKey } from './findings-columns';
import { isFiltered, type FindingsViewState, type SortColumn } from './findings-query';
import { FindingsSelectionBar } from './findings-selection-bar';
import { FindingsToolbar } from './findings-toolbar';
import { GroupHeader } from './group-header';
import { buildDisplayRows } from './grouping';
import { StatusChips } from './status-chips';
import { useTriage } from './use-triage';

/** Every finding of the latest scans with its review status, paged from the server; triaged from the keyboard. */
export function FindingsView() {
  const route = useRouteStore((s) => s.route);
  const navigate = useRouteStore((s) => s.navigate);
  const loadProjects = useProjectsStore((s) => s.load);
  const store = useFindingsStore();
  const { view, rows: loaded, groups, collapsed, total, setView, reload } = store;
  const routeProject = route.query['project'] ? Number(route.query['project']) : null;
  const [active, setActive] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const searchRef = useRef<HTMLInputElement>(null);

  // The project comes from the URL (links from the Projects page); everything else from the store, which keeps
  // the view while the user is elsewhere — so fetch again on arrival: decisions or the policy may have changed.
  useEffect(() => {
    const current = useFindingsStore.getState();
    if (current.view.projectId !== routeProject) current.setView({ ...current.view, projectId: routeProject });
    else void current.reload({ keep: true });
  }, [routeProject]);
  useEffect(() => {
    void loadProjects();
    return onEvent('data.changed', ({ topics }) => {
      if (topics.some((t) => t === 'findings' || t === 'decisions' || t === 'policy' || t === 'projects')) void reload({ keep: true });
    });
  }, [loadProjects, reload]);

  const change = (next: FindingsViewState): void => {
    setActive(0);
    setSelected(new Set());
    if (next.projectId !== view.projectId) navigate('findings', null, { project: next.projectId ?? undefined });
    setView(next);
  };
  const collapsedSet = useMemo(() => new Set(collapsed), [collapsed]);
  const rows = useMemo(() => buildDisplayRows(view.groupBy, groups, loaded, collapsedSet), [view.groupBy, groups, loaded, collapsedSet]);
  const toggleSelected = (key: string): void =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  const columns = useMemo(() => findingsColumns((key) => selected.has(key), toggleSelected), [selected]);
  const clampedActive = Math.min(active, Math.max(0, rows.length - 1));
  const triage = useTriage({ rows, active: clampedActive, setActive, toggleSelected, focusSearch: () => searchRef.current?.focus() });
  useShortcuts(triage.run);

  const sorting: SortingState = view.sort ? [{ id: view.sort.column, desc: view.sort.desc }] : [];
  const onSortingChange = (updater: SortingState | ((old: SortingState) => SortingState)): void => {
    const next = typeof updater === 'function' ? updater(sorting) : updater;
    change({ ...view, sort: next[0] ? { column: next[0].id as SortColumn, desc: next[0].desc } : null });
  };
  const filtered = isFiltered(view);

  return (
    <div className="view">
      <header className="view-header">
        <h1>Findings</h1>
        <FindingsToolbar view={view} onChange={change} searchRef={searchRef} />
      </header>
      <div className="findings-summary">
        <StatusChips counts={store.countsByStatus} selected={view.statuses} onChange={(statuses) => change({ ...view, statuses })} />
        <span className="count" aria-live="polite" data-testid="findings-count">
          {total !== null && `${total.toLocaleString()} findings`}
          {store.loading && <span className="spinner" role="progressbar" aria-label="Loading findings" />}
        </span>
      </div>
      {store.error && <ErrorBanner message={store.error} onRetry={() => void reload()} />}
      <FindingsSelectionBar selected={selected} rows={rows} clear={() => setSelected(new Set())} total={total} filtered={filtered} />
      {total === 0 && !filtered ? (
        <EmptyState title="No findings yet">
          <p>Findings appear when a scanned folder has license texts, notices, SPDX tags or copyrights, or an SBOM declares licenses.</p>
        </EmptyState>
      ) : total === 0 ? (
        <EmptyState title="No findings match">
          <p>Nothing matches these filters. Choose another status or view, or clear the search.</p>
        </EmptyState>
      ) : (
        total !== null && (
          <VirtualTable
            label="findings"
            data={rows}
            columns={columns}
            manual
            sorting={sorting}
            onSortingChange={onSortingChange}
            onEndReached={() => void store.loadMore()}
            getRowId={rowKey}
            activeIndex={clampedActive}
            onActiveIndexChange={setActive}
            keyboardNavigation={false}
            isRowSelected={(r) => selected.has(rowKey(r))}
            rowTestId="finding-row"
            filterRow={columnFilters(view, store.countsByKind, change)}
            fullWidthRow={(r) =>
              r.type === 'group' ? (
                <GroupHeader group={r.group} collapsed={r.collapsed} selected={selected.has(r.group.key)} onToggle={() => store.toggleGroup(r.group.key)} onSelect={() => toggleSelected(r.group.key)} />
              ) : null
            }
            onRowOpen={() => triage.run('open')}
          />
        )
      )}
      <p className="muted small">Keys: j/k move · Enter opens · a approve · r reject · l legal · e license · u undo · x select · ? all shortcuts · “·c”: the status comes from the component's decision</p>
      {triage.quick && <QuickDecisionDialog request={triage.quick} onRecorded={triage.quickDone} onClose={triage.closeQuick} />}
    </div>
  );
}

import type { ColumnDef, SortingState } from '@tanstack/react-table';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Finding } from '../../../../shared/model/finding';
import { findingKinds } from '../../../../shared/model/finding';
import { errorMessage, invoke, onEvent } from '../../api/api-client';
import { VirtualTable } from '../../components/data-table/virtual-table';
import { EmptyState } from '../../components/feedback/empty-state';
import { ErrorBanner } from '../../components/feedback/error-banner';
import { useProjectsStore } from '../../stores/projects-store';
import { routeHref, useRouteStore } from '../../stores/route-store';

const pageSize = 500;
type SortColumn = 'path' | 'kind' | 'license' | 'score' | 'component';

const columns: ColumnDef<Finding, unknown>[] = [
  { id: 'kind', header: 'Kind', accessorFn: (f) => f.kind, size: 140, cell: (i) => <span className={`kind kind-${i.row.original.kind}`}>{i.row.original.kind}</span> },
  { id: 'license', header: 'License', accessorFn: (f) => f.license ?? '', size: 220 },
  {
    id: 'path',
    header: 'Where',
    accessorFn: (f) => f.path ?? '',
    cell: (i) => {
      const f = i.row.original;
      const where = `${f.path ?? ''}${f.startLine ? `:${f.startLine}` : ''}`;
      return f.fileId ? <a href={routeHref('file', f.fileId, { finding: f.id })}>{where}</a> : <span>{where}</span>;
    },
  },
  { id: 'component', header: 'Component', accessorFn: (f) => f.componentName ?? '', size: 200 },
  { id: 'score', header: 'Score', accessorFn: (f) => f.score, size: 80, cell: (i) => `${Math.round(i.row.original.score * 100)}%${i.row.original.modified ? ' ✎' : ''}` },
  { id: 'text', header: 'Text', accessorFn: (f) => f.text, enableSorting: false, cell: (i) => <span className="clip">{i.row.original.text.slice(0, 200)}</span> },
];

/** Every finding of the latest scans, paged from the workspace as the user scrolls, filtered on the server. */
export function FindingsView() {
  const route = useRouteStore((s) => s.route);
  const navigate = useRouteStore((s) => s.navigate);
  const projects = useProjectsStore((s) => s.projects);
  const loadProjects = useProjectsStore((s) => s.load);
  const projectId = route.query['project'] ? Number(route.query['project']) : undefined;
  const kind = route.query['kind'] ?? '';
  const [search, setSearch] = useState('');
  const [debounced, setDebounced] = useState('');
  const [sorting, setSorting] = useState<SortingState>([]);
  const [rows, setRows] = useState<Finding[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [error, setError] = useState<string | null>(null);
  const loading = useRef(false);
  const generation = useRef(0);

  useEffect(() => {
    const t = setTimeout(() => setDebounced(search.trim()), 200);
    return () => clearTimeout(t);
  }, [search]);

  const query = useCallback(
    (offset: number) => ({
      ...(projectId !== undefined ? { projectId } : {}),
      ...(kind ? { kinds: [kind] } : {}),
      ...(debounced ? { search: debounced } : {}),
      ...(sorting[0] ? { sort: { column: sorting[0].id as SortColumn, desc: sorting[0].desc } } : {}),
      offset,
      limit: pageSize,
    }),
    [projectId, kind, debounced, sorting],
  );

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    loading.current = true;
    try {
      const page = await invoke('findings.list', query(0));
      if (mine !== generation.current) return;
      setRows(page.rows);
      setTotal(page.total);
      setCounts(page.countsByKind);
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      if (mine === generation.current) loading.current = false;
    }
  }, [query]);

  const loadMore = useCallback(async () => {
    if (loading.current || total === null || rows.length >= total) return;
    const mine = generation.current;
    loading.current = true;
    try {
      const page = await invoke('findings.list', query(rows.length));
      if (mine === generation.current) setRows((current) => [...current, ...page.rows]);
    } finally {
      if (mine === generation.current) loading.current = false;
    }
  }, [query, rows.length, total]);

  useEffect(() => {
    void reload();
    void loadProjects();
    return onEvent('data.changed', ({ topics }) => {
      if (topics.includes('findings')) void reload();
    });
  }, [reload, loadProjects]);

  return (
    <div className="view">
      <header className="view-header">
        <h1>Findings</h1>
        <div className="filters">
          <label>
            Project{' '}
            <select value={projectId ?? ''} onChange={(e) => navigate('findings', null, { project: e.target.value || undefined, kind: kind || undefined })}>
              <option value="">All projects</option>
              {projects.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Kind{' '}
            <select value={kind} onChange={(e) => navigate('findings', null, { project: projectId, kind: e.target.value || undefined })}>
              <option value="">All kinds</option>
              {findingKinds.map((k) => (
                <option key={k} value={k}>
                  {k}
                  {counts[k] !== undefined && !kind ? ` (${counts[k]})` : ''}
                </option>
              ))}
            </select>
          </label>
          <input type="search" aria-label="Search findings" placeholder="Search path, license, component…" value={search} onChange={(e) => setSearch(e.target.value)} />
          {total !== null && <span className="count">{total.toLocaleString()} findings</span>}
        </div>
      </header>
      {error && <ErrorBanner message={error} onRetry={() => void reload()} />}
      {total === 0 && !debounced && !kind && (
        <EmptyState title="No findings yet">
          <p>Findings appear when a scanned folder has license texts, notices, SPDX tags or copyrights, or an SBOM declares licenses.</p>
        </EmptyState>
      )}
      {total !== null && (total > 0 || debounced || kind) && (
        <VirtualTable
          label="findings"
          data={rows}
          columns={columns}
          manual
          sorting={sorting}
          onSortingChange={setSorting}
          onEndReached={() => void loadMore()}
          getRowId={(f) => String(f.id)}
          onRowOpen={(f) => (f.fileId ? navigate('file', f.fileId, { finding: f.id }) : f.componentId ? navigate('component', f.componentId) : undefined)}
        />
      )}
    </div>
  );
}

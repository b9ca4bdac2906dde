import { create } from 'zustand';
import type { FindingGroup, FindingStatus, ReviewFindingsPage, ReviewedFinding } from '../../../shared/api/review-contract';
import { errorMessage, invoke } from '../api/api-client';
import { emptyViewState, queryParams, type FindingsViewState } from '../features/findings/findings-query';

const pageSize = 500;
const maxPage = 5000;

interface FindingsState {
  view: FindingsViewState;
  /** Group keys shown as headers only. */
  collapsed: string[];
  rows: ReviewedFinding[];
  total: number | null;
  countsByStatus: Partial<Record<FindingStatus, number>>;
  countsByKind: Record<string, number>;
  groups: FindingGroup[];
  loading: boolean;
  error: string | null;
  setView(view: FindingsViewState): void;
  toggleGroup(key: string): void;
  /** Fetches again from the top; `keep` refetches as many rows as are loaded, so the table does not jump. */
  reload(options?: { keep?: boolean }): Promise<void>;
  loadMore(): Promise<void>;
  /** Every finding id matching the view (for a bulk decision on the filter), up to `limit`. */
  matchingIds(limit: number): Promise<{ ids: { id: number; label: string }[]; total: number }>;
}

// Answers to superseded requests are dropped: only the newest query may write the rows.
let generation = 0;
let loadingMore = false;

function applyPage(page: ReviewFindingsPage) {
  return { rows: page.rows, total: page.total, countsByStatus: page.countsByStatus, countsByKind: page.countsByKind, groups: page.groups, error: null };
}

export const useFindingsStore = create<FindingsState>((set, get) => ({
  view: emptyViewState,
  collapsed: [],
  rows: [],
  total: null,
  countsByStatus: {},
  countsByKind: {},
  groups: [],
  loading: false,
  error: null,
  setView(view) {
    const groupingChanged = view.groupBy !== get().view.groupBy;
    set({ view, ...(groupingChanged ? { collapsed: [] } : {}) });
    void get().reload();
  },
  toggleGroup(key) {
    const collapsed = get().collapsed.includes(key) ? get().collapsed.filter((k) => k !== key) : [...get().collapsed, key];
    set({ collapsed });
    void get().reload({ keep: true });
  },
  async reload(options = {}) {
    const mine = ++generation;
    const { view, collapsed, rows } = get();
    const limit = options.keep ? Math.min(maxPage, Math.max(pageSize, rows.length)) : pageSize;
    set({ loading: true });
    try {
      const page = await invoke('review.findings', queryParams(view, collapsed, 0, limit));
      if (mine === generation) set(applyPage(page));
    } catch (error) {
      if (mine === generation) set({ error: errorMessage(error) });
    } finally {
      if (mine === generation) set({ loading: false });
    }
  },
  async loadMore() {
    const { view, collapsed, rows, total } = get();
    if (loadingMore || total === null || rows.length >= total) return;
    const mine = generation;
    loadingMore = true;
    try {
      const page = await invoke('review.findings', queryParams(view, collapsed, rows.length, pageSize));
      if (mine === generation) set({ rows: [...get().rows, ...page.rows] });
    } catch (error) {
      if (mine === generation) set({ error: errorMessage(error) });
    } finally {
      loadingMore = false;
    }
  },
  async matchingIds(limit) {
    const { view } = get();
    const ids: { id: number; label: string }[] = [];
    for (;;) {
      const page = await invoke('review.findings', queryParams({ ...view, groupBy: null }, [], ids.length, Math.min(maxPage, limit - ids.length)));
      for (const f of page.rows) ids.push({ id: f.id, label: `${f.path ?? f.componentName ?? ''}: ${f.kind}${f.license ? ` ${f.license}` : ''}` });
      if (page.rows.length === 0 || ids.length >= Math.min(page.total, limit)) return { ids, total: page.total };
    }
  },
}));

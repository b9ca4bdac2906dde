import { findingStatuses, type FindingStatus } from '../../../../shared/api/review-contract';
import { findingKinds, type FindingKind } from '../../../../shared/model/finding';
import { emptyViewState, openStatuses, type FindingsViewState, type GroupBy, type SortColumn } from './findings-query';

/** A named set of filters, grouping and sort, kept in this browser profile (localStorage). */
export interface SavedView {
  name: string;
  state: FindingsViewState;
  savedAt: string;
}

/** The part of the Web Storage API this module uses (localStorage in the app, a Map in tests). */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const savedViewsKey = 'clearance-findings-views';

/** Views every workspace has; they cannot be deleted or overwritten. */
export const builtInViews: readonly SavedView[] = [
  { name: 'Needs review', state: { ...emptyViewState, statuses: openStatuses }, savedAt: '' },
  { name: 'Problems', state: { ...emptyViewState, kinds: ['unknown-license', 'license-mismatch', 'manifest-error'] }, savedAt: '' },
  { name: 'By component', state: { ...emptyViewState, groupBy: 'component' }, savedAt: '' },
  { name: 'Everything', state: emptyViewState, savedAt: '' },
];

const groupings = new Set<GroupBy>(['component', 'license', 'status']);
const sortColumns = new Set<SortColumn>(['path', 'kind', 'license', 'component', 'status']);
const kindSet = new Set<string>(findingKinds);
const statusSet = new Set<string>(findingStatuses);

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Takes what storage holds (written by any version, or edited by hand) and keeps only what is valid. */
function sanitiseState(raw: unknown): FindingsViewState {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const sort = r['sort'] as Record<string, unknown> | null | undefined;
  return {
    projectId: typeof r['projectId'] === 'number' && Number.isInteger(r['projectId']) && r['projectId'] > 0 ? r['projectId'] : null,
    kinds: Array.isArray(r['kinds']) ? (r['kinds'].filter((k) => kindSet.has(k as string)) as FindingKind[]) : [],
    statuses: Array.isArray(r['statuses']) ? (r['statuses'].filter((s) => statusSet.has(s as string)) as FindingStatus[]) : [],
    license: str(r['license']),
    component: str(r['component']),
    path: str(r['path']),
    search: str(r['search']),
    groupBy: groupings.has(r['groupBy'] as GroupBy) ? (r['groupBy'] as GroupBy) : null,
    sort: sort && sortColumns.has(sort['column'] as SortColumn) ? { column: sort['column'] as SortColumn, desc: sort['desc'] === true } : null,
  };
}

const isBuiltIn = (name: string): boolean => builtInViews.some((v) => v.name.toLowerCase() === name.trim().toLowerCase());

export function loadSavedViews(storage: StorageLike): SavedView[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(storage.getItem(savedViewsKey) ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  const views: SavedView[] = [];
  for (const entry of parsed as Record<string, unknown>[]) {
    const name = str(entry?.['name']).trim();
    if (!name || isBuiltIn(name) || views.some((v) => v.name.toLowerCase() === name.toLowerCase())) continue;
    views.push({ name, state: sanitiseState(entry['state']), savedAt: str(entry['savedAt']) });
  }
  return views;
}

/** Saves (or replaces, by name regardless of case) a view; returns the new list, sorted by name. */
export function saveView(storage: StorageLike, name: string, state: FindingsViewState, now: Date): SavedView[] {
  const trimmed = name.trim();
  if (!trimmed) throw new Error('a saved view needs a name');
  if (isBuiltIn(trimmed)) throw new Error(`"${trimmed}" is a built-in view; choose another name`);
  const views = loadSavedViews(storage).filter((v) => v.name.toLowerCase() !== trimmed.toLowerCase());
  views.push({ name: trimmed, state: sanitiseState(state), savedAt: now.toISOString() });
  views.sort((a, b) => a.name.localeCompare(b.name));
  storage.setItem(savedViewsKey, JSON.stringify(views));
  return views;
}

export function deleteView(storage: StorageLike, name: string): SavedView[] {
  const views = loadSavedViews(storage).filter((v) => v.name !== name);
  storage.setItem(savedViewsKey, JSON.stringify(views));
  return views;
}

/** The state a view puts the Findings view in: built-in views keep the project in view, saved ones bring theirs. */
export function applyView(view: SavedView, current: FindingsViewState): FindingsViewState {
  const state = sanitiseState(view.state);
  return isBuiltIn(view.name) ? { ...state, projectId: current.projectId } : state;
}

/** The saved or built-in view whose state equals the current one, to show which view is active. */
export function activeViewName(views: readonly SavedView[], state: FindingsViewState): string | null {
  const key = JSON.stringify(sanitiseState(state));
  return [...views, ...builtInViews].find((v) => JSON.stringify(applyView(v, state)) === key)?.name ?? null;
}

import type { ApiParams } from '../../../../shared/api/contract';
import type { FindingStatus } from '../../../../shared/api/review-contract';
import type { FindingKind } from '../../../../shared/model/finding';

export type GroupBy = 'component' | 'license' | 'status';
export type SortColumn = 'path' | 'kind' | 'license' | 'component' | 'status' | 'score';

/** Everything that decides which findings the view shows and how: what a saved view stores. */
export interface FindingsViewState {
  projectId: number | null;
  kinds: FindingKind[];
  statuses: FindingStatus[];
  license: string;
  component: string;
  path: string;
  search: string;
  groupBy: GroupBy | null;
  sort: { column: SortColumn; desc: boolean } | null;
}

export const emptyViewState: FindingsViewState = {
  projectId: null,
  kinds: [],
  statuses: [],
  license: '',
  component: '',
  path: '',
  search: '',
  groupBy: null,
  sort: null,
};

/** Statuses that ask for a person: what "Needs review" shows. */
export const openStatuses: FindingStatus[] = ['conflict', 'changed', 'expired', 'undecided', 'pending'];

/** The review.findings params for one page of the view. */
export function queryParams(state: FindingsViewState, collapsed: readonly string[], offset: number, limit: number): ApiParams<'review.findings'> {
  const text = (value: string) => value.trim() || undefined;
  return {
    ...(state.projectId !== null ? { projectId: state.projectId } : {}),
    ...(state.kinds.length > 0 ? { kinds: state.kinds } : {}),
    ...(state.statuses.length > 0 ? { statuses: state.statuses } : {}),
    ...(text(state.license) ? { license: text(state.license) } : {}),
    ...(text(state.component) ? { component: text(state.component) } : {}),
    ...(text(state.path) ? { path: text(state.path) } : {}),
    ...(text(state.search) ? { search: text(state.search) } : {}),
    ...(state.groupBy ? { groupBy: state.groupBy } : {}),
    ...(state.groupBy && collapsed.length > 0 ? { collapsed: [...collapsed] } : {}),
    ...(state.sort ? { sort: state.sort } : {}),
    offset,
    limit,
  };
}

/** True when the state narrows the findings (an empty result then means "no match", not "nothing scanned"). */
export function isFiltered(state: FindingsViewState): boolean {
  return state.kinds.length > 0 || state.statuses.length > 0 || [state.license, state.component, state.path, state.search].some((v) => v.trim() !== '');
}

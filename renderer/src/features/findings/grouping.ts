import type { FindingGroup, ReviewedFinding } from '../../../../shared/api/review-contract';
import type { GroupBy } from './findings-query';

/** What the table shows in one line: a group's header or a finding. */
export type DisplayRow = { type: 'group'; group: FindingGroup; collapsed: boolean } | { type: 'finding'; finding: ReviewedFinding };

/** The key of the group a finding falls in; the same keys the server gives its groups. */
export function groupKeyOf(finding: ReviewedFinding, groupBy: GroupBy): string {
  if (groupBy === 'component') return `component:${finding.componentId ?? 0}`;
  if (groupBy === 'license') return `license:${finding.license ?? ''}`;
  return `status:${finding.status}`;
}

/**
 * Interleaves group headers with the findings loaded so far. The server sends every group (in order, with
 * counts) and the findings sorted by group, a page at a time: a header is shown once the rows before it are all
 * loaded, so headers never run ahead of their rows while the user scrolls 100,000 findings.
 */
export function buildDisplayRows(
  groupBy: GroupBy | null,
  groups: readonly FindingGroup[],
  loaded: readonly ReviewedFinding[],
  collapsed: ReadonlySet<string>,
): DisplayRow[] {
  if (!groupBy) return loaded.map((finding) => ({ type: 'finding', finding }));
  const rows: DisplayRow[] = [];
  let next = 0;
  for (const group of groups) {
    const isCollapsed = collapsed.has(group.key);
    rows.push({ type: 'group', group, collapsed: isCollapsed });
    if (isCollapsed) continue;
    let taken = 0;
    while (next < loaded.length && taken < group.count && groupKeyOf(loaded[next]!, groupBy) === group.key) {
      rows.push({ type: 'finding', finding: loaded[next]! });
      next++;
      taken++;
    }
    // The rest of this group is not loaded yet: later headers wait for it.
    if (taken < group.count) break;
  }
  return rows;
}

/** The group a display row belongs to (its own for a header), for group actions on the focused row. */
export function groupAt(rows: readonly DisplayRow[], index: number): FindingGroup | null {
  for (let i = Math.min(index, rows.length - 1); i >= 0; i--) {
    const row = rows[i]!;
    if (row.type === 'group') return row.group;
  }
  return null;
}

import { describe, expect, it } from 'vitest';
import type { FindingGroup, ReviewedFinding } from '../../../shared/api/review-contract';
import { buildDisplayRows, groupAt, groupKeyOf } from '../../../renderer/src/features/findings/grouping';

function finding(id: number, componentId: number | null, license: string | null, status: ReviewedFinding['status'] = 'undecided'): ReviewedFinding {
  return {
    id, scanId: 1, componentId, componentName: componentId ? `c${componentId}` : null, fileId: id, path: `f${id}`, kind: 'license-text', license,
    score: 1, startLine: 1, endLine: 2, text: '', matchedBy: 'test', modified: false, key: `k${id}`, projectId: 1, status,
    statusFrom: 'component', decision: null, policyAction: null, policyReason: null, changes: [],
  };
}
const group = (key: string, count: number): FindingGroup => ({ key, label: key, componentId: null, count, countsByStatus: {} });
const shape = (rows: ReturnType<typeof buildDisplayRows>) => rows.map((r) => (r.type === 'group' ? `[${r.group.key}]` : r.finding.id));

describe('grouped display rows', () => {
  const groups = [group('component:1', 2), group('component:2', 3), group('component:0', 1)];
  const all = [finding(1, 1, 'MIT'), finding(2, 1, 'MIT'), finding(3, 2, 'ISC'), finding(4, 2, 'ISC'), finding(5, 2, null), finding(6, null, null)];

  it('lists findings as they are when not grouped', () => {
    expect(shape(buildDisplayRows(null, [], all, new Set()))).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('puts each group header before its findings', () => {
    expect(shape(buildDisplayRows('component', groups, all, new Set()))).toEqual(['[component:1]', 1, 2, '[component:2]', 3, 4, 5, '[component:0]', 6]);
  });

  it('stops at a group whose findings are not all loaded yet, so later headers do not run ahead', () => {
    expect(shape(buildDisplayRows('component', groups, all.slice(0, 3), new Set()))).toEqual(['[component:1]', 1, 2, '[component:2]', 3]);
  });

  it('shows collapsed groups as headers only (the server leaves their rows out)', () => {
    const loaded = all.filter((f) => f.componentId !== 2);
    const rows = buildDisplayRows('component', groups, loaded, new Set(['component:2']));
    expect(shape(rows)).toEqual(['[component:1]', 1, 2, '[component:2]', '[component:0]', 6]);
    expect(rows[3]).toMatchObject({ type: 'group', collapsed: true });
  });

  it('finds the group of any row', () => {
    const rows = buildDisplayRows('component', groups, all, new Set());
    expect(groupAt(rows, 0)?.key).toBe('component:1');
    expect(groupAt(rows, 5)?.key).toBe('component:2');
    expect(groupAt(rows, 8)?.key).toBe('component:0');
  });

  it('keys groups by component, license or status like the server', () => {
    expect(groupKeyOf(finding(1, 7, 'MIT'), 'component')).toBe('component:7');
    expect(groupKeyOf(finding(1, null, null), 'component')).toBe('component:0');
    expect(groupKeyOf(finding(1, 7, null), 'license')).toBe('license:');
    expect(groupKeyOf(finding(1, 7, 'MIT', 'changed'), 'status')).toBe('status:changed');
  });
});

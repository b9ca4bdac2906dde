import type { FindingGroup, FindingStatus } from '../../../../shared/api/review-contract';
import { routeHref } from '../../stores/route-store';
import { statusLabels } from '../review/status-labels';

interface Props {
  group: FindingGroup;
  collapsed: boolean;
  selected: boolean;
  onToggle(): void;
  onSelect(): void;
}

/** A group's line in the findings table: collapse, count, counts per status, and the component behind it. */
export function GroupHeader({ group, collapsed, selected, onToggle, onSelect }: Props) {
  const statuses = Object.entries(group.countsByStatus) as [FindingStatus, number][];
  return (
    <div className="group-header" data-testid="group-header">
      {group.componentId !== null && (
        <input type="checkbox" aria-label={`Select component ${group.label}`} checked={selected} onChange={onSelect} onClick={(e) => e.stopPropagation()} />
      )}
      <button type="button" className="tree-toggle" aria-expanded={!collapsed} onClick={onToggle}>
        {collapsed ? '▸' : '▾'} <strong>{group.label}</strong>
      </button>
      <span className="muted">{group.count.toLocaleString()} findings</span>
      {statuses.map(([status, n]) => (
        <span key={status} className={`status status-${status}`}>
          {statusLabels[status]} {n}
        </span>
      ))}
      {group.componentId !== null && <a href={routeHref('component', group.componentId)}>component page</a>}
    </div>
  );
}

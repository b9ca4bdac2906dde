import type { RefObject } from 'react';
import { DebouncedInput } from '../../components/form/debounced-input';
import { useProjectsStore } from '../../stores/projects-store';
import type { FindingsViewState, GroupBy } from './findings-query';
import { SavedViewsMenu } from './saved-views-menu';

interface Props {
  view: FindingsViewState;
  onChange(view: FindingsViewState): void;
  searchRef: RefObject<HTMLInputElement | null>;
}

/** Project, global search, grouping and saved views. */
export function FindingsToolbar({ view, onChange, searchRef }: Props) {
  const projects = useProjectsStore((s) => s.projects);
  return (
    <div className="filters">
      <label>
        Project{' '}
        <select value={view.projectId ?? ''} onChange={(e) => onChange({ ...view, projectId: e.target.value ? Number(e.target.value) : null })}>
          <option value="">Whole workspace</option>
          {projects.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <DebouncedInput
        ref={searchRef}
        type="search"
        aria-label="Search findings"
        placeholder="Search path, license, component…  ( / )"
        value={view.search}
        onCommit={(search) => onChange({ ...view, search })}
      />
      <label>
        Group by{' '}
        <select aria-label="Group by" value={view.groupBy ?? ''} onChange={(e) => onChange({ ...view, groupBy: (e.target.value || null) as GroupBy | null })}>
          <option value="">nothing</option>
          <option value="component">component</option>
          <option value="license">license</option>
          <option value="status">status</option>
        </select>
      </label>
      <SavedViewsMenu state={view} onApply={onChange} />
    </div>
  );
}

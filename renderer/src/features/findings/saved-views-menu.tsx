import { useState } from 'react';
import { useAppStore } from '../../stores/app-store';
import type { FindingsViewState } from './findings-query';
import { activeViewName, applyView, builtInViews, deleteView, loadSavedViews, saveView, type SavedView } from './saved-views';

/** Pick a built-in or saved view, save the current one under a name, or delete a saved one. */
export function SavedViewsMenu({ state, onApply }: { state: FindingsViewState; onApply(state: FindingsViewState): void }) {
  const [views, setViews] = useState<SavedView[]>(() => loadSavedViews(localStorage));
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const notify = useAppStore((s) => s.notify);
  const active = activeViewName(views, state);
  const all = [...builtInViews, ...views];

  const save = (): void => {
    try {
      setViews(saveView(localStorage, name, state, new Date()));
      setNaming(false);
      setName('');
      notify('info', `Saved the view "${name.trim()}"`);
    } catch (e) {
      notify('error', (e as Error).message);
    }
  };

  return (
    <div className="saved-views">
      <label>
        View{' '}
        <select
          aria-label="Saved view"
          value={active ?? ''}
          onChange={(e) => {
            const view = all.find((v) => v.name === e.target.value);
            if (view) onApply(applyView(view, state));
          }}
        >
          {active === null && <option value="">(custom)</option>}
          {all.map((v) => (
            <option key={v.name} value={v.name}>
              {v.name}
            </option>
          ))}
        </select>
      </label>
      {naming ? (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <input aria-label="Name of the view" value={name} onChange={(e) => setName(e.target.value)} autoFocus data-autofocus="true" placeholder="e.g. GPL in shop" />
          <button type="submit">Save</button>
          <button type="button" onClick={() => setNaming(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <button type="button" onClick={() => setNaming(true)}>
          Save view…
        </button>
      )}
      {active && views.some((v) => v.name === active) && (
        <button type="button" onClick={() => setViews(deleteView(localStorage, active))} aria-label={`Delete the view ${active}`}>
          Delete view
        </button>
      )}
    </div>
  );
}

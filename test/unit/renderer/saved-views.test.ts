import { describe, expect, it } from 'vitest';
import { emptyViewState } from '../../../renderer/src/features/findings/findings-query';
import {
  activeViewName, applyView, builtInViews, deleteView, loadSavedViews, saveView, savedViewsKey, type StorageLike,
} from '../../../renderer/src/features/findings/saved-views';

function memoryStorage(initial: Record<string, string> = {}): StorageLike & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('saved views', () => {
  const now = new Date('2026-03-01T10:00:00Z');

  it('saves, reloads and replaces views by name regardless of case', () => {
    const storage = memoryStorage();
    saveView(storage, 'GPL in shop', { ...emptyViewState, projectId: 3, license: 'GPL', groupBy: 'component' }, now);
    saveView(storage, 'approved', { ...emptyViewState, statuses: ['decided'] }, now);
    const replaced = saveView(storage, 'gpl IN shop', { ...emptyViewState, projectId: 3, license: 'GPL-3.0' }, now);
    expect(replaced.map((v) => v.name)).toEqual(['approved', 'gpl IN shop']);
    const reloaded = loadSavedViews(storage);
    expect(reloaded).toEqual(replaced);
    expect(reloaded[1]!.state).toMatchObject({ projectId: 3, license: 'GPL-3.0', groupBy: null });
    expect(reloaded[1]!.savedAt).toBe('2026-03-01T10:00:00.000Z');
  });

  it('survives corrupt or hand-edited storage, keeping only valid fields', () => {
    expect(loadSavedViews(memoryStorage({ [savedViewsKey]: '{not json' }))).toEqual([]);
    expect(loadSavedViews(memoryStorage({ [savedViewsKey]: '{"a":1}' }))).toEqual([]);
    const storage = memoryStorage({
      [savedViewsKey]: JSON.stringify([
        { name: 'ok', state: { kinds: ['copyright', 'bogus'], statuses: ['decided', 'maybe'], groupBy: 'planet', sort: { column: 'score', desc: true }, projectId: -1 } },
        { name: '' },
        null,
        { name: 'Needs review', state: {} },
      ]),
    });
    const views = loadSavedViews(storage);
    expect(views.map((v) => v.name)).toEqual(['ok']);
    expect(views[0]!.state).toEqual({ ...emptyViewState, kinds: ['copyright'], statuses: ['decided'] });
  });

  it('refuses empty names and the names of built-in views', () => {
    const storage = memoryStorage();
    expect(() => saveView(storage, '  ', emptyViewState, now)).toThrow(/needs a name/);
    expect(() => saveView(storage, 'needs REVIEW', emptyViewState, now)).toThrow(/built-in/);
  });

  it('deletes a view', () => {
    const storage = memoryStorage();
    saveView(storage, 'a', emptyViewState, now);
    saveView(storage, 'b', emptyViewState, now);
    expect(deleteView(storage, 'a').map((v) => v.name)).toEqual(['b']);
    expect(loadSavedViews(storage).map((v) => v.name)).toEqual(['b']);
  });

  it('applies built-in views to the project in view, saved views with their own project', () => {
    const current = { ...emptyViewState, projectId: 9, search: 'x' };
    const needsReview = builtInViews.find((v) => v.name === 'Needs review')!;
    expect(applyView(needsReview, current)).toMatchObject({ projectId: 9, search: '', statuses: ['conflict', 'changed', 'expired', 'undecided', 'pending'] });
    const mine = { name: 'mine', state: { ...emptyViewState, projectId: 2 }, savedAt: '' };
    expect(applyView(mine, current).projectId).toBe(2);
    expect(activeViewName([mine], applyView(needsReview, current))).toBe('Needs review');
    expect(activeViewName([mine], { ...emptyViewState, projectId: 2 })).toBe('mine');
    expect(activeViewName([mine], current)).toBeNull();
  });
});

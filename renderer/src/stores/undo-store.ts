import { create } from 'zustand';
import type { UndoEntry } from '../features/review/undo';

interface UndoState {
  entries: UndoEntry[];
  push(entry: UndoEntry): void;
  pop(): UndoEntry | null;
}

/** Decisions recorded from triage in this session, newest last: what `u` can undo. */
export const useUndoStore = create<UndoState>((set, get) => ({
  entries: [],
  push(entry) {
    set({ entries: [...get().entries.slice(-49), entry] });
  },
  pop() {
    const entries = get().entries;
    const last = entries[entries.length - 1] ?? null;
    set({ entries: entries.slice(0, -1) });
    return last;
  },
}));

import { create } from 'zustand';
import type { ProjectSummary } from '../../../shared/model/project';
import { errorMessage, invoke, onEvent } from '../api/api-client';

interface ProjectsState {
  projects: ProjectSummary[];
  loaded: boolean;
  error: string | null;
  load(): Promise<void>;
}

export const useProjectsStore = create<ProjectsState>((set) => ({
  projects: [],
  loaded: false,
  error: null,
  async load() {
    try {
      set({ projects: await invoke('projects.list'), loaded: true, error: null });
    } catch (error) {
      set({ error: errorMessage(error), loaded: true });
    }
  },
}));

onEvent('data.changed', ({ topics }) => {
  if (topics.includes('projects')) void useProjectsStore.getState().load();
});

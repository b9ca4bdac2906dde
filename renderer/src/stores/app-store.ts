import { create } from 'zustand';
import type { AppInfo } from '../../../shared/api/contract';
import { errorMessage, invoke } from '../api/api-client';

export type ThemePreference = 'system' | 'light' | 'dark';

interface Notice {
  id: number;
  kind: 'error' | 'info';
  text: string;
}

interface AppState {
  info: AppInfo | null;
  infoError: string | null;
  theme: ThemePreference;
  notices: Notice[];
  loadInfo(): Promise<void>;
  setTheme(theme: ThemePreference): void;
  notify(kind: Notice['kind'], text: string): void;
  dismiss(id: number): void;
}

let nextNotice = 1;

function applyTheme(theme: ThemePreference): void {
  if (theme === 'system') delete document.documentElement.dataset['theme'];
  else document.documentElement.dataset['theme'] = theme;
}

const storedTheme = (localStorage.getItem('clearance-theme') as ThemePreference | null) ?? 'system';
applyTheme(storedTheme);

export const useAppStore = create<AppState>((set, get) => ({
  info: null,
  infoError: null,
  theme: storedTheme,
  notices: [],
  async loadInfo() {
    try {
      set({ info: await invoke('app.info'), infoError: null });
    } catch (error) {
      set({ infoError: errorMessage(error) });
    }
  },
  setTheme(theme) {
    localStorage.setItem('clearance-theme', theme);
    applyTheme(theme);
    set({ theme });
  },
  notify(kind, text) {
    const id = nextNotice++;
    set({ notices: [...get().notices, { id, kind, text }] });
    if (kind === 'info') setTimeout(() => get().dismiss(id), 6000);
  },
  dismiss(id) {
    set({ notices: get().notices.filter((n) => n.id !== id) });
  },
}));

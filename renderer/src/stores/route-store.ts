import { create } from 'zustand';

export type RouteName = 'projects' | 'components' | 'component' | 'findings' | 'file' | 'decisions' | 'policy' | 'reports' | 'settings';

export interface Route {
  name: RouteName;
  /** Path parameter (component id, file id). */
  id: number | null;
  query: Record<string, string>;
}

const names = new Set<RouteName>(['projects', 'components', 'component', 'findings', 'file', 'decisions', 'policy', 'reports', 'settings']);

export function parseHash(hash: string): Route {
  const [pathPart = '', queryPart = ''] = hash.replace(/^#\/?/, '').split('?');
  const [first = 'projects', second] = pathPart.split('/');
  const query = Object.fromEntries(new URLSearchParams(queryPart));
  if (first === 'components' && second) return { name: 'component', id: Number(second), query };
  if (first === 'files' && second) return { name: 'file', id: Number(second), query };
  return { name: names.has(first as RouteName) ? (first as RouteName) : 'projects', id: null, query };
}

export function routeHref(name: RouteName, id: number | null = null, query: Record<string, string | number | undefined> = {}): string {
  const segment = name === 'component' ? `components/${id}` : name === 'file' ? `files/${id}` : name;
  const search = new URLSearchParams(
    Object.entries(query).filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '').map(([k, v]) => [k, String(v)]),
  ).toString();
  return `#/${segment}${search ? `?${search}` : ''}`;
}

interface RouteState {
  route: Route;
  navigate(name: RouteName, id?: number | null, query?: Record<string, string | number | undefined>): void;
}

/** Hash routing: every view has a URL (reload and back work in the browser and in Electron alike). */
export const useRouteStore = create<RouteState>((set) => {
  window.addEventListener('hashchange', () => set({ route: parseHash(window.location.hash) }));
  return {
    route: parseHash(window.location.hash),
    navigate(name, id = null, query = {}) {
      window.location.hash = routeHref(name, id, query);
    },
  };
});

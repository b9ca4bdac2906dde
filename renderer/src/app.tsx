import { useEffect, useState } from 'react';
import { onEvent } from './api/api-client';
import { ErrorBanner } from './components/feedback/error-banner';
import { ShortcutSheet } from './components/feedback/shortcut-sheet';
import { ComponentPage } from './features/components/component-page';
import { ComponentsView } from './features/components/components-view';
import { DecisionsView } from './features/decisions/decisions-view';
import { FileViewer } from './features/files/file-viewer';
import { FindingsView } from './features/findings/findings-view';
import { JobsPanel } from './features/indexing/jobs-panel';
import { PolicyView } from './features/policy/policy-view';
import { ProjectsView } from './features/projects/projects-view';
import { ReportsView } from './features/reports/reports-view';
import { ReviewerDialog } from './features/review/reviewer-dialog';
import { SettingsView } from './features/settings/settings-view';
import { useShortcuts } from './lib/use-shortcuts';
import { useAppStore } from './stores/app-store';
import { useJobsStore } from './stores/jobs-store';
import { routeHref, useRouteStore, type RouteName } from './stores/route-store';
import { useUiStore } from './stores/ui-store';

const navigation: { name: RouteName; label: string; matches: RouteName[] }[] = [
  { name: 'projects', label: 'Projects', matches: ['projects'] },
  { name: 'components', label: 'Components', matches: ['components', 'component'] },
  { name: 'findings', label: 'Findings', matches: ['findings', 'file'] },
  { name: 'decisions', label: 'Decisions', matches: ['decisions'] },
  { name: 'policy', label: 'Policy', matches: ['policy'] },
  { name: 'reports', label: 'Reports', matches: ['reports'] },
  { name: 'settings', label: 'Settings', matches: ['settings'] },
];

function Notices() {
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismiss);
  return (
    <div className="notices" aria-live="assertive">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
          <span>{n.text}</span>
          <button type="button" aria-label="Dismiss" onClick={() => dismiss(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}

/** The application frame: navigation, the current view, jobs and notices. */
export function App() {
  const route = useRouteStore((s) => s.route);
  const navigate = useRouteStore((s) => s.navigate);
  const { info, infoError, loadInfo } = useAppStore();
  const loadJobs = useJobsStore((s) => s.load);
  const [dialog, setDialog] = useState<'folder' | 'sbom' | null>(null);
  const { shortcutsOpen, setShortcutsOpen } = useUiStore();
  // `?` shows the shortcut sheet from anywhere; the Findings view binds the other keys itself.
  useShortcuts((action) => action === 'help' && (setShortcutsOpen(true), true), route.name !== 'findings');

  useEffect(() => {
    void loadInfo();
    void loadJobs();
    return onEvent('ui.command', ({ command }) => {
      if (command === 'add-folder' || command === 'import-sbom') {
        navigate('projects');
        setDialog(command === 'add-folder' ? 'folder' : 'sbom');
      } else if (command === 'export') navigate('reports');
      else if (command === 'open-settings') navigate('settings');
      else navigate('projects');
    });
  }, [loadInfo, loadJobs, navigate]);

  let view;
  switch (route.name) {
    case 'components':
      view = <ComponentsView />;
      break;
    case 'component':
      view = <ComponentPage componentId={route.id!} />;
      break;
    case 'findings':
      view = <FindingsView />;
      break;
    case 'file':
      view = <FileViewer fileId={route.id!} />;
      break;
    case 'decisions':
      view = <DecisionsView />;
      break;
    case 'policy':
      view = <PolicyView />;
      break;
    case 'reports':
      view = <ReportsView />;
      break;
    case 'settings':
      view = <SettingsView />;
      break;
    default:
      view = <ProjectsView dialog={dialog} setDialog={setDialog} />;
  }

  return (
    <div className="app">
      <nav className="sidebar" aria-label="Main">
        <div className="brand">Clearance</div>
        <ul>
          {navigation.map((item) => (
            <li key={item.name}>
              <a href={routeHref(item.name)} aria-current={item.matches.includes(route.name) ? 'page' : undefined}>
                {item.label}
              </a>
            </li>
          ))}
        </ul>
        {info && (
          <div className="sidebar-footer" title={info.workspacePath}>
            {info.mode === 'browser' ? 'Browser mode' : 'Desktop'} · v{info.version}
          </div>
        )}
      </nav>
      <main className="main">
        {infoError && <ErrorBanner message={`Cannot reach the Clearance engine: ${infoError}`} onRetry={() => void loadInfo()} />}
        {view}
      </main>
      <JobsPanel />
      <Notices />
      <ReviewerDialog />
      {shortcutsOpen && <ShortcutSheet onClose={() => setShortcutsOpen(false)} />}
    </div>
  );
}

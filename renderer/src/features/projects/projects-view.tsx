import { useEffect, useState } from 'react';
import type { ComponentSummary } from '../../../../shared/model/component';
import { errorMessage, invoke } from '../../api/api-client';
import { EmptyState } from '../../components/feedback/empty-state';
import { ErrorBanner } from '../../components/feedback/error-banner';
import { formatCount, formatDate } from '../../lib/format';
import { useAppStore } from '../../stores/app-store';
import { useProjectsStore } from '../../stores/projects-store';
import { routeHref } from '../../stores/route-store';
import { AddSourceDialog } from './add-source-dialog';
import { LicenseChart } from './license-chart';
import { ScanHistory } from './scan-history';

export function ProjectsView({ dialog, setDialog }: { dialog: 'folder' | 'sbom' | null; setDialog(kind: 'folder' | 'sbom' | null): void }) {
  const { projects, loaded, error, load } = useProjectsStore();
  const info = useAppStore((s) => s.info);
  const notify = useAppStore((s) => s.notify);
  const [components, setComponents] = useState<ComponentSummary[]>([]);
  const [confirmRemove, setConfirmRemove] = useState<number | null>(null);
  const [history, setHistory] = useState<number | null>(null);

  useEffect(() => {
    void load();
  }, [load]);
  const totalComponents = projects.reduce((n, p) => n + p.componentCount, 0);
  useEffect(() => {
    if (totalComponents === 0) return;
    invoke('components.list', {}).then(setComponents, () => setComponents([]));
  }, [totalComponents]);

  const openSample = async (): Promise<void> => {
    try {
      await invoke('sample.open');
      notify('info', 'Scanning the sample project…');
    } catch (e) {
      notify('error', errorMessage(e));
    }
  };
  const remove = async (projectId: number): Promise<void> => {
    try {
      await invoke('projects.remove', { projectId });
      setConfirmRemove(null);
    } catch (e) {
      notify('error', errorMessage(e));
    }
  };

  return (
    <div className="view">
      <header className="view-header">
        <h1>Projects</h1>
        <div className="actions">
          <button type="button" className="primary" onClick={() => setDialog('folder')}>
            Add folder
          </button>
          <button type="button" onClick={() => setDialog('sbom')}>
            Import SBOM
          </button>
        </div>
      </header>
      {error && <ErrorBanner message={error} onRetry={() => void load()} />}
      {loaded && projects.length === 0 && (
        <EmptyState title="No projects yet">
          <p>Add a folder to index its components, licenses and copyrights, or import an SBOM from a supplier.</p>
          {info?.sample.available && (
            <p>
              New here?{' '}
              <button type="button" className="primary" onClick={() => void openSample()}>
                Open the sample project
              </button>{' '}
              — a small web shop with vendored dependencies under different licenses and a supplier SBOM.
            </p>
          )}
        </EmptyState>
      )}
      {projects.length > 0 && (
        <table className="plain-table" aria-label="Projects">
          <thead>
            <tr>
              <th>Name</th>
              <th>Sources</th>
              <th className="num">Components</th>
              <th className="num">Files</th>
              <th className="num">Findings</th>
              <th className="num">Need attention</th>
              <th>Last scan</th>
              <th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {projects.map((p) => (
              <tr key={p.id} data-testid="project-row">
                <td>
                  <a href={routeHref('components', null, { project: p.id })}>{p.name}</a>
                  {p.runningJobId && <span className="badge">scanning</span>}
                </td>
                <td className="sources">
                  {p.sources.map((s) => (
                    <div key={s.path} title={s.path}>
                      {s.kind === 'sbom' ? 'SBOM ' : ''}
                      {s.path}
                    </div>
                  ))}
                </td>
                <td className="num">{formatCount(p.componentCount)}</td>
                <td className="num">{formatCount(p.fileCount)}</td>
                <td className="num">
                  <a href={routeHref('findings', null, { project: p.id })}>{formatCount(p.findingCount)}</a>
                </td>
                <td className="num">{formatCount(p.attentionCount)}</td>
                <td>{formatDate(p.latestScanAt)}</td>
                <td className="row-actions">
                  <button
                    type="button"
                    disabled={p.runningJobId !== null}
                    onClick={() => void invoke('scans.start', { paths: p.sources.map((s) => s.path), projectId: p.id }).catch((e: unknown) => notify('error', errorMessage(e)))}
                  >
                    Re-scan
                  </button>
                  <button type="button" onClick={() => setHistory(p.id)} aria-label={`Scan history of ${p.name}`}>
                    History
                  </button>
                  {confirmRemove === p.id ? (
                    <>
                      <button type="button" className="danger" onClick={() => void remove(p.id)}>
                        Remove {p.name}?
                      </button>
                      <button type="button" onClick={() => setConfirmRemove(null)}>
                        Keep
                      </button>
                    </>
                  ) : (
                    <button type="button" onClick={() => setConfirmRemove(p.id)} title="Remove the project and its scans (decisions are kept)">
                      Remove
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {components.length > 0 && <LicenseChart components={components} />}
      {history !== null && projects.some((p) => p.id === history) && (
        <ScanHistory project={projects.find((p) => p.id === history)!} onClose={() => setHistory(null)} />
      )}
      {dialog && (
        <AddSourceDialog
          kind={dialog}
          onClose={() => setDialog(null)}
          onStarted={() => {
            setDialog(null);
            void load();
          }}
        />
      )}
    </div>
  );
}

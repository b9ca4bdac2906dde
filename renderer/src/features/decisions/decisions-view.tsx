import { useCallback, useEffect, useState } from 'react';
import type { Decision, ImportReport, TrailVerification } from '../../../../shared/model/decision';
import { errorMessage, invoke, onEvent } from '../../api/api-client';
import { VirtualTable } from '../../components/data-table/virtual-table';
import { EmptyState } from '../../components/feedback/empty-state';
import { ErrorBanner } from '../../components/feedback/error-banner';
import { downloadDocument } from '../../lib/download';
import { useAppStore } from '../../stores/app-store';
import { useProjectsStore } from '../../stores/projects-store';
import { routeHref } from '../../stores/route-store';
import { decisionColumns } from './decisions-columns';
import { DecisionDetailDialog } from './decision-detail-dialog';
import { ImportReportView } from './import-report';
import { VerifyPanel } from './verify-panel';

/** The decision trail: current decisions (superseded ones on demand), verification, and signed JSON Lines in and out. */
export function DecisionsView() {
  const notify = useAppStore((s) => s.notify);
  const { projects, load: loadProjects } = useProjectsStore();
  const [decisions, setDecisions] = useState<Decision[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [includeSuperseded, setIncludeSuperseded] = useState(false);
  const [projectId, setProjectId] = useState<number | null>(null);
  const [search, setSearch] = useState('');
  const [verification, setVerification] = useState<TrailVerification | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState<'verify' | 'export' | 'import' | null>(null);
  const [opened, setOpened] = useState<Decision | null>(null);

  const load = useCallback(async () => {
    try {
      setDecisions(await invoke('decisions.list', { includeSuperseded, ...(projectId !== null ? { projectId } : {}) }));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [includeSuperseded, projectId]);
  useEffect(() => {
    void load();
    void loadProjects();
    return onEvent('data.changed', ({ topics }) => {
      if (topics.includes('decisions')) void load();
    });
  }, [load, loadProjects]);

  const act = async (kind: 'verify' | 'export' | 'import', work: () => Promise<void>): Promise<void> => {
    setBusy(kind);
    try {
      await work();
    } catch (e) {
      notify('error', errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  const verify = () =>
    act('verify', async () => {
      setVerification(null);
      setVerification(await invoke('decisions.verify'));
    });
  const exportTrail = () =>
    act('export', async () => {
      const file = await invoke('decisions.export');
      downloadDocument(file);
      notify('info', `Exported ${file.count} decisions to ${file.fileName}`);
    });
  const importFile = (file: File) => act('import', async () => setReport(await invoke('decisions.import', { content: await file.text(), fileName: file.name })));

  return (
    <div className="view">
      <header className="view-header">
        <h1>Decisions</h1>
        <div className="actions">
          <button type="button" onClick={() => void verify()} disabled={busy !== null}>
            {busy === 'verify' ? 'Verifying…' : 'Verify trail'}
          </button>
          <button type="button" onClick={() => void exportTrail()} disabled={busy !== null || decisions?.length === 0}>
            {busy === 'export' ? 'Exporting…' : 'Export (signed JSON Lines)'}
          </button>
          <label className="file-button">
            {busy === 'import' ? 'Importing…' : 'Import…'}
            <input
              type="file"
              accept=".jsonl,.ndjson,application/jsonl,application/x-ndjson"
              aria-label="Import a decisions file"
              disabled={busy !== null}
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) void importFile(file);
              }}
            />
          </label>
        </div>
      </header>
      {verification && <VerifyPanel result={verification} />}
      {report && <ImportReportView report={report} />}
      {error && <ErrorBanner message={error} onRetry={() => void load()} />}
      <div className="filters">
        <label>
          Project{' '}
          <select value={projectId ?? ''} onChange={(e) => setProjectId(e.target.value ? Number(e.target.value) : null)}>
            <option value="">All projects</option>
            {projects.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={includeSuperseded} onChange={(e) => setIncludeSuperseded(e.target.checked)} /> Show superseded history
        </label>
        <input type="search" aria-label="Filter decisions" placeholder="Filter by subject, license, reviewer…" value={search} onChange={(e) => setSearch(e.target.value)} />
        {decisions && <span className="count">{decisions.length.toLocaleString()} decisions</span>}
      </div>
      {decisions && decisions.length === 0 ? (
        <EmptyState title="No decisions recorded">
          <p>
            Decisions are recorded while reviewing <a href={routeHref('findings')}>findings</a> and components, or imported from a colleague's signed
            file. Each is signed and chained so that any later edit of the trail is detectable.
          </p>
        </EmptyState>
      ) : (
        decisions && (
          <VirtualTable
            label="decisions"
            data={decisions}
            columns={decisionColumns}
            globalFilter={search}
            getRowId={(d) => d.uid}
            rowTestId="decision-row"
            onRowOpen={setOpened}
          />
        )
      )}
      {opened && <DecisionDetailDialog decision={opened} onClose={() => setOpened(null)} />}
    </div>
  );
}

import { useEffect, useState } from 'react';
import type { ExportedDocument } from '../../../../shared/api/contract';
import { errorMessage, invoke } from '../../api/api-client';
import { EmptyState } from '../../components/feedback/empty-state';
import { downloadDocument } from '../../lib/download';
import { useAppStore } from '../../stores/app-store';
import { useProjectsStore } from '../../stores/projects-store';
import { routeHref } from '../../stores/route-store';

type Kind = 'cyclonedx-json' | 'cyclonedx-xml' | 'spdx-json' | 'spdx-tag-value' | 'spdx-jsonld' | 'findings';

const kinds: { kind: Kind; label: string; hint: string }[] = [
  { kind: 'cyclonedx-json', label: 'CycloneDX 1.6 JSON', hint: 'components, declared and detected licenses, copyrights, hashes, dependencies' },
  { kind: 'cyclonedx-xml', label: 'CycloneDX 1.6 XML', hint: 'the same, as XML' },
  { kind: 'spdx-json', label: 'SPDX 2.3 JSON', hint: 'packages with licenseDeclared, licenseInfoFromFiles, copyrightText, relationships' },
  { kind: 'spdx-tag-value', label: 'SPDX 2.3 tag-value', hint: 'the same, as tag-value text' },
  { kind: 'spdx-jsonld', label: 'SPDX 3.0.1 JSON-LD', hint: 'the same in the SPDX 3 model' },
  { kind: 'findings', label: 'Findings (JSON Lines)', hint: 'every finding with path, lines, license, score and text' },
];

export function ReportsView() {
  const { projects, load } = useProjectsStore();
  const notify = useAppStore((s) => s.notify);
  const [projectId, setProjectId] = useState<number | ''>('');
  const [busy, setBusy] = useState<Kind | null>(null);
  useEffect(() => {
    void load();
  }, [load]);

  const run = async (kind: Kind): Promise<void> => {
    setBusy(kind);
    try {
      const scope = projectId === '' ? {} : { projectId };
      const document: ExportedDocument = kind === 'findings' ? await invoke('exports.findings', scope) : await invoke('exports.sbom', { ...scope, format: kind });
      downloadDocument(document);
      notify('info', `Exported ${document.fileName}`);
    } catch (e) {
      notify('error', errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="view">
      <header className="view-header">
        <h1>Reports and exports</h1>
      </header>
      {projects.length === 0 ? (
        <EmptyState title="Nothing to export yet">
          <p>
            Scan a folder or import an SBOM on the <a href={routeHref('projects')}>Projects</a> page first.
          </p>
        </EmptyState>
      ) : (
        <>
          <label>
            Export{' '}
            <select value={projectId} onChange={(e) => setProjectId(e.target.value === '' ? '' : Number(e.target.value))} aria-label="Project to export">
              <option value="">every project in the workspace</option>
              {projects.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <ul className="export-list">
            {kinds.map((k) => (
              <li key={k.kind}>
                <button type="button" onClick={() => void run(k.kind)} disabled={busy !== null}>
                  {busy === k.kind ? 'Exporting…' : k.label}
                </button>
                <span className="muted"> {k.hint}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

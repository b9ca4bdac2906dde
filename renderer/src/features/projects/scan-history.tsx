import { useEffect, useState } from 'react';
import type { SbomDocumentSummary } from '../../../../shared/api/contract';
import type { ProjectSummary } from '../../../../shared/model/project';
import type { Scan, ScanWarning } from '../../../../shared/model/scan';
import { errorMessage, invoke } from '../../api/api-client';
import { ModalDialog } from '../../components/feedback/modal-dialog';
import { formatBytes, formatDate } from '../../lib/format';

function ScanDetails({ scan }: { scan: Scan }) {
  const [warnings, setWarnings] = useState<ScanWarning[] | null>(null);
  const [documents, setDocuments] = useState<SbomDocumentSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    Promise.all([invoke('scans.warnings', { scanId: scan.id }), invoke('scans.documents', { scanId: scan.id })]).then(
      ([w, d]) => {
        setWarnings(w);
        setDocuments(d);
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  }, [scan.id]);
  if (error) return <p className="form-error">{error}</p>;
  if (!warnings || !documents) return <p className="muted">Loading…</p>;
  return (
    <div className="scan-details">
      {documents.length > 0 && (
        <>
          <h4>Imported SBOMs</h4>
          <ul>
            {documents.map((d) => (
              <li key={d.id}>
                <code>{d.filePath}</code> — {d.format === 'cyclonedx' ? 'CycloneDX' : 'SPDX'} {d.specVersion} ({d.serialisation})
                {d.name && <> · “{d.name}”</>}
                {d.problemCount > 0 && <span className="form-error"> · {d.problemCount} problems (imported leniently)</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      <h4>Warnings ({warnings.length})</h4>
      {warnings.length === 0 ? (
        <p className="muted">None: every file was read.</p>
      ) : (
        <ul className="warning-list" aria-label={`Warnings of scan ${scan.id}`}>
          {warnings.slice(0, 500).map((w, i) => (
            <li key={i}>
              <code>{w.path}</code>
              {w.location && <span className="muted"> ({w.location})</span>}: {w.message}
            </li>
          ))}
          {warnings.length > 500 && <li className="muted">… and {warnings.length - 500} more (export findings for the full list)</li>}
        </ul>
      )}
    </div>
  );
}

/** Every scan of a project (each a snapshot), its statistics, the SBOM documents it imported and its warnings. */
export function ScanHistory({ project, onClose }: { project: ProjectSummary; onClose(): void }) {
  const [scans, setScans] = useState<Scan[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  useEffect(() => {
    invoke('scans.list', { projectId: project.id }).then(
      (list) => {
        setScans(list);
        setOpen(list.find((s) => s.status === 'finished')?.id ?? null);
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  }, [project.id]);
  return (
    <ModalDialog label={`Scan history of ${project.name}`} onClose={onClose} wide>
      <h2>Scans of {project.name}</h2>
      {error && <p className="form-error">{error}</p>}
      {scans && scans.length === 0 && <p className="muted">No scans yet.</p>}
      {scans && (
        <ul className="scan-list">
          {scans.map((scan) => (
            <li key={scan.id} data-testid="scan-entry">
              <button type="button" className="tree-toggle" aria-expanded={open === scan.id} onClick={() => setOpen(open === scan.id ? null : scan.id)}>
                {open === scan.id ? '▾' : '▸'} Scan {scan.id} · {formatDate(scan.startedAt)} · <strong>{scan.status}</strong>
              </button>
              <span className="muted">
                {scan.durationMs !== null && ` · ${(scan.durationMs / 1000).toFixed(1)} s`}
                {scan.stats &&
                  ` · ${scan.stats.components} components, ${scan.stats.files} files (${scan.stats.reusedFiles} unchanged), ${formatBytes(scan.stats.bytes)}, ${scan.stats.findings} findings`}
                {` · Clearance ${scan.toolVersion}`}
              </span>
              {scan.error && <div className="form-error">{scan.error}</div>}
              {open === scan.id && <ScanDetails scan={scan} />}
            </li>
          ))}
        </ul>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose} data-autofocus="true">
          Close
        </button>
      </div>
    </ModalDialog>
  );
}

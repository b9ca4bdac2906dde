import { useEffect, useRef, useState, type FormEvent } from 'react';
import { errorMessage, invoke } from '../../api/api-client';
import { useAppStore } from '../../stores/app-store';

export interface AddSourceDialogProps {
  kind: 'folder' | 'sbom';
  /** Add to this project instead of creating a new one. */
  projectId?: number;
  onClose(): void;
  onStarted(result: { jobId: string; projectId: number }): void;
}

/**
 * Add a folder to index or an SBOM to import. Native pickers where the app has them (Electron); in a browser
 * the user types or pastes absolute paths, one per line.
 */
export function AddSourceDialog({ kind, projectId, onClose, onStarted }: AddSourceDialogProps) {
  const canPick = useAppStore((s) => s.info?.canPickPaths ?? false);
  const [paths, setPaths] = useState('');
  const [name, setName] = useState('');
  const [extract, setExtract] = useState(false);
  const [lenient, setLenient] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dialogRef = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const pick = async (): Promise<void> => {
    try {
      const picked = await invoke('platform.pickPaths', { kind });
      if (picked.paths.length > 0) setPaths(picked.paths.join('\n'));
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const list = paths.split('\n').map((p) => p.trim()).filter(Boolean);
    if (list.length === 0) {
      setError(kind === 'folder' ? 'Enter the path of a folder to scan.' : 'Enter the path of an SBOM file to import.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await invoke('scans.start', {
        paths: list,
        ...(projectId !== undefined ? { projectId } : {}),
        ...(name.trim() && projectId === undefined ? { projectName: name.trim() } : {}),
        options: { extractArchives: extract, lenient },
      });
      onStarted(result);
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };

  const title = kind === 'folder' ? 'Add folder' : 'Import SBOM';
  return (
    <dialog ref={dialogRef} className="dialog" aria-label={title} onClose={onClose} onCancel={onClose}>
      <form onSubmit={(e) => void submit(e)}>
        <h2>{title}</h2>
        <label htmlFor="source-paths">
          {kind === 'folder' ? 'Folder path(s), one per line' : 'SBOM file path(s), one per line (CycloneDX or SPDX)'}
        </label>
        <div className="path-row">
          <textarea
            id="source-paths"
            rows={3}
            value={paths}
            onChange={(e) => setPaths(e.target.value)}
            placeholder={kind === 'folder' ? '/home/me/src/my-app' : '/home/me/supplier/bom.cdx.json'}
            autoFocus
            spellCheck={false}
          />
          {canPick && (
            <button type="button" onClick={() => void pick()}>
              Browse…
            </button>
          )}
        </div>
        {projectId === undefined && (
          <>
            <label htmlFor="project-name">Project name (optional)</label>
            <input id="project-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="named after the folder or file" />
          </>
        )}
        {kind === 'folder' ? (
          <label className="check">
            <input type="checkbox" checked={extract} onChange={(e) => setExtract(e.target.checked)} /> Unpack archives (zip, jar, whl, tgz …) and index their content
          </label>
        ) : (
          <label className="check">
            <input type="checkbox" checked={lenient} onChange={(e) => setLenient(e.target.checked)} /> Lenient: import schema-invalid documents, recording each problem as a warning
          </label>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {kind === 'folder' ? 'Scan' : 'Import'}
          </button>
        </div>
      </form>
    </dialog>
  );
}

import { useEffect, useState } from 'react';
import type { FileTreeEntry } from '../../../../shared/model/file';
import { errorMessage, invoke } from '../../api/api-client';
import { formatBytes } from '../../lib/format';
import { routeHref } from '../../stores/route-store';

interface Props {
  scanId: number;
  componentId?: number;
  dir?: string;
}

/** One level of the tree, loaded when its folder is opened: a 200,000-file tree is never fetched whole. */
export function FileTree({ scanId, componentId, dir = '' }: Props) {
  const [entries, setEntries] = useState<FileTreeEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<Set<string>>(new Set());

  useEffect(() => {
    let live = true;
    invoke('files.tree', { scanId, dir, ...(componentId !== undefined ? { componentId } : {}) }).then(
      (result) => live && setEntries(result),
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [scanId, componentId, dir]);

  if (error) return <p className="form-error">{error}</p>;
  if (!entries) return <p className="muted">Loading…</p>;
  if (entries.length === 0 && dir === '') return <p className="muted">No files.</p>;
  const toggle = (path: string): void => {
    const next = new Set(open);
    if (next.has(path)) next.delete(path);
    else next.add(path);
    setOpen(next);
  };
  return (
    <ul className="tree" role={dir === '' ? 'tree' : 'group'}>
      {entries.map((entry) => (
        <li key={entry.path} role="treeitem" aria-expanded={entry.isDirectory ? open.has(entry.path) : undefined}>
          {entry.isDirectory ? (
            <>
              <button type="button" className="tree-toggle" onClick={() => toggle(entry.path)}>
                {open.has(entry.path) ? '▾' : '▸'} {entry.name}/
              </button>
              <span className="muted"> {formatBytes(entry.size)}{entry.findingCount > 0 ? ` · ${entry.findingCount} findings` : ''}</span>
              {open.has(entry.path) && <FileTree scanId={scanId} {...(componentId !== undefined ? { componentId } : {})} dir={entry.path} />}
            </>
          ) : (
            <>
              <a href={routeHref('file', entry.fileId)}>{entry.name}</a>
              <span className="muted"> {formatBytes(entry.size)}{entry.findingCount > 0 ? ` · ${entry.findingCount} findings` : ''}</span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { FileView } from '../../../../shared/model/file';
import type { Finding } from '../../../../shared/model/finding';
import { errorMessage, invoke } from '../../api/api-client';
import { ErrorBanner } from '../../components/feedback/error-banner';
import { formatBytes } from '../../lib/format';
import { routeHref, useRouteStore } from '../../stores/route-store';
import { LicenseDiff } from './license-diff';

const lineHeight = 20;
const comparableKinds = new Set(['license-text', 'license-notice']);

/** A file with every finding's lines highlighted, and the selected license match compared with its SPDX text. */
export function FileViewer({ fileId }: { fileId: number }) {
  const route = useRouteStore((s) => s.route);
  const navigate = useRouteStore((s) => s.navigate);
  const selectedId = route.query['finding'] ? Number(route.query['finding']) : null;
  const [view, setView] = useState<FileView | null>(null);
  const [findings, setFindings] = useState<Finding[]>([]);
  const [error, setError] = useState<string | null>(null);
  // License texts are prose: long lines wrap unless the auditor wants the file's own layout.
  const [wrap, setWrap] = useState(() => localStorage.getItem('clearance.fileViewer.wrap') !== 'off');
  const scrollRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    setView(null);
    Promise.all([invoke('files.get', { fileId }), invoke('findings.list', { fileId, limit: 5000 })]).then(
      ([file, page]) => {
        setView(file);
        setFindings(page.rows);
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  }, [fileId]);

  const lines = useMemo(() => (view?.text ?? '').split(/\r\n|\r|\n/), [view]);
  const marks = useMemo(() => {
    const byLine = new Map<number, Finding[]>();
    for (const f of findings) {
      if (f.startLine === null) continue;
      for (let line = f.startLine; line <= (f.endLine ?? f.startLine); line++) byLine.set(line, [...(byLine.get(line) ?? []), f]);
    }
    return byLine;
  }, [findings]);
  const virtualizer = useVirtualizer({ count: lines.length, getScrollElement: () => scrollRef.current, estimateSize: () => lineHeight, overscan: 30 });
  const toggleWrap = (on: boolean): void => {
    localStorage.setItem('clearance.fileViewer.wrap', on ? 'on' : 'off');
    setWrap(on);
  };
  // Wrapped lines have their own heights: measure them again when wrapping changes.
  useEffect(() => virtualizer.measure(), [wrap, virtualizer]);
  const selected = findings.find((f) => f.id === selectedId) ?? null;

  useEffect(() => {
    if (selected?.startLine && view) virtualizer.scrollToIndex(selected.startLine - 1, { align: 'start' });
  }, [selected, view, virtualizer]);

  if (error) return <ErrorBanner message={error} />;
  if (!view) return <p className="muted">Loading…</p>;
  return (
    <div className="view file-view">
      <header className="view-header">
        <div>
          {view.file.componentId && <a href={routeHref('component', view.file.componentId)}>← Component</a>}
          <h1 className="file-path">{view.file.path}</h1>
          <p className="muted">
            {formatBytes(view.file.size)} · {view.file.type}
            {view.file.sha256 && <> · SHA-256 <code>{view.file.sha256.slice(0, 16)}…</code></>}
          </p>
        </div>
        {view.text !== null && (
          <label className="inline-check">
            <input type="checkbox" checked={wrap} onChange={(e) => toggleWrap(e.target.checked)} /> Wrap long lines
          </label>
        )}
      </header>
      <div className="file-layout">
        <aside className="file-findings" aria-label="Findings in this file">
          <h2>{findings.length} findings</h2>
          <ul>
            {findings.map((f) => (
              <li key={f.id}>
                <button
                  type="button"
                  className={`finding-button${f.id === selectedId ? ' selected' : ''}`}
                  onClick={() => navigate('file', fileId, { finding: f.id })}
                >
                  <span className={`kind kind-${f.kind}`}>{f.kind}</span> {f.license ?? ''}
                  <span className="muted"> lines {f.startLine ?? '?'}–{f.endLine ?? '?'} · {Math.round(f.score * 100)}%{f.modified ? ' · modified' : ''}</span>
                </button>
              </li>
            ))}
          </ul>
          {selected && comparableKinds.has(selected.kind) && selected.license && <LicenseDiff findingId={selected.id} />}
          {selected && !comparableKinds.has(selected.kind) && <p className="finding-text">{selected.text}</p>}
        </aside>
        {view.text === null ? (
          <p className="muted">{view.textUnavailableReason}</p>
        ) : (
          <div className={`code${wrap ? ' wrap' : ''}`} ref={scrollRef} role="region" aria-label="File content" tabIndex={0}>
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((item) => {
                const lineNumber = item.index + 1;
                const here = marks.get(lineNumber);
                const isSelected = selected !== null && here?.some((f) => f.id === selected.id);
                return (
                  <div
                    key={item.index}
                    data-index={item.index}
                    ref={wrap ? virtualizer.measureElement : undefined}
                    className={`code-line${here ? ` marked mark-${here[0]!.kind}` : ''}${isSelected ? ' selected' : ''}`}
                    style={{ transform: `translateY(${item.start}px)`, ...(wrap ? { minHeight: lineHeight } : { height: lineHeight }) }}
                  >
                    <span className="line-number">{lineNumber}</span>
                    <span className="line-text">{lines[item.index]}</span>
                  </div>
                );
              })}
            </div>
            {view.truncated && <p className="muted">The file is longer than the viewer shows.</p>}
          </div>
        )}
      </div>
    </div>
  );
}

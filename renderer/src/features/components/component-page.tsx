import { useEffect, useState } from 'react';
import type { ComponentDetail } from '../../../../shared/model/component';
import type { Finding } from '../../../../shared/model/finding';
import { errorMessage, invoke } from '../../api/api-client';
import { ErrorBanner } from '../../components/feedback/error-banner';
import { routeHref } from '../../stores/route-store';
import { FileTree } from './file-tree';

export function ComponentPage({ componentId }: { componentId: number }) {
  const [component, setComponent] = useState<ComponentDetail | null>(null);
  const [findings, setFindings] = useState<Finding[]>([]);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setComponent(null);
    Promise.all([invoke('components.get', { componentId }), invoke('findings.list', { componentId, limit: 200 })]).then(
      ([detail, page]) => {
        setComponent(detail);
        setFindings(page.rows);
        setTotal(page.total);
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  }, [componentId]);

  if (error) return <ErrorBanner message={error} />;
  if (!component) return <p className="muted">Loading…</p>;
  const c = component;
  return (
    <div className="view component-page">
      <header className="view-header">
        <div>
          <a href={routeHref('components', null, { project: c.projectId })}>← Components</a>
          <h1>
            {c.name} {c.version && <span className="muted">{c.version}</span>}
          </h1>
          {c.purl && <code className="purl">{c.purl}</code>}
        </div>
      </header>
      <section className="license-compare" aria-label="Licenses">
        <div>
          <h3>Declared</h3>
          <p>{c.declared.expression ?? <span className="muted">none</span>}</p>
          {c.declared.verbatim && c.declared.verbatim !== c.declared.expression && <p className="muted">as written: “{c.declared.verbatim}”</p>}
        </div>
        <div>
          <h3>Detected</h3>
          <p>{c.detected.length > 0 ? c.detected.join(', ') : <span className="muted">none</span>}</p>
        </div>
        <div>
          <h3>Concluded</h3>
          <p>{c.concluded ?? <span className="muted">no decision yet</span>}</p>
        </div>
      </section>
      <div className="two-columns">
        <section aria-label="Findings">
          <h2>
            Findings <span className="muted">({total})</span>
          </h2>
          {findings.length === 0 ? (
            <p className="muted">No findings.</p>
          ) : (
            <ul className="finding-list">
              {findings.map((f) => (
                <li key={f.id}>
                  <span className={`kind kind-${f.kind}`}>{f.kind}</span> {f.license && <strong>{f.license}</strong>}{' '}
                  {f.fileId ? <a href={routeHref('file', f.fileId, { finding: f.id })}>{f.path}{f.startLine ? `:${f.startLine}` : ''}</a> : <span className="muted">{f.path}</span>}
                  {f.kind !== 'copyright' && f.kind !== 'declared' && <span className="muted"> {Math.round(f.score * 100)}%</span>}
                  {(f.kind === 'copyright' || f.kind === 'license-mismatch' || f.kind === 'declared') && <div className="finding-text">{f.text}</div>}
                </li>
              ))}
            </ul>
          )}
          <h2>Copyrights</h2>
          {c.copyrights.length === 0 ? <p className="muted">None found.</p> : <ul>{c.copyrights.map((t) => <li key={t}>{t}</li>)}</ul>}
        </section>
        <section aria-label="Files and dependencies">
          <h2>Why is this here?</h2>
          {c.dependencyPaths.length === 0 ? (
            <p className="muted">This is the project root.</p>
          ) : (
            <ol className="dep-paths">
              {c.dependencyPaths.map((chain) => (
                <li key={chain.join('>')}>{chain.join(' → ')}</li>
              ))}
            </ol>
          )}
          {c.dependsOn.length > 0 && (
            <>
              <h3>Depends on</h3>
              <ul className="inline-list">
                {c.dependsOn.map((d) => (
                  <li key={d.id}>
                    <a href={routeHref('component', d.id)}>{d.name}{d.version ? `@${d.version}` : ''}</a>
                  </li>
                ))}
              </ul>
            </>
          )}
          <h2>Files</h2>
          {c.rootPath === null ? <p className="muted">Known from an SBOM only; no files were scanned.</p> : <FileTree scanId={c.scanId} componentId={c.id} />}
          {c.hashes.length > 0 && (
            <>
              <h3>Hashes</h3>
              <ul>{c.hashes.map((h) => <li key={h.alg + h.content}><code>{h.alg}: {h.content}</code></li>)}</ul>
            </>
          )}
          <p className="muted">Seen in: {c.origins.join(', ')}</p>
        </section>
      </div>
    </div>
  );
}

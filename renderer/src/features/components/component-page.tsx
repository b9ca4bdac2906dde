import { useCallback, useEffect, useState } from 'react';
import type { ComponentDecisions } from '../../../../shared/api/review-contract';
import type { ComponentDetail } from '../../../../shared/model/component';
import type { Finding } from '../../../../shared/model/finding';
import type { PolicyResult } from '../../../../shared/model/policy';
import { errorMessage, invoke, onEvent } from '../../api/api-client';
import { ErrorBanner } from '../../components/feedback/error-banner';
import { useProjectsStore } from '../../stores/projects-store';
import { routeHref } from '../../stores/route-store';
import { ComponentFindings } from './component-findings';
import { ComponentLicenses } from './component-licenses';
import { ComponentReview } from './component-review';
import { FileTree } from './file-tree';

interface Loaded {
  component: ComponentDetail;
  findings: Finding[];
  total: number;
  decisions: ComponentDecisions;
  policy: PolicyResult | null;
}

async function loadComponent(componentId: number): Promise<Loaded> {
  const [component, page, decisions] = await Promise.all([
    invoke('components.get', { componentId }),
    invoke('findings.list', { componentId, limit: 500 }),
    invoke('decisions.forComponent', { componentId }),
  ]);
  const evaluation = await invoke('policy.evaluate', { projectId: component.projectId });
  const policy = evaluation.results.find((r) => r.componentId === componentId) ?? null;
  return { component: { ...component, concluded: decisions.concludedLicense }, findings: page.rows, total: page.total, decisions, policy };
}

/** One component: licenses side by side, its review (decision, policy, history), findings with evidence, why it is here. */
export function ComponentPage({ componentId }: { componentId: number }) {
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const projects = useProjectsStore((s) => s.projects);
  const loadProjects = useProjectsStore((s) => s.load);

  const load = useCallback(() => {
    loadComponent(componentId).then(
      (loaded) => {
        setData(loaded);
        setError(null);
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  }, [componentId]);
  useEffect(() => {
    setData(null);
    load();
    void loadProjects();
    return onEvent('data.changed', ({ topics }) => {
      if (topics.some((t) => t === 'decisions' || t === 'policy' || t === 'components')) load();
    });
  }, [load, loadProjects]);

  if (error) return <ErrorBanner message={error} onRetry={load} />;
  if (!data) return <p className="muted">Loading…</p>;
  const c = data.component;
  const project = projects.find((p) => p.id === c.projectId) ?? null;
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
        <a href={routeHref('findings', null, { project: c.projectId })}>Findings of {project?.name ?? 'the project'} →</a>
      </header>
      <ComponentLicenses component={c} />
      <ComponentReview
        component={c}
        projectName={project?.name ?? null}
        latestScanAt={project?.latestScanAt ?? null}
        decisions={data.decisions}
        policy={data.policy}
        onRecorded={load}
      />
      <div className="two-columns">
        <section aria-label="Findings">
          <ComponentFindings findings={data.findings} total={data.total} />
          <h2>Copyrights</h2>
          {c.copyrights.length === 0 ? <p className="muted">None found.</p> : <ul>{c.copyrights.map((t) => <li key={t}>{t}</li>)}</ul>}
        </section>
        <section aria-label="Files and dependencies">
          <h2>Why is this here?</h2>
          {c.dependencyPaths.length === 0 ? (
            <p className="muted">This is the project root.</p>
          ) : (
            <ol className="dep-paths" aria-label="Dependency paths">
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
                    <a href={routeHref('component', d.id)}>
                      {d.name}
                      {d.version ? `@${d.version}` : ''}
                    </a>
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
              <ul>
                {c.hashes.map((h) => (
                  <li key={h.alg + h.content}>
                    <code>
                      {h.alg}: {h.content}
                    </code>
                  </li>
                ))}
              </ul>
            </>
          )}
          <p className="muted">Seen in: {c.origins.join(', ')}</p>
        </section>
      </div>
    </div>
  );
}

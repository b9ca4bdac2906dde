import { useCallback, useEffect, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DistributionModel } from '../../../../shared/model/project';
import type { PolicyAction } from '../../../../shared/model/policy';
import { distributionModels } from '../../../../shared/model/policy';
import { errorMessage, invoke, onEvent } from '../../api/api-client';
import { EmptyState } from '../../components/feedback/empty-state';
import { ErrorBanner } from '../../components/feedback/error-banner';
import { useAppStore } from '../../stores/app-store';
import { useProjectsStore } from '../../stores/projects-store';
import { routeHref } from '../../stores/route-store';

const modelLabels: Record<DistributionModel, string> = {
  internal: 'Internal use only',
  saas: 'Offered as a service (SaaS)',
  binary: 'Distributed as binaries',
  source: 'Distributed as source',
};

interface Row {
  projectId: number;
  name: string;
  model: DistributionModel;
  counts: Record<PolicyAction, number>;
}

/** Policy results per project (allowed / review / denied components) and each project's distribution model. */
export function PolicyResults() {
  const { projects, load: loadProjects } = useProjectsStore();
  const notify = useAppStore((s) => s.notify);
  const [rows, setRows] = useState<Row[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const scanned = projects.filter((p) => p.latestScanId !== null);
  const key = scanned.map((p) => `${p.id}:${p.distributionModel}:${p.latestScanId}`).join(',');

  const evaluate = useCallback(async () => {
    try {
      const list = useProjectsStore.getState().projects.filter((p) => p.latestScanId !== null);
      const results = await Promise.all(list.map((p) => invoke('policy.evaluate', { projectId: p.id })));
      setRows(results.map((r) => ({ projectId: r.projectId, name: r.projectName, model: r.distributionModel, counts: r.counts })));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);
  useEffect(() => void loadProjects(), [loadProjects]);
  useEffect(() => {
    void evaluate();
    return onEvent('data.changed', ({ topics }) => {
      if (topics.some((t) => t === 'policy' || t === 'decisions' || t === 'components')) void evaluate();
    });
  }, [evaluate, key]);

  const setModel = async (projectId: number, distributionModel: DistributionModel): Promise<void> => {
    try {
      await invoke('projects.setDistribution', { projectId, distributionModel });
      await loadProjects();
    } catch (e) {
      notify('error', errorMessage(e));
    }
  };

  if (error) return <ErrorBanner message={error} onRetry={() => void evaluate()} />;
  if (scanned.length === 0) return <EmptyState title="No scanned project yet"><p>Policy results appear here once a project has been scanned.</p></EmptyState>;
  if (!rows) return <p className="muted" role="status">Evaluating the policy…</p>;
  const chartData = rows.map((r) => ({ name: r.name, allowed: r.counts.allow, review: r.counts.review, denied: r.counts.deny }));
  return (
    <section aria-label="Policy results per project">
      <table className="plain-table" aria-label="Policy results">
        <thead>
          <tr>
            <th>Project</th>
            <th>Distribution</th>
            <th className="num">Allowed</th>
            <th className="num">Review</th>
            <th className="num">Denied</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.projectId} data-testid="policy-project-row">
              <td>
                <a href={routeHref('findings', null, { project: r.projectId })}>{r.name}</a>
              </td>
              <td>
                <select aria-label={`Distribution model of ${r.name}`} value={r.model} onChange={(e) => void setModel(r.projectId, e.target.value as DistributionModel)}>
                  {distributionModels.map((m) => (
                    <option key={m} value={m}>
                      {modelLabels[m]}
                    </option>
                  ))}
                </select>
              </td>
              <td className="num" data-testid="count-allow">{r.counts.allow}</td>
              <td className="num" data-testid="count-review">{r.counts.review}</td>
              <td className="num" data-testid="count-deny">{r.counts.deny}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <figure className="chart" aria-label="Policy results chart">
        <figcaption>Components per policy result</figcaption>
        <ResponsiveContainer width="100%" height={Math.max(140, rows.length * 40 + 60)}>
          <BarChart data={chartData} layout="vertical" margin={{ left: 24, right: 24 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="name" width={160} />
            <Tooltip />
            <Legend />
            <Bar dataKey="allowed" stackId="a" fill="var(--allow)" isAnimationActive={false} />
            <Bar dataKey="review" stackId="a" fill="var(--review)" isAnimationActive={false} />
            <Bar dataKey="denied" stackId="a" fill="var(--danger)" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </figure>
    </section>
  );
}

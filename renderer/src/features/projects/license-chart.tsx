import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ComponentSummary } from '../../../../shared/model/component';

/** How many components declare each license across the portfolio (top 12, the rest as "other"). */
export function LicenseChart({ components }: { components: ComponentSummary[] }) {
  const counts = new Map<string, number>();
  for (const c of components) {
    const label = c.declared.expression ?? (c.declared.verbatim ? 'non-SPDX' : 'none declared');
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const top = sorted.slice(0, 12).map(([license, count]) => ({ license, count }));
  const rest = sorted.slice(12).reduce((n, [, count]) => n + count, 0);
  if (rest > 0) top.push({ license: 'other', count: rest });
  if (top.length === 0) return null;
  return (
    <figure className="chart" aria-label="Declared licenses across all projects">
      <figcaption>Declared licenses across all projects</figcaption>
      <ResponsiveContainer width="100%" height={Math.max(160, top.length * 26)}>
        <BarChart data={top} layout="vertical" margin={{ left: 24, right: 24 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="license" width={200} />
          <Tooltip />
          <Bar dataKey="count" name="components" fill="var(--accent)" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

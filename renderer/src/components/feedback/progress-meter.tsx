export function ProgressMeter({ done, total, label }: { done: number; total: number | null; label: string }) {
  const percent = total && total > 0 ? Math.min(100, Math.round((done / total) * 100)) : null;
  return (
    <div className="progress-meter" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} {...(percent !== null ? { 'aria-valuenow': percent } : {})}>
      <div className={`progress-fill${percent === null ? ' indeterminate' : ''}`} style={percent !== null ? { width: `${percent}%` } : undefined} />
    </div>
  );
}
